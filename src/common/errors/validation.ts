import type { ValidationError } from 'class-validator';
import { AppError, RawFieldError } from './app-error';

const num = (msg: string): string => msg.match(/(\d+)/)?.[1] ?? '';

/**
 * Bahasa Indonesia for class-validator's constraints; `msg` is the English message, whose numbers
 * (lengths, bounds) are reused.
 */
const ID_MESSAGES: Record<string, (field: string, msg: string) => string> = {
  whitelistValidation: (f) => `isian ${f} tidak dikenal; hapus isian ini`,
  isNotEmpty: (f) => `${f} wajib diisi`,
  isDefined: (f) => `${f} wajib diisi`,
  isString: (f) => `${f} harus berupa teks`,
  isEmail: (f) => `${f} harus berupa alamat email yang valid, misalnya nama@sekolah.sch.id`,
  isUuid: (f) => `${f} harus berupa UUID, misalnya 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69`,
  isUUID: (f) => `${f} harus berupa UUID, misalnya 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69`,
  isInt: (f) => `${f} harus berupa bilangan bulat`,
  isBoolean: (f) => `${f} harus bernilai true atau false`,
  isIn: (f, m) => `${f} harus salah satu dari: ${m.split(': ').pop() ?? ''}`,
  isEnum: (f, m) => `${f} harus salah satu dari: ${m.split(': ').pop() ?? ''}`,
  minLength: (f, m) => `${f} minimal ${num(m)} karakter`,
  maxLength: (f, m) => `${f} maksimal ${num(m)} karakter`,
  min: (f, m) => `${f} tidak boleh kurang dari ${num(m)}`,
  max: (f, m) => `${f} tidak boleh lebih dari ${num(m)}`,
  matches: (f) => `format ${f} tidak sesuai`,
  isDateString: (f) => `${f} harus berupa tanggal ISO 8601, misalnya 2026-07-15`,
  isISO8601: (f) => `${f} harus berupa tanggal ISO 8601, misalnya 2026-07-15`,
  isArray: (f) => `${f} harus berupa daftar (array)`,
  nestedValidation: (f) => `${f} harus berupa objek yang valid`,
  isRupiah: (f) =>
    `${f} harus berupa rupiah bulat: bilangan bulat atau teks angka tanpa desimal atau eksponen, tidak negatif; kirim jumlah di atas 9007199254740991 sebagai teks`,
};

function flatten(errors: ValidationError[], prefix: string, out: RawFieldError[]): void {
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      const en = code === 'whitelistValidation' ? `${field} is not a known field; remove it` : message;
      const id = ID_MESSAGES[code]?.(field, message) ?? message;
      out.push({ field, code: code === 'whitelistValidation' ? 'unknown_field' : code, message: { en, id } });
    }
    if (e.children?.length) flatten(e.children, field, out);
  }
}

/** Turns class-validator's errors into one 422 listing every field with what is wrong. */
export function validationFailed(errors: ValidationError[]): AppError {
  const out: RawFieldError[] = [];
  flatten(errors, '', out);
  return new AppError('validation_failed', {}, out);
}
