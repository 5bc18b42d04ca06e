import { AppError } from '../common/errors/app-error';
import type { RawFieldError } from '../common/errors/app-error';
import { parseRupiah } from '../common/money/rupiah';
import { FUNDING_SOURCES } from './plan-status';
import type { FundingSource } from './plan-status';

/**
 * The largest unit cost or line total a plan takes: 9e15 rupiah. Far above any school budget, and
 * below 2^53, so a spreadsheet that reads the exported amount as a double keeps every digit.
 */
export const MAX_PLAN_AMOUNT = 9_000_000_000_000_000n;

/** The largest decimal an indicator value takes (numeric(14,2)). */
export const MAX_DECIMAL = '999999999999.99';

const field = (path: string, code: string, en: string, id: string): RawFieldError => ({ field: path, code, message: { en, id } });

/**
 * Whole rupiah from a JSON integer or a digit string (the shared rules of parseRupiah), at most
 * MAX_PLAN_AMOUNT; an error names `path` instead of throwing, so every line's problem is listed at once.
 */
export function readAmount(value: unknown, path: string): { amount: bigint } | { error: RawFieldError } {
  let digits: string;
  try {
    digits = parseRupiah(value, path);
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors.length > 0) return { error: err.fieldErrors[0] };
    throw err;
  }
  const amount = BigInt(digits);
  if (amount > MAX_PLAN_AMOUNT) {
    return {
      error: field(path, 'amount_too_large', `${path} must be at most ${MAX_PLAN_AMOUNT} rupiah`, `${path} paling banyak ${MAX_PLAN_AMOUNT} rupiah`),
    };
  }
  return { amount };
}

const DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * A non-negative decimal with at most two places (an indicator's baseline, target or achieved
 * value), sent as a JSON number or a string, in canonical form: "85.50" and 85.5 both read "85.5".
 */
export function readDecimal(value: unknown, path: string): { value: string } | { error: RawFieldError } {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (text === null || !DECIMAL.test(text)) {
    return {
      error: field(
        path,
        'not_a_decimal',
        `${path} must be a number of 0 or more with at most 2 decimal places and at most ${MAX_DECIMAL}, e.g. 85 or "72.5" (use a dot as the decimal mark)`,
        `${path} harus berupa angka 0 atau lebih dengan paling banyak 2 angka desimal dan paling besar ${MAX_DECIMAL}, misalnya 85 atau "72.5" (pakai titik sebagai tanda desimal)`,
      ),
    };
  }
  return { value: canonicalDecimal(text) };
}

/** "085.50" → "85.5", "12.00" → "12": the form answers and comparisons use. */
export function canonicalDecimal(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f ? `${w}.${f}` : w;
}

/** Sums per funding source, every source present (0 when it has no lines). */
export type SourceTotals = Record<FundingSource, string>;

/** The budget lines a total is computed from. */
export interface CostedLine {
  quantity: number;
  unitCost: string;
  fundingSource: FundingSource;
}

/** quantity × unitCost, exactly. */
export function lineTotal(line: Pick<CostedLine, 'quantity' | 'unitCost'>): bigint {
  return BigInt(line.quantity) * BigInt(line.unitCost);
}

/** The total of some lines and their split by funding source, as digit strings. */
export function sumLines(lines: readonly CostedLine[]): { total: string; byFundingSource: SourceTotals } {
  const by = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0n])) as Record<FundingSource, bigint>;
  let total = 0n;
  for (const line of lines) {
    const t = lineTotal(line);
    by[line.fundingSource] += t;
    total += t;
  }
  return { total: total.toString(), byFundingSource: Object.fromEntries(FUNDING_SOURCES.map((s) => [s, by[s].toString()])) as SourceTotals };
}
