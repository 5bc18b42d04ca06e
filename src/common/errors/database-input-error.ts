import { AppError } from './app-error';

/** What PostgreSQL tells about a failed statement (pg's DatabaseError); TypeORM wraps it as driverError. */
interface PgError {
  code: string;
  column?: string;
  constraint?: string;
  detail?: string;
}

function pgErrorOf(error: unknown): PgError | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const candidate = e as Partial<PgError> & { driverError?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgError;
    e = candidate.driverError;
  }
  return null;
}

/** A column's name as the API's JSON calls it: `program_id` → `programId`. */
function fieldOf(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The column a foreign-key or unique violation names in its detail: `Key (program_id)=(…) is not present…`. */
function keyColumn(detail: string | undefined): string | undefined {
  const m = /^Key \(([a-z0-9_]+)\)=/.exec(detail ?? '');
  return m?.[1];
}

/**
 * The last line of defence: a database error that the request's own values caused (a reference to a
 * missing record, a check constraint, text or a number the column cannot hold, an impossible date)
 * becomes a 4xx problem naming the field where PostgreSQL names the column; null for anything else,
 * which stays a logged 500. Validation should refuse these first; reaching here means a gap in it.
 */
export function databaseInputError(error: unknown): AppError | null {
  const pg = pgErrorOf(error);
  if (pg === null) return null;
  if (pg.code === '23503') {
    const column = keyColumn(pg.detail) ?? pg.column;
    if (column === undefined) {
      return AppError.rule('The request refers to a record that does not exist or that you cannot use.', 'Permintaan merujuk ke data yang tidak ada atau tidak dapat Anda gunakan.');
    }
    const field = fieldOf(column);
    return AppError.field(field, 'referenceNotFound', `${field} refers to a record that does not exist or that you cannot use`, `${field} merujuk ke data yang tidak ada atau tidak dapat Anda gunakan`);
  }
  if (pg.code === '23502' && pg.column !== undefined) {
    const field = fieldOf(pg.column);
    return AppError.field(field, 'isNotEmpty', `${field} is required`, `${field} wajib diisi`);
  }
  if (pg.code === '23514') {
    const rule = pg.constraint ? ` (${pg.constraint})` : '';
    return AppError.rule(`A value is outside what is allowed${rule}. Check the values and send again.`, `Ada nilai di luar batas yang diizinkan${rule}. Periksa isian lalu kirim ulang.`);
  }
  // Class 22, data exceptions: text too long (22001), a number out of range (22003), an impossible
  // date (22007/22008), text that is not a valid value of its type (22P02), NUL in JSON text (22P05)…
  if (pg.code.startsWith('22')) {
    if (pg.column !== undefined) {
      const field = fieldOf(pg.column);
      return AppError.field(field, 'invalidValue', `${field} has a value that cannot be stored; check its length, range or format`, `${field} berisi nilai yang tidak dapat disimpan; periksa panjang, rentang, atau formatnya`);
    }
    return AppError.rule(
      'A value in the request cannot be stored: it is too long, out of range, not a valid date or not in the expected format. Check the values and send again.',
      'Ada nilai dalam permintaan yang tidak dapat disimpan: terlalu panjang, di luar rentang, bukan tanggal yang valid, atau formatnya tidak sesuai. Periksa isian lalu kirim ulang.',
    );
  }
  return null;
}
