import type { ReportLocale } from '../dto/report-queries';

/**
 * How numbers and dates read in report files. `en` is plain and machine-friendly: 1234567.5 and
 * 2026-07-15. `id` is Indonesian: 1.234.567,5 and 15/07/2026. Money stays exact: it is formatted
 * from its digit string, never through a float.
 */

const groupThousands = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** A whole number (count or rupiah) from a number or digit string. */
export function formatInteger(value: number | string, locale: ReportLocale): string {
  const text = typeof value === 'number' ? String(Math.trunc(value)) : value;
  if (locale === 'en') return text;
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  return `${negative ? '-' : ''}${groupThousands(digits, '.')}`;
}

/** A decimal with at most two places (hours, means, gains). */
export function formatDecimal(value: number, locale: ReportLocale): string {
  const fixed = (Math.round(value * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  if (locale === 'en') return fixed;
  const [whole, fraction] = fixed.split('.');
  return fraction ? `${formatInteger(whole, 'id')},${fraction}` : formatInteger(whole, 'id');
}

/** A YYYY-MM-DD date. */
export function formatDate(iso: string, locale: ReportLocale): string {
  if (locale === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Reads a number written by formatInteger or formatDecimal back (the inverse, for checks and imports). */
export function parseLocaleNumber(text: string, locale: ReportLocale): number {
  const plain = locale === 'id' ? text.replace(/\./g, '').replace(',', '.') : text;
  return Number(plain);
}
