/** The life of a practice: written, proposed by the principal, then published or returned by a reviewer. */
export const PRACTICE_STATUSES = ['draft', 'proposed', 'published', 'returned'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export type PracticeAction = 'edit' | 'propose' | 'publish' | 'return' | 'attach';

/** Where each step may start. */
const FROM: Record<PracticeAction, readonly PracticeStatus[]> = {
  edit: ['draft', 'returned'],
  attach: ['draft', 'returned'],
  propose: ['draft', 'returned'],
  publish: ['proposed'],
  return: ['proposed'],
};

const STATUS_TEXT: Record<PracticeStatus, { en: string; id: string }> = {
  draft: { en: 'a draft', id: 'masih draf' },
  proposed: { en: 'proposed and waiting for review', id: 'sudah diusulkan dan menunggu peninjauan' },
  published: { en: 'published', id: 'sudah diterbitkan' },
  returned: { en: 'returned to the school for changes', id: 'dikembalikan ke sekolah untuk diperbaiki' },
};

const ACTION_TEXT: Record<PracticeAction, { en: string; id: string }> = {
  edit: { en: 'change the practice', id: 'mengubah praktik baik' },
  attach: { en: 'add evidence to the practice', id: 'menambah bukti praktik baik' },
  propose: { en: 'propose the practice', id: 'mengusulkan praktik baik' },
  publish: { en: 'publish the practice', id: 'menerbitkan praktik baik' },
  return: { en: 'return the practice', id: 'mengembalikan praktik baik' },
};

/** Null when `action` may be taken in `status`; otherwise why not, in both languages. */
export function refusePracticeAction(action: PracticeAction, status: PracticeStatus): { en: string; id: string } | null {
  if (FROM[action].includes(status)) return null;
  const a = ACTION_TEXT[action];
  const s = STATUS_TEXT[status];
  return { en: `cannot ${a.en}: it is ${s.en}`, id: `tidak dapat ${a.id}: praktik ini ${s.id}` };
}
