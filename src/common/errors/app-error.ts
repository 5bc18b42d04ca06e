import type { ErrorCode } from './error-catalog';
import type { Lang } from './i18n';

/** What is wrong with one field of a request. */
export interface FieldError {
  /** Path of the field, e.g. `email` or `budgetLines[2].amount`. */
  field: string;
  /** A stable code for the problem, e.g. `isEmail`, `unknown_field`. */
  code: string;
  /** What is wrong and how to fix it, in the caller's language. */
  message: string;
}

/** A field problem before translation: the filter renders it in the caller's language. */
export interface RawFieldError {
  field: string;
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
