import type { Language } from '../i18n';

const LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Amounts travel as strings of digits (whole rupiah); BigInt keeps them exact beyond 2^53. */
export function toBigInt(amount: string | number | bigint | null | undefined): bigint | null {
  if (amount === null || amount === undefined || amount === '') return null;
  if (typeof amount === 'bigint') return amount;
  if (typeof amount === 'number') return Number.isSafeInteger(amount) ? BigInt(amount) : null;
  const s = amount.trim();
  return /^-?\d+$/.test(s) ? BigInt(s) : null;
}

/** "Rp 1.250.000" in both languages (the rupiah is written the Indonesian way). */
export function formatRupiah(amount: string | number | bigint | null | undefined, lang: Language = 'id'): string {
  const n = toBigInt(amount);
  if (n === null) return '–';
  const digits = new Intl.NumberFormat(LOCALE[lang === 'en' ? 'id' : lang]).format(n < 0n ? -n : n);
  return `${n < 0n ? '−' : ''}Rp ${digits}`;
}

/** Digits only, from what a person typed ("Rp 1.250.000" → "1250000"); null when it is not a whole amount. */
export function parseRupiah(input: string): string | null {
  const cleaned = input.replace(/^\s*Rp\s*/i, '').replace(/[.\s]/g, '');
  if (cleaned === '') return null;
  if (!/^\d+$/.test(cleaned)) return null;
  return cleaned.replace(/^0+(?=\d)/, '');
}

/** Adds digit strings exactly. */
export function sumRupiah(values: Array<string | number | null | undefined>): string {
  let total = 0n;
  for (const v of values) total += toBigInt(v) ?? 0n;
  return total.toString();
}

function asDate(value: string | Date): Date | null {
  if (value instanceof Date) return value;
  // A calendar date (2026-12-05) is a day, not a moment: read it at noon UTC so no time zone moves it.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "05/12/2026" (short) or "5 Desember 2026" / "5 December 2026" (long). */
export function formatDate(value: string | Date | null | undefined, lang: Language = 'id', style: 'short' | 'long' = 'long'): string {
  if (!value) return '–';
  const d = asDate(value);
  if (!d) return '–';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  if (dateOnly) options.timeZone = 'UTC';
  return new Intl.DateTimeFormat(LOCALE[lang], options).format(d);
}

/** "5 Desember 2026 14.30" for moments (sessions, comments), in the device's time zone. */
export function formatDateTime(value: string | null | undefined, lang: Language = 'id'): string {
  if (!value) return '–';
  const d = asDate(value);
  if (!d) return '–';
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Plain numbers (hours, counts, scores) in the language's style: 1.234,5 or 1,234.5. */
export function formatNumber(value: number | string | null | undefined, lang: Language = 'id'): string {
  if (value === null || value === undefined || value === '') return '–';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n) : '–';
}
