import type { ErrorCode } from './error-catalog';
import { fieldLabel, labelled } from './field-labels';
import type { Lang } from './i18n';

/** What is wrong with one field of a request. */
export interface FieldError {
  /** Path of the field, e.g. `email` or `budgetLines[2].amount`. */
  field: string;
  /** What a person calls the field, in the caller's language, e.g. `Nama program`; absent for an unknown field. */
  label?: string;
  /** A stable code for the problem, e.g. `isEmail`, `unknown_field`. */
  code: string;
  /** What is wrong and how to fix it, in the caller's language. */
  message: string;
}

/** A field problem before translation: the filter renders it in the caller's language. */
export interface RawFieldError {
  field: string;
  /** The field's label; when absent, the filter looks it up by the field's path. */
  label?: Record<Lang, string>;
  code: string;
  message: Record<Lang, string>;
}

/** A failure the caller can act on: a catalogued code, its parameters and optional field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: RawFieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }

  /**
   * A 422 for a rule of the domain that refuses the request at one field (over the award, a plan not
   * yet approved, a conflicted judge): titled as a refusal, not as a malformed field, with the reason
   * as the detail and the field in `errors` so a form can show it there.
   */
  static refused(field: string, code: string, en: string, id: string): AppError {
    return AppError.refusedAt([{ field, code, message: { en, id } }]);
  }

  /** A 422 refusal with one or more reasons at fields; the detail joins the reasons. */
  static refusedAt(reasons: RawFieldError[]): AppError {
    const sentence = (text: string) => {
      const s = text.charAt(0).toUpperCase() + text.slice(1);
      return /[.!?]$/.test(s) ? s : `${s}.`;
    };
    const join = (lang: Lang) => reasons.map((r) => sentence(labelled(r.message[lang], r.field, (r.label ?? fieldLabel(r.field))?.[lang]))).join(' ');
    return new AppError('rule_violated', { en: join('en'), id: join('id') }, reasons);
  }

  /**
   * The 422 for several field problems: a refusal when every one is a rule in `ruleCodes` (a school
   * outside the jurisdiction, one already recommended), a validation failure otherwise.
   */
  static ofFields(errors: RawFieldError[], ruleCodes: readonly string[]): AppError {
    return errors.every((e) => ruleCodes.includes(e.code)) ? AppError.refusedAt(errors) : new AppError('validation_failed', {}, errors);
  }

  /** A 404 that reads the same for a missing record and for another organisation's record. */
  static notFound(resource: string, id: string): AppError {
    return new AppError('not_found', { resource, id });
  }

  /** A 422 for one field, with the message in both languages. */
  static field(field: string, code: string, en: string, id: string): AppError {
    return new AppError('validation_failed', {}, [{ field, code, message: { en, id } }]);
  }

  /** A 422 for a broken domain rule, with the explanation in both languages. */
  static rule(en: string, id: string): AppError {
    return new AppError('rule_violated', { en, id });
  }
}
