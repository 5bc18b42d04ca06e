import { AppError } from '../errors/app-error';

/** The largest amount Jalin accepts: below PostgreSQL's bigint limit, far above any real budget. */
export const MAX_RUPIAH = 9_000_000_000_000_000_000n;

/**
 * Reads an amount of whole rupiah sent as a JSON integer or a digit string and returns it as a
 * canonical digit string (what a bigint column holds). Refuses decimals, negatives, amounts above
 * MAX_RUPIAH, and integers beyond JavaScript's exact range (they may already have lost digits in
 * transit), with a 422 on `field` that says what to send instead.
 */
export function parseRupiah(value: unknown, field: string): string {
  const wrong = (code: string, en: string, id: string) => AppError.field(field, code, `${field} ${en}`, `${field} ${id}`);
  let digits: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) {
      throw wrong('not_whole_rupiah', 'must be whole rupiah without decimals, e.g. 250000000', 'harus rupiah bulat tanpa desimal, misalnya 250000000');
    }
    if (value < 0) throw wrong('negative_amount', 'cannot be negative; send 0 or more', 'tidak boleh negatif; kirim 0 atau lebih');
    if (!Number.isSafeInteger(value)) {
      throw wrong(
        'send_as_string',
        'is too large to send as a JSON number without losing digits; send it as a digit string, e.g. "12000000000000000"',
        'terlalu besar untuk dikirim sebagai angka JSON tanpa kehilangan digit; kirim sebagai teks angka, misalnya "12000000000000000"',
      );
    }
    digits = String(value);
  } else if (typeof value === 'string') {
    const s = value.trim();
    if (/^-\d+$/.test(s)) throw wrong('negative_amount', 'cannot be negative; send 0 or more', 'tidak boleh negatif; kirim 0 atau lebih');
    if (!/^\d+$/.test(s)) {
      throw wrong(
        'not_whole_rupiah',
        'must be whole rupiah written with digits only (no decimals, dots, commas or "Rp"), e.g. "250000000"',
        'harus rupiah bulat yang ditulis dengan angka saja (tanpa desimal, titik, koma atau "Rp"), misalnya "250000000"',
      );
    }
    digits = s;
  } else {
    throw wrong('not_whole_rupiah', 'must be whole rupiah as an integer or a digit string, e.g. 250000000', 'harus rupiah bulat berupa bilangan bulat atau teks angka, misalnya 250000000');
  }
  const amount = BigInt(digits);
  if (amount > MAX_RUPIAH) {
    throw wrong('amount_too_large', `must be at most ${MAX_RUPIAH} rupiah`, `paling banyak ${MAX_RUPIAH} rupiah`);
  }
  return amount.toString();
}
