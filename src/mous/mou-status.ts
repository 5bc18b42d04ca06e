/**
 * draft → awaiting_signatures → active → expired; or terminated (with date and reason), or
 * superseded by a renewal.
 */
export const MOU_STATUSES = ['draft', 'awaiting_signatures', 'active', 'expired', 'terminated', 'superseded'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

/** The roles of the parties to an MoU. */
export const MOU_PARTY_ROLES = ['first_party', 'second_party', 'witness', 'supporting'] as const;
export type MouPartyRole = (typeof MOU_PARTY_ROLES)[number];

/** An amendment waits for its own signatures, then is in force. */
export const MOU_AMENDMENT_STATUSES = ['awaiting_signatures', 'active'] as const;
export type MouAmendmentStatus = (typeof MOU_AMENDMENT_STATUSES)[number];

/** What people do to an MoU. */
export const MOU_ACTIONS = ['edit', 'submit', 'sign', 'amend', 'renew', 'terminate'] as const;
export type MouAction = (typeof MOU_ACTIONS)[number];

/** A calendar date, YYYY-MM-DD (UTC, see src/common/clock.ts). */
type IsoDate = string;

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

/**
 * The statuses each action may start from. Only a draft's terms can be edited; once submitted,
 * terms change only through an amendment (of an active MoU) or a renewal (of an active or expired one).
 */
export const MOU_ACTION_FROM: Record<MouAction, readonly MouStatus[]> = {
  edit: ['draft'],
  submit: ['draft'],
  sign: ['awaiting_signatures'],
  amend: ['active'],
  renew: ['active', 'expired'],
  terminate: ['active'],
};

/** Every status change there is; the job and the services move only along these. */
const MOVES: Record<MouStatus, readonly MouStatus[]> = {
  draft: ['awaiting_signatures'],
  awaiting_signatures: ['active'],
  active: ['expired', 'terminated', 'superseded'],
  // An expired MoU that is renewed later is superseded by its renewal as well.
  expired: ['superseded'],
  terminated: [],
  superseded: [],
};

/** Whether an MoU may move from `from` to `to`. */
export function canMoveMou(from: MouStatus, to: MouStatus): boolean {
  return MOVES[from].includes(to);
}

/** Whether `action` may be taken on an MoU in `status`. */
export function canApplyMou(action: MouAction, status: MouStatus): boolean {
  return MOU_ACTION_FROM[action].includes(status);
}

const ACTION_TEXT: Record<MouAction, Refusal> = {
  edit: { en: "cannot change the MoU's terms", id: 'tidak dapat mengubah isi MoU' },
  submit: { en: 'cannot submit the MoU for signatures', id: 'tidak dapat mengajukan MoU untuk ditandatangani' },
  sign: { en: 'cannot sign the MoU', id: 'tidak dapat menandatangani MoU' },
  amend: { en: 'cannot amend the MoU', id: 'tidak dapat membuat adendum MoU' },
  renew: { en: 'cannot renew the MoU', id: 'tidak dapat memperpanjang MoU' },
  terminate: { en: 'cannot terminate the MoU', id: 'tidak dapat mengakhiri MoU' },
};

const STATUS_TEXT: Record<MouStatus, Refusal> = {
  draft: { en: 'it is still a draft', id: 'MoU masih berupa draf' },
  awaiting_signatures: { en: 'it is waiting for signatures', id: 'MoU sedang menunggu tanda tangan' },
  active: { en: 'it is signed and in force', id: 'MoU sudah ditandatangani dan berlaku' },
  expired: { en: 'it has expired', id: 'MoU sudah kedaluwarsa' },
  terminated: { en: 'it was terminated', id: 'MoU sudah diakhiri' },
  superseded: { en: 'it was superseded by its renewal', id: 'MoU sudah digantikan oleh perpanjangannya' },
};

const WHAT_TO_DO: Record<MouAction, Partial<Record<MouStatus, Refusal>>> = {
  edit: {
    awaiting_signatures: { en: 'submitted terms are fixed; once it is in force, change them with an amendment (POST /mous/{id}/amendments)', id: 'isi yang sudah diajukan tidak dapat diubah; setelah berlaku, ubah dengan adendum (POST /mous/{id}/amendments)' },
    active: { en: 'change its terms with an amendment (POST /mous/{id}/amendments) or a renewal (POST /mous/{id}/renewals)', id: 'ubah isinya dengan adendum (POST /mous/{id}/amendments) atau perpanjangan (POST /mous/{id}/renewals)' },
    expired: { en: 'renew it instead (POST /mous/{id}/renewals)', id: 'perpanjang MoU ini (POST /mous/{id}/renewals)' },
  },
  submit: {
    awaiting_signatures: { en: 'it was already submitted; the parties can sign it now', id: 'MoU sudah diajukan; para pihak dapat menandatanganinya sekarang' },
  },
  sign: {
    draft: { en: 'the CSR officer must submit it first (POST /mous/{id}/submit)', id: 'petugas CSR harus mengajukannya terlebih dahulu (POST /mous/{id}/submit)' },
    active: { en: 'it needs no more signatures; sign an amendment instead if one is waiting', id: 'MoU tidak memerlukan tanda tangan lagi; tandatangani adendum jika ada yang menunggu' },
  },
  amend: {
    draft: { en: 'edit the draft directly (PATCH /mous/{id})', id: 'ubah draf secara langsung (PATCH /mous/{id})' },
    awaiting_signatures: { en: 'wait until it is signed and in force', id: 'tunggu sampai MoU ditandatangani dan berlaku' },
    expired: { en: 'renew it instead (POST /mous/{id}/renewals)', id: 'perpanjang MoU ini (POST /mous/{id}/renewals)' },
  },
  renew: {
    draft: { en: 'only an MoU that is or was in force can be renewed', id: 'hanya MoU yang sedang atau pernah berlaku yang dapat diperpanjang' },
    awaiting_signatures: { en: 'only an MoU that is or was in force can be renewed', id: 'hanya MoU yang sedang atau pernah berlaku yang dapat diperpanjang' },
    terminated: { en: 'draft a new MoU for the partnership instead (POST /mous)', id: 'buat MoU baru untuk kemitraan ini (POST /mous)' },
    superseded: { en: 'renew the MoU that replaced it', id: 'perpanjang MoU yang menggantikannya' },
  },
  terminate: {
    draft: { en: 'a draft is not in force; leave it unsubmitted', id: 'draf belum berlaku; biarkan tidak diajukan' },
    awaiting_signatures: { en: 'it is not in force yet', id: 'MoU belum berlaku' },
  },
};

/** Why `action` is refused on an MoU in `status` (naming the status), or null when it is allowed. */
export function refuseMouAction(action: MouAction, status: MouStatus): Refusal | null {
  if (canApplyMou(action, status)) return null;
  const todo = WHAT_TO_DO[action][status];
  return {
    en: `${ACTION_TEXT[action].en}: ${STATUS_TEXT[status].en} (status ${status})${todo ? `; ${todo.en}` : ''}`,
    id: `${ACTION_TEXT[action].id}: ${STATUS_TEXT[status].id} (status ${status})${todo ? `; ${todo.id}` : ''}`,
  };
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier), both UTC calendar dates. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** An MoU's period: both dates count, the expiry date is its last day in force. */
export interface MouPeriod {
  effectiveDate: IsoDate;
  expiryDate: IsoDate;
}

/** Whether two periods share at least one day (both ends inclusive). */
export function periodsOverlap(a: MouPeriod, b: MouPeriod): boolean {
  return a.effectiveDate <= b.expiryDate && b.effectiveDate <= a.expiryDate;
}

/** An MoU is past its expiry the day after its expiry date. */
export function isPastExpiry(expiryDate: IsoDate, today: IsoDate): boolean {
  return today > expiryDate;
}

/** The organisations whose signature is still missing: required signers minus those who signed. */
export function missingSignatures(required: readonly string[], signed: readonly string[]): string[] {
  const done = new Set(signed);
  return required.filter((org) => !done.has(org));
}

/** What decides whether an awaiting MoU takes effect. */
export interface ActivationFacts extends MouPeriod {
  status: MouStatus;
  /** Organisations of the parties whose signature is required. */
  requiredSigners: readonly string[];
  /** Organisations that have signed the MoU itself (not its amendments). */
  signedBy: readonly string[];
}

/** Why an MoU is or is not ready to become active today. */
export type Activation = 'ready' | 'not_awaiting' | 'signatures_missing' | 'not_yet_effective' | 'past_expiry';

/**
 * An awaiting MoU becomes active when every required party has signed and its effective date has
 * come; one whose expiry date has passed before that never takes effect (renew or redraft it).
 */
export function activation(f: ActivationFacts, today: IsoDate): Activation {
  if (f.status !== 'awaiting_signatures') return 'not_awaiting';
  if (isPastExpiry(f.expiryDate, today)) return 'past_expiry';
  if (missingSignatures(f.requiredSigners, f.signedBy).length > 0) return 'signatures_missing';
  if (f.effectiveDate > today) return 'not_yet_effective';
  return 'ready';
}

/** An amendment is in force once every required party of its MoU has signed it. */
export function amendmentComplete(requiredSigners: readonly string[], signedBy: readonly string[]): boolean {
  return missingSignatures(requiredSigners, signedBy).length === 0;
}

/** The reminder steps before an MoU's expiry, in days. */
export const REMINDER_DAYS = [90, 30, 7] as const;
export type ReminderDays = (typeof REMINDER_DAYS)[number];

/**
 * The tightest reminder step an MoU expiring on `expiryDate` is inside today (7 when 7 or fewer days
 * are left, else 30, else 90), or null when it is further away or already past its expiry date.
 */
export function reminderStep(expiryDate: IsoDate, today: IsoDate): ReminderDays | null {
  const left = daysBetween(today, expiryDate);
  if (left < 0) return null;
  for (const step of [...REMINDER_DAYS].sort((a, b) => a - b)) if (left <= step) return step;
  return null;
}
