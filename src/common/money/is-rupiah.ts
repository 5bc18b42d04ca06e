import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { AppError } from '../errors/app-error';
import { MAX_RUPIAH, parseRupiah } from './rupiah';

/** Options of an amount field. */
export interface RupiahOptions {
  /** Zero is refused too (an award, a tranche, an expense); settlements allow zero. */
  positive?: boolean;
}

/** The canonical digit string of a valid amount, or null; never throws. */
function canonical(value: unknown): string | null {
  try {
    return parseRupiah(value, 'amount');
  } catch {
    return null;
  }
}

/** Why `value` is not an acceptable amount for `field` (English, naming the field), or null when it is. */
export function rupiahProblem(value: unknown, field: string, options: RupiahOptions = {}): string | null {
  try {
    const amount = parseRupiah(value, field);
    if (options.positive && amount === '0') return `${field} must be more than 0 rupiah`;
    return null;
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors.length > 0) return err.fieldErrors[0].message.en;
    throw err;
  }
}

/**
 * An amount of whole rupiah in a request body: a JSON integer within JavaScript's exact range or a
 * digit string up to 9,000,000,000,000,000,000. The value reaches the handler as a canonical digit
 * string ("250000000"), so no float ever exists on the way to a bigint column. Refused with a 422
 * on the field (code `isRupiah`): decimals (1.5, "1.5", "1e3"), negatives, zero when `positive`,
 * integers beyond 2^53 − 1 sent as JSON numbers (they may already have lost digits: send them as
 * strings), amounts above the limit, and anything that is not a number or a string.
 */
export function IsRupiah(options: RupiahOptions = {}): PropertyDecorator {
  const transform = Transform(({ value }) => canonical(value) ?? value);
  const validate = ValidateBy({
    name: 'isRupiah',
    validator: {
      // After the transform a valid amount is its own canonical form; anything else was refused.
      validate: (value: unknown) => typeof value === 'string' && canonical(value) === value && !(options.positive && value === '0'),
      defaultMessage: (args) => rupiahProblem(args?.value, args?.property ?? 'amount', options) ?? `${args?.property ?? 'amount'} must be whole rupiah`,
    },
  });
  return (target: object, propertyKey: string | symbol) => {
    transform(target, propertyKey);
    validate(target, propertyKey);
  };
}

/** How an amount field is documented in OpenAPI: a digit string or an integer. */
export function rupiahProperty(example: string, description: string, options: RupiahOptions = {}) {
  return {
    oneOf: [
      { type: 'string' as const, pattern: '^[0-9]+$' },
      { type: 'integer' as const, minimum: options.positive ? 1 : 0, maximum: Number.MAX_SAFE_INTEGER },
    ],
    example,
    description:
      `${description} Whole rupiah as a digit string ("${example}") or an integer; no decimals or exponents, ${options.positive ? 'more than 0' : 'not negative'}, ` +
      `at most ${MAX_RUPIAH}. Send amounts above ${Number.MAX_SAFE_INTEGER} as a string. Answers always give amounts as strings.`,
  };
}
