/** open → answered → closed, or withdrawn by the company, or expired after the due date. */
export const PARTNER_REQUEST_STATUSES = ['open', 'answered', 'closed', 'withdrawn', 'expired'] as const;
export type PartnerRequestStatus = (typeof PARTNER_REQUEST_STATUSES)[number];

/** A recommended school waits for the company's decision. */
export const RECOMMENDATION_DECISIONS = ['pending', 'accepted', 'declined'] as const;
export type RecommendationDecision = (typeof RECOMMENDATION_DECISIONS)[number];

/**
 * What the parties do to a request: the office answers (recommends schools), the company decides on
 * a recommended school, withdraws the request or closes it.
 */
export const PARTNER_REQUEST_ACTIONS = ['answer', 'decide', 'withdraw', 'close'] as const;
export type PartnerRequestAction = (typeof PARTNER_REQUEST_ACTIONS)[number];

/**
 * The (effective) states each action may start from. The office may add schools to a request it has
 * already answered; the company decides only once something was recommended and the request is still
 * answered (not closed or withdrawn).
 */
export const ALLOWED_FROM: Record<PartnerRequestAction, readonly PartnerRequestStatus[]> = {
  answer: ['open', 'answered'],
  decide: ['answered'],
  withdraw: ['open', 'answered'],
  close: ['answered'],
};

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

/**
 * SQL for the status a request reads as: a request still open after its due date is expired. Every
 * read and every state check goes through this, so the stored 'open' of an overdue request is never
 * shown or acted on.
 */
export function effectiveStatusSql(alias: string): string {
  return `(CASE WHEN ${alias}.status = 'open' AND ${alias}.due_date < current_date THEN 'expired' ELSE ${alias}.status END)`;
}

/** Whether `action` may be taken on a request that reads as `status`. */
export function canApply(action: PartnerRequestAction, status: PartnerRequestStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

const WHY: Record<PartnerRequestStatus, (dueDate: string) => Refusal> = {
  open: () => ({ en: 'the request is still open: the education office has not recommended any school yet', id: 'permintaan masih terbuka: dinas pendidikan belum merekomendasikan sekolah apa pun' }),
  answered: () => ({ en: 'the request is already answered', id: 'permintaan sudah dijawab' }),
  closed: () => ({ en: 'the request is closed', id: 'permintaan sudah ditutup' }),
  withdrawn: () => ({ en: 'the company withdrew the request', id: 'perusahaan telah menarik permintaan ini' }),
  expired: (dueDate) => ({
    en: `the request expired: its due date ${dueDate} passed without an answer`,
    id: `permintaan sudah kedaluwarsa: batas waktunya ${dueDate} terlewati tanpa jawaban`,
  }),
};

const WHAT_TO_DO: Record<PartnerRequestAction, Partial<Record<PartnerRequestStatus, Refusal>>> = {
  answer: {
    expired: { en: 'the company can open a new request with a later due date', id: 'perusahaan dapat membuka permintaan baru dengan batas waktu yang lebih lama' },
    closed: { en: 'nothing more can be recommended in it', id: 'tidak ada lagi sekolah yang dapat direkomendasikan di dalamnya' },
    withdrawn: { en: 'nothing more can be recommended in it', id: 'tidak ada lagi sekolah yang dapat direkomendasikan di dalamnya' },
  },
  decide: {
    open: { en: 'wait for the recommendations', id: 'tunggu rekomendasinya' },
    closed: { en: 'its recommendations can no longer be accepted or declined; open a new request', id: 'rekomendasinya tidak dapat lagi diterima atau ditolak; buka permintaan baru' },
    withdrawn: { en: 'its recommendations can no longer be accepted or declined; open a new request', id: 'rekomendasinya tidak dapat lagi diterima atau ditolak; buka permintaan baru' },
    expired: { en: 'open a new request with a later due date', id: 'buka permintaan baru dengan batas waktu yang lebih lama' },
  },
  withdraw: {
    closed: { en: 'a closed request cannot be withdrawn', id: 'permintaan yang sudah ditutup tidak dapat ditarik' },
    withdrawn: { en: 'there is nothing left to withdraw', id: 'tidak ada lagi yang perlu ditarik' },
    expired: { en: 'an expired request needs no withdrawal', id: 'permintaan yang kedaluwarsa tidak perlu ditarik' },
  },
  close: {
    open: { en: 'withdraw it instead if you no longer need schools', id: 'tarik permintaan ini jika Anda tidak lagi memerlukan sekolah' },
    closed: { en: 'there is nothing left to close', id: 'tidak ada lagi yang perlu ditutup' },
    withdrawn: { en: 'a withdrawn request cannot be closed', id: 'permintaan yang sudah ditarik tidak dapat ditutup' },
    expired: { en: 'an expired request needs no closing', id: 'permintaan yang kedaluwarsa tidak perlu ditutup' },
  },
};

const ACTION_TEXT: Record<PartnerRequestAction, Refusal> = {
  answer: { en: 'cannot recommend schools', id: 'tidak dapat merekomendasikan sekolah' },
  decide: { en: 'cannot accept or decline a recommended school', id: 'tidak dapat menerima atau menolak sekolah yang direkomendasikan' },
  withdraw: { en: 'cannot withdraw the request', id: 'tidak dapat menarik permintaan' },
  close: { en: 'cannot close the request', id: 'tidak dapat menutup permintaan' },
};

/**
 * Why `action` is refused on a request that reads as `status` (naming the state, and the due date
 * when it expired), or null when it is allowed.
 */
export function refuseAction(action: PartnerRequestAction, status: PartnerRequestStatus, dueDate: string): Refusal | null {
  if (canApply(action, status)) return null;
  const why = WHY[status](dueDate);
  const todo = WHAT_TO_DO[action][status];
  return {
    en: `${ACTION_TEXT[action].en}: ${why.en} (status ${status})${todo ? `; ${todo.en}` : ''}`,
    id: `${ACTION_TEXT[action].id}: ${why.id} (status ${status})${todo ? `; ${todo.id}` : ''}`,
  };
}

/** The status after a successful answer, withdrawal or close. */
export function statusAfter(action: Exclude<PartnerRequestAction, 'decide'>): PartnerRequestStatus {
  const next: Record<Exclude<PartnerRequestAction, 'decide'>, PartnerRequestStatus> = { answer: 'answered', withdraw: 'withdrawn', close: 'closed' };
  return next[action];
}

/** After a decision the request closes once no recommended school is pending any more. */
export function statusAfterDecisions(decisions: readonly RecommendationDecision[]): 'answered' | 'closed' {
  return decisions.length > 0 && decisions.every((d) => d !== 'pending') ? 'closed' : 'answered';
}

/** Why a recommended school cannot be decided on (it was already), or null when it is pending. */
export function refuseDecision(decision: RecommendationDecision, decidedAt: Date | null): Refusal | null {
  if (decision === 'pending') return null;
  const when = decidedAt ? ` on ${decidedAt.toISOString().slice(0, 10)}` : '';
  const kapan = decidedAt ? ` pada ${decidedAt.toISOString().slice(0, 10)}` : '';
  const idWord = decision === 'accepted' ? 'diterima' : 'ditolak';
  return {
    en: `this recommended school was already ${decision}${when}; a decision is final, so ask the education office for another recommendation instead`,
    id: `sekolah yang direkomendasikan ini sudah ${idWord}${kapan}; keputusan bersifat final, jadi minta rekomendasi lain kepada dinas pendidikan`,
  };
}
