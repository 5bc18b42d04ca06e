import { statusName } from '../common/errors/names';
/**
 * draft → submitted → changes_requested → (resubmitted) submitted → approved → in_progress →
 * completed; or withdrawn before approval. An approved plan is frozen: a revision takes it back to
 * draft (revision + 1) to be reviewed and approved again.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress', 'completed', 'withdrawn'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Progress of one planned activity. */
export const ACTIVITY_PROGRESS = ['not_started', 'in_progress', 'done'] as const;
export type ActivityProgress = (typeof ACTIVITY_PROGRESS)[number];

/** Where the money of a budget line comes from. */
export const FUNDING_SOURCES = ['stimulus_grant', 'school_budget_bos', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * What can be done to a plan: the school edits, submits, withdraws, revises, starts, completes and
 * reports progress; reviewers request changes and the CSR officer approves; everyone involved comments.
 */
export const PLAN_ACTIONS = ['edit', 'submit', 'request_changes', 'approve', 'start', 'complete', 'withdraw', 'revise', 'report', 'comment'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** The states each action may start from. */
export const ALLOWED_FROM: Record<PlanAction, readonly PlanStatus[]> = {
  edit: ['draft', 'changes_requested'],
  submit: ['draft', 'changes_requested'],
  request_changes: ['submitted'],
  approve: ['submitted'],
  start: ['approved'],
  complete: ['in_progress'],
  withdraw: ['draft', 'submitted', 'changes_requested'],
  revise: ['approved', 'in_progress'],
  report: ['approved', 'in_progress'],
  comment: ['draft', 'submitted', 'changes_requested', 'approved', 'in_progress'],
};

/** The actions that move a plan to another state, and where each leads. */
export type PlanTransition = Exclude<PlanAction, 'edit' | 'report' | 'comment'>;
const NEXT: Record<PlanTransition, PlanStatus> = {
  submit: 'submitted',
  request_changes: 'changes_requested',
  approve: 'approved',
  start: 'in_progress',
  complete: 'completed',
  withdraw: 'withdrawn',
  revise: 'draft',
};

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

/** Whether `action` may be taken on a plan in `status` (in revision round `revision`). */
export function canApply(action: PlanAction, status: PlanStatus, revision = 0): boolean {
  if (action === 'withdraw' && revision > 0) return false;
  return ALLOWED_FROM[action].includes(status);
}

/** The status after a successful transition. */
export function statusAfter(action: PlanTransition): PlanStatus {
  return NEXT[action];
}

/** An approved plan (and one being carried out or completed) cannot be edited in place. */
export function isFrozen(status: PlanStatus): boolean {
  return status === 'approved' || status === 'in_progress' || status === 'completed';
}

const WHY: Record<PlanStatus, Refusal> = {
  draft: { en: 'the plan is a draft that has not been submitted', id: 'rencana masih berupa draf yang belum diajukan' },
  submitted: { en: 'the plan is submitted and waiting for review', id: 'rencana sudah diajukan dan menunggu penelaahan' },
  changes_requested: { en: 'changes were requested and the school has not resubmitted yet', id: 'perubahan sudah diminta dan sekolah belum mengajukan ulang' },
  approved: { en: 'the plan is approved and frozen', id: 'rencana sudah disetujui dan dibekukan' },
  in_progress: { en: 'the plan is approved and being carried out, so it is frozen', id: 'rencana sudah disetujui dan sedang dilaksanakan, sehingga dibekukan' },
  completed: { en: 'the plan is completed and its record is final', id: 'rencana sudah selesai dan catatannya final' },
  withdrawn: { en: 'the plan was withdrawn and its record is final', id: 'rencana sudah ditarik dan catatannya final' },
};

const WHAT_TO_DO: Record<PlanAction, Partial<Record<PlanStatus, Refusal>>> = {
  edit: {
    submitted: { en: 'wait for the review: the reviewers either approve it or request changes, which opens it again', id: 'tunggu hasil penelaahan: penelaah menyetujui atau meminta perubahan, yang membukanya kembali' },
    approved: { en: 'open a revision of the plan, change it there and submit it for review again', id: 'buka revisi rencana, ubah di sana lalu ajukan lagi untuk ditelaah' },
    in_progress: { en: 'open a revision of the plan, change it there and submit it for review again', id: 'buka revisi rencana, ubah di sana lalu ajukan lagi untuk ditelaah' },
  },
  submit: {
    submitted: { en: 'it is already waiting for review; nothing more is needed', id: 'rencana sudah menunggu penelaahan; tidak perlu apa-apa lagi' },
    approved: { en: 'to change it, open a revision of the plan first', id: 'untuk mengubahnya, buka revisi rencana terlebih dahulu' },
    in_progress: { en: 'to change it, open a revision of the plan first', id: 'untuk mengubahnya, buka revisi rencana terlebih dahulu' },
  },
  request_changes: {
    draft: { en: 'comment on the draft instead; changes can be requested once the school submits it', id: 'beri komentar pada draf saja; perubahan dapat diminta setelah sekolah mengajukannya' },
    changes_requested: { en: 'wait until the school resubmits it', id: 'tunggu sampai sekolah mengajukannya ulang' },
    approved: { en: 'the school can open a revision if the plan must change', id: 'sekolah dapat membuka revisi jika rencana perlu diubah' },
    in_progress: { en: 'the school can open a revision if the plan must change', id: 'sekolah dapat membuka revisi jika rencana perlu diubah' },
  },
  approve: {
    draft: { en: 'only a submitted plan can be approved; wait until the school submits it', id: 'hanya rencana yang sudah diajukan yang dapat disetujui; tunggu sampai sekolah mengajukannya' },
    changes_requested: { en: 'wait until the school resubmits it with the requested changes', id: 'tunggu sampai sekolah mengajukannya ulang dengan perubahan yang diminta' },
    approved: { en: 'nothing more is needed', id: 'tidak ada lagi yang perlu dilakukan' },
    in_progress: { en: 'nothing more is needed', id: 'tidak ada lagi yang perlu dilakukan' },
  },
  start: {
    draft: { en: 'a plan starts once it is approved', id: 'rencana dimulai setelah disetujui' },
    submitted: { en: 'wait for the approval of the CSR officer', id: 'tunggu persetujuan petugas CSR' },
    changes_requested: { en: 'make the requested changes, resubmit and wait for approval', id: 'lakukan perubahan yang diminta, ajukan ulang dan tunggu persetujuan' },
    in_progress: { en: 'it has already started', id: 'rencana sudah dimulai' },
  },
  complete: {
    approved: { en: 'start carrying it out first', id: 'mulai laksanakan rencana terlebih dahulu' },
  },
  withdraw: {
    approved: { en: 'an approved plan cannot be withdrawn; open a revision if it must change', id: 'rencana yang sudah disetujui tidak dapat ditarik; buka revisi jika perlu diubah' },
    in_progress: { en: 'an approved plan cannot be withdrawn; open a revision if it must change', id: 'rencana yang sudah disetujui tidak dapat ditarik; buka revisi jika perlu diubah' },
  },
  revise: {
    draft: { en: 'a draft can be edited directly', id: 'draf dapat diubah langsung' },
    submitted: { en: 'wait for the review; if changes are requested the plan opens again', id: 'tunggu hasil penelaahan; jika perubahan diminta, rencana terbuka kembali' },
    changes_requested: { en: 'it is already open for changes: edit it and resubmit', id: 'rencana sudah terbuka untuk diubah: ubah lalu ajukan ulang' },
  },
  report: {
    draft: { en: 'progress is reported once the plan is approved', id: 'kemajuan dilaporkan setelah rencana disetujui' },
    submitted: { en: 'progress is reported once the plan is approved', id: 'kemajuan dilaporkan setelah rencana disetujui' },
    changes_requested: { en: 'progress is reported once the plan is approved', id: 'kemajuan dilaporkan setelah rencana disetujui' },
  },
  comment: {},
};

const ACTION_TEXT: Record<PlanAction, Refusal> = {
  edit: { en: 'cannot change the plan', id: 'tidak dapat mengubah rencana' },
  submit: { en: 'cannot submit the plan', id: 'tidak dapat mengajukan rencana' },
  request_changes: { en: 'cannot request changes', id: 'tidak dapat meminta perubahan' },
  approve: { en: 'cannot approve the plan', id: 'tidak dapat menyetujui rencana' },
  start: { en: 'cannot start the plan', id: 'tidak dapat memulai rencana' },
  complete: { en: 'cannot complete the plan', id: 'tidak dapat menyelesaikan rencana' },
  withdraw: { en: 'cannot withdraw the plan', id: 'tidak dapat menarik rencana' },
  revise: { en: 'cannot open a revision', id: 'tidak dapat membuka revisi' },
  report: { en: 'cannot report progress or results', id: 'tidak dapat melaporkan kemajuan atau hasil' },
  comment: { en: 'cannot comment', id: 'tidak dapat memberi komentar' },
};

/**
 * Why `action` is refused on a plan in `status` (naming the state and what to do instead), or null
 * when it is allowed. `planId` fills the endpoints named in the advice.
 */
export function refuseAction(action: PlanAction, status: PlanStatus, revision = 0, planId = '{id}'): Refusal | null {
  if (canApply(action, status, revision)) return null;
  const fill = (s: string) => s.replace('{id}', planId);
  if (action === 'withdraw' && revision > 0 && ALLOWED_FROM.withdraw.includes(status)) {
    return {
      en: `${ACTION_TEXT.withdraw.en}: this is revision ${revision} of an approved plan, and the approved plan still stands (${statusName(status, 'en')}); submit the revision for review instead, unchanged if you no longer need it`,
      id: `${ACTION_TEXT.withdraw.id}: ini revisi ${revision} dari rencana yang sudah disetujui, dan rencana yang disetujui tetap berlaku (${statusName(status, 'id')}); ajukan revisi ini untuk ditelaah saja, tanpa perubahan jika tidak diperlukan lagi`,
    };
  }
  const why = WHY[status];
  const todo = WHAT_TO_DO[action][status];
  return {
    en: `${ACTION_TEXT[action].en}: ${why.en} (${statusName(status, 'en')})${todo ? `; ${fill(todo.en)}` : ''}`,
    id: `${ACTION_TEXT[action].id}: ${why.id} (${statusName(status, 'id')})${todo ? `; ${fill(todo.id)}` : ''}`,
  };
}

/**
 * Whether a submission on `today` is late: only the first round (revision 0) has a deadline, the
 * program year's plan deadline; a submission on the deadline day is on time.
 */
export function isLateSubmission(today: string, deadline: string | null, revision: number): boolean {
  return revision === 0 && deadline !== null && today > deadline;
}

/** What became of one submitted version. */
export const VERSION_OUTCOMES = ['pending', 'changes_requested', 'approved', 'withdrawn'] as const;
export type VersionOutcome = (typeof VERSION_OUTCOMES)[number];

/**
 * The outcome of every submitted version, from the versions alone (oldest first) and the plan's
 * state: a version followed by another in the same revision round had changes requested; the last
 * version of an earlier round was approved (a revision opens only from an approved plan); the last
 * version of the current round reads from the plan's status.
 */
export function versionOutcomes(versions: ReadonlyArray<{ number: number; revision: number }>, status: PlanStatus, currentRevision: number): VersionOutcome[] {
  return versions.map((v, i) => {
    const next = versions[i + 1];
    if (next) return next.revision === v.revision ? 'changes_requested' : 'approved';
    if (v.revision < currentRevision) return 'approved';
    switch (status) {
      case 'submitted':
        return 'pending';
      case 'changes_requested':
        return 'changes_requested';
      case 'withdrawn':
        return 'withdrawn';
      case 'draft':
        // Unreachable for the current round's last version; read it as reviewed and reopened.
        return 'changes_requested';
      default:
        return 'approved';
    }
  });
}
