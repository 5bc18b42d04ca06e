import { getMetadataStorage, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { says } from './validation';

/** The part of class-validator's stored metadata this reads (its MetadataStorage is not typed for outside use). */
interface ValidationMetadata {
  type: string;
  name?: string;
  propertyName: string;
  each: boolean;
}

/** The bounds of a PostgreSQL `integer` (int4) column, which every integer field of the API is stored in or compared with. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/**
 * Gives every `@IsInt()` field of every DTO the bounds of an int4 column where it declares none, so a
 * `version` of 2147483648 (or any integer past the column) is a 422 naming the field, not a database
 * error. Fields that declare their own `@Min`/`@Max` keep them. Run once the DTO classes are loaded,
 * before the first request; running it again adds nothing.
 * @returns how many bounds were added
 */
export function boundIntegerFields(): number {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  let added = 0;
  for (const [target, list] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    for (const m of [...list]) {
      if (m.name !== 'isInt') continue;
      const own = list.filter((o) => o.propertyName === m.propertyName);
      const options: ValidationOptions = m.each ? { each: true } : {};
      if (!own.some((o) => o.name === 'max')) {
        Max(INT4_MAX, options)(target.prototype as object, m.propertyName);
        added++;
      }
      if (!own.some((o) => o.name === 'min')) {
        Min(INT4_MIN, options)(target.prototype as object, m.propertyName);
        added++;
      }
    }
  }
  return added;
}

/** The rule added to nested fields (not named after a class-validator type, which would make it one). */
const OBJECT_RULE = 'isNestedObject';
const OBJECT_MESSAGE = says('must be an object with its own fields', 'harus berupa objek dengan isiannya sendiri');

/**
 * Makes every `@ValidateNested()` field accept only objects (each entry, for a list): class-validator
 * walks an array inside a list of nested DTOs as if it were the list (`lines: [[]]` passed), and
 * the service then met an array where a line belongs.
 * @returns how many rules were added
 */
export function requireObjectsInNestedFields(): number {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
  let added = 0;
  for (const [target, list] of storage.validationMetadatas) {
    if (typeof target !== 'function') continue;
    for (const m of [...list]) {
      if (m.type !== 'nestedValidation') continue;
      if (list.some((o) => o.propertyName === m.propertyName && o.name === OBJECT_RULE)) continue;
      ValidateBy(
        { name: OBJECT_RULE, validator: { validate: (v: unknown) => v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v)) } },
        m.each ? { each: true, message: OBJECT_MESSAGE } : { message: OBJECT_MESSAGE },
      )(target.prototype as object, m.propertyName);
      added++;
    }
  }
  return added;
}

/** The conditions already replaced, so running the rules again changes nothing. */
const SENT_ONLY = new WeakSet<object>();

/**
 * In a change (an `Update…Dto`), `@IsOptional()` lets `null` through as if the field were absent, and
 * the service then met null where text belongs (`fullName: null`). A field that says it must not be
 * empty is validated when sent as null, so null answers 422 "is required" naming the field; leaving
 * the field out still changes nothing.
 * @returns how many fields were changed
 */
export function refuseNullForNonEmptyChanges(): number {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, (ValidationMetadata & { constraints: unknown[] })[]> };
  let changed = 0;
  for (const [target, list] of storage.validationMetadatas) {
    if (typeof target !== 'function' || !/^Update\w*Dto$/.test(target.name)) continue;
    for (const m of list) {
      if (m.type !== 'conditionalValidation' || m.name !== 'isOptional' || SENT_ONLY.has(m.constraints[0] as object)) continue;
      if (!list.some((o) => o.propertyName === m.propertyName && o.name === 'isNotEmpty')) continue;
      const property = m.propertyName;
      const onlyWhenSent = (object: Record<string, unknown>) => object[property] !== undefined;
      SENT_ONLY.add(onlyWhenSent);
      m.constraints[0] = onlyWhenSent;
      changed++;
    }
  }
  return changed;
}

/** The rules every DTO gets beside its own decorators; run once the DTO classes are loaded. */
export function completeDtoRules(): void {
  boundIntegerFields();
  requireObjectsInNestedFields();
  refuseNullForNonEmptyChanges();
}
