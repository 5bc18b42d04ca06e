import type { Lang } from '../common/errors/i18n';

/** What a company gives a school in kind (sarana prasarana), as a fixed catalogue. */
export const FACILITY_CATEGORIES = [
  'library',
  'sanitation_handwashing',
  'school_health_unit',
  'classroom_furniture',
  'ict',
  'learning_media',
  'building_repair',
  'other',
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

/** The names of the categories, in both languages. */
export const FACILITY_CATEGORY_LABELS: Record<FacilityCategory, Record<Lang, string>> = {
  library: { id: 'Perpustakaan dan buku bacaan', en: 'Library and reading books' },
  sanitation_handwashing: { id: 'Sanitasi dan tempat cuci tangan', en: 'Sanitation and handwashing' },
  school_health_unit: { id: 'Peralatan Unit Kesehatan Sekolah (UKS)', en: 'School health unit (UKS) equipment' },
  classroom_furniture: { id: 'Mebel kelas', en: 'Classroom furniture' },
  ict: { id: 'Teknologi informasi dan komunikasi (TIK)', en: 'Information and communication technology (ICT)' },
  learning_media: { id: 'Media pembelajaran', en: 'Learning media' },
  building_repair: { id: 'Perbaikan gedung', en: 'Building repair' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** How the school finds an item when it checks it. */
export const FACILITY_CONDITIONS = ['good', 'minor_repair', 'major_repair', 'out_of_use', 'lost'] as const;
export type FacilityCondition = (typeof FACILITY_CONDITIONS)[number];

/** The names of the conditions, in both languages. */
export const FACILITY_CONDITION_LABELS: Record<FacilityCondition, Record<Lang, string>> = {
  good: { id: 'Baik', en: 'Good' },
  minor_repair: { id: 'Perlu perbaikan ringan', en: 'Needs minor repair' },
  major_repair: { id: 'Perlu perbaikan berat', en: 'Needs major repair' },
  out_of_use: { id: 'Tidak dapat digunakan', en: 'Out of use' },
  lost: { id: 'Hilang', en: 'Lost' },
};

/** How many months may pass after the handover or the last condition check before the next check is due. */
export const CHECK_INTERVAL_MONTHS = 12;

/**
 * The day by which the next condition check is due: 12 months after the last check (or the handover,
 * before any check), on the same day of the month; 29 February moves to 1 March. Null for an item not
 * handed over yet, and for a lost item (there is nothing left to check).
 */
export function nextCheckDueOn(item: { handedOverOn: string | null; lastCheckedOn: string | null; lastCondition: FacilityCondition | null }): string | null {
  if (!item.handedOverOn || item.lastCondition === 'lost') return null;
  const from = item.lastCheckedOn && item.lastCheckedOn > item.handedOverOn ? item.lastCheckedOn : item.handedOverOn;
  const d = new Date(`${from}T00:00:00.000Z`);
  d.setUTCMonth(d.getUTCMonth() + CHECK_INTERVAL_MONTHS);
  return d.toISOString().slice(0, 10);
}

/** Whether an item's condition check is overdue on `today`: the due day has passed. */
export function isCheckOverdue(item: Parameters<typeof nextCheckDueOn>[0], today: string): boolean {
  const due = nextCheckDueOn(item);
  return due !== null && today > due;
}
