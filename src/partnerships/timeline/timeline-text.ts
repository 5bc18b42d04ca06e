import type { Lang } from '../../common/errors/i18n';

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/**
 * A calendar date (YYYY-MM-DD) inside an event's text: "5 Desember 2026" in Bahasa Indonesia, as
 * schools write it; the ISO date in English, as the English texts have always read.
 */
export function dayText(iso: string, lang: Lang): string {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/** A decimal inside an event's text: a decimal comma in Bahasa Indonesia ("85,5"), a point in English. */
export function decimalText(n: number, lang: Lang): string {
  return lang === 'id' ? String(n).replace('.', ',') : String(n);
}
