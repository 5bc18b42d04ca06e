import type { ValidationError } from 'class-validator';
import { AppError, RawFieldError } from './app-error';
import { fieldLabel } from './field-labels';
import type { Lang } from './i18n';

const num = (msg: string): string => msg.match(/(\d+)/)?.[1] ?? '';
const listAfterColon = (msg: string): string => msg.split(': ').pop() ?? '';

/** Marks a decorator message written in both languages; see `says`. */
const BOTH = '\u241E';

/**
 * A class-validator `message` in both languages, without the field's name: the label is put in
 * front of it, e.g. `@Matches(NPSN, { message: says('must be exactly 8 digits, e.g. 30304122',
 * 'harus tepat 8 angka, misalnya 30304122') })` reads "NPSN must be exactly 8 digits, e.g. 30304122".
 */
export function says(en: string, id: string): string {
  return `${BOTH}${en}${BOTH}${id}`;
}

type Say = (field: string, msg: string) => string;

/** What each class-validator constraint asks for, in both languages; `msg` is class-validator's English, whose numbers (lengths, bounds) are reused. */
const MESSAGES: Record<string, Record<Lang, Say>> = {
  isNotEmpty: { en: (f) => `${f} is required`, id: (f) => `${f} wajib diisi` },
  isDefined: { en: (f) => `${f} is required`, id: (f) => `${f} wajib diisi` },
  isString: { en: (f) => `${f} must be text`, id: (f) => `${f} harus berupa teks` },
  isEmail: {
    en: (f) => `${f} must be a valid email address, e.g. name@school.sch.id`,
    id: (f) => `${f} harus berupa alamat email yang valid, misalnya nama@sekolah.sch.id`,
  },
  isUuid: {
    en: (f) => `${f} must be an id like 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69; pick it from the list`,
    id: (f) => `${f} harus berupa id seperti 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69; pilih dari daftar`,
  },
  isInt: { en: (f) => `${f} must be a whole number, e.g. 12`, id: (f) => `${f} harus berupa bilangan bulat, misalnya 12` },
  isNumber: { en: (f) => `${f} must be a number, e.g. 12.5`, id: (f) => `${f} harus berupa angka, misalnya 12,5` },
  isBoolean: { en: (f) => `${f} must be yes or no (true or false)`, id: (f) => `${f} harus ya atau tidak (true atau false)` },
  isIn: { en: (f, m) => `${f} must be one of: ${listAfterColon(m)}`, id: (f, m) => `${f} harus salah satu dari: ${listAfterColon(m)}` },
  isEnum: { en: (f, m) => `${f} must be one of: ${listAfterColon(m)}`, id: (f, m) => `${f} harus salah satu dari: ${listAfterColon(m)}` },
  minLength: { en: (f, m) => `${f} must be at least ${num(m)} characters long`, id: (f, m) => `${f} minimal ${num(m)} karakter` },
  maxLength: { en: (f, m) => `${f} can be at most ${num(m)} characters long; shorten it`, id: (f, m) => `${f} maksimal ${num(m)} karakter; persingkat isiannya` },
  min: { en: (f, m) => `${f} must be at least ${num(m)}`, id: (f, m) => `${f} tidak boleh kurang dari ${num(m)}` },
  max: { en: (f, m) => `${f} must be at most ${num(m)}`, id: (f, m) => `${f} tidak boleh lebih dari ${num(m)}` },
  matches: { en: (f) => `${f} is not in the expected format`, id: (f) => `${f} tidak sesuai format yang diminta` },
  isDateString: { en: (f) => `${f} must be a date like 2026-07-15`, id: (f) => `${f} harus berupa tanggal seperti 2026-07-15` },
  isISO8601: { en: (f) => `${f} must be a date like 2026-07-15`, id: (f) => `${f} harus berupa tanggal seperti 2026-07-15` },
  isArray: { en: (f) => `${f} must be a list`, id: (f) => `${f} harus berupa daftar` },
  arrayMaxSize: { en: (f, m) => `${f} can hold at most ${num(m)} entries`, id: (f, m) => `${f} paling banyak ${num(m)} isian` },
  arrayMinSize: { en: (f, m) => `${f} needs at least ${num(m)} entries`, id: (f, m) => `${f} paling sedikit ${num(m)} isian` },
  arrayUnique: { en: (f) => `${f} must not repeat an entry`, id: (f) => `${f} tidak boleh berisi isian yang sama dua kali` },
  nestedValidation: { en: (f) => `${f} must be an object with its own fields`, id: (f) => `${f} harus berupa objek dengan isiannya sendiri` },
  isRupiah: {
    en: (f) => `${f} must be whole rupiah: digits only, no decimals, not negative, e.g. 250000`,
    id: (f, m) =>
      /more than 0/.test(m) ? `${f} harus lebih dari 0 rupiah` : `${f} harus berupa rupiah bulat: hanya angka, tanpa desimal, tidak negatif, misalnya 250000`,
  },
};

/** A message class-validator wrote itself, not one a DTO gave with an example or a rule. */
function isDefaultMessage(property: string, message: string): boolean {
  if (/\be\.g\.|\blike\b|such as|must not repeat|at least one/.test(message)) return false;
  return message.startsWith(`${property} `) || message.startsWith('each value in ');
}

function messageOf(code: string, property: string, message: string, names: Record<Lang, string>): Record<Lang, string> {
  if (message.startsWith(BOTH)) {
    const [, en = '', id = ''] = message.split(BOTH);
    return { en: `${names.en} ${en}`, id: `${names.id} ${id}` };
  }
  const known = MESSAGES[code];
  // A DTO's own English message (an example, a rule) says more than the generic one: keep it, in the label's words.
  const ownEnglish = !isDefaultMessage(property, message) || code === 'matches' || code === 'isRupiah';
  const en = ownEnglish ? message.replace(new RegExp(`^${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), names.en) : (known?.en(names.en, message) ?? message);
  const id = known ? known.id(names.id, message) : `${names.id}: ${message}`;
  return { en, id };
}

/** The value was not sent (or sent as null): whatever constraint failed first, the problem is that it is missing. */
function isMissing(e: ValidationError): boolean {
  return (e.value === undefined || e.value === null) && Object.keys(e.constraints ?? {}).some((c) => c !== 'whitelistValidation');
}

function flatten(errors: ValidationError[], prefix: string, out: RawFieldError[]): void {
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    const label = fieldLabel(field);
    const names = label ?? { en: field, id: field };
    if (isMissing(e)) {
      const code = e.constraints && 'isDefined' in e.constraints ? 'isDefined' : 'isNotEmpty';
      out.push({ field, label, code, message: { en: MESSAGES.isNotEmpty.en(names.en, ''), id: MESSAGES.isNotEmpty.id(names.id, '') } });
    } else {
      for (const [code, message] of Object.entries(e.constraints ?? {})) {
        if (code === 'whitelistValidation') {
          out.push({
            field,
            code: 'unknown_field',
            message: { en: `${field} is not a known field; remove it`, id: `isian ${field} tidak dikenal; hapus isian ini` },
          });
          continue;
        }
        out.push({ field, label, code, message: messageOf(code, e.property, message, names) });
      }
    }
    if (e.children?.length) flatten(e.children, field, out);
  }
}

/** Turns class-validator's errors into one 422 listing every field with its label and what to enter. */
export function validationFailed(errors: ValidationError[]): AppError {
  const out: RawFieldError[] = [];
  flatten(errors, '', out);
  return new AppError('validation_failed', {}, out);
}
