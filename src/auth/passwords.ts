import * as argon2 from 'argon2';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength, registerDecorator } from 'class-validator';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { says } from '../common/errors/validation';
import { SEQUENCES, isListedPassword } from './common-passwords';

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** OWASP ASVS 5 recommends at least 15 characters; 8 is the minimum it allows. */
export const PASSWORD_RECOMMENDED_LENGTH = 15;

/** The minimum length's message, which also recommends a longer passphrase. */
export const PASSWORD_TOO_SHORT = says(
  `must be at least ${PASSWORD_MIN_LENGTH} characters long; ${PASSWORD_RECOMMENDED_LENGTH} or more is safer, e.g. three random words`,
  `minimal ${PASSWORD_MIN_LENGTH} karakter; ${PASSWORD_RECOMMENDED_LENGTH} karakter atau lebih lebih aman, misalnya tiga kata acak`,
);

/** What the API and the OpenAPI document say about a password being set. */
export const PASSWORD_RULES_TEXT =
  `At least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_RECOMMENDED_LENGTH} or more recommended), at most ${PASSWORD_MAX_LENGTH}; any characters, no required mix. ` +
  'Refused (422 on the field, code commonPassword) when it is a common or breached password, a keyboard or alphabet sequence, one character repeated, or the email address or its name part.';

const REVERSED_SEQUENCES = SEQUENCES.map((s) => [...s].reverse().join(''));

/** The text compared with the lists: trimmed and in lower case. */
function normalize(password: string): string {
  return password.trim().toLowerCase();
}

/** A short piece repeated to fill the length: aaaaaaaa, abababab, abcabcabc, 12341234. */
function isRepetition(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    if (text.slice(0, size).repeat(text.length / size) === text) return true;
  }
  return false;
}

/**
 * Whether a password is too easy to guess (OWASP ASVS 5, 6.2.4 and 6.2.11): empty once trimmed, one
 * piece repeated, a run of a keyboard row or alphabet, on the list of common and breached passwords,
 * or the user's own email address or the part before its `@`. Passwords that merely contain such
 * words (`Jalin-Demo-2026`) are accepted: length, not composition, makes a password strong.
 */
export function isCommonPassword(password: string, email?: string): boolean {
  const text = normalize(password);
  if (text === '' || isRepetition(text)) return true;
  if (SEQUENCES.some((s) => s.includes(text)) || REVERSED_SEQUENCES.some((s) => s.includes(text))) return true;
  if (isListedPassword(text)) return true;
  if (email) {
    const address = normalize(email);
    const local = address.split('@')[0];
    // The name part with the usual additions (budi123, budi2026) is as guessable as a listed word with them.
    if (text === address || (local !== '' && (text === local || isListedPassword(text.replace(local, 'jalin'))))) return true;
  }
  return false;
}

/**
 * Refuses a common or easily guessed password (see `isCommonPassword`) with code `commonPassword`;
 * when the DTO also carries an `email`, that address counts as guessable too.
 */
export function IsNotCommonPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'commonPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: says(
          'is too common and easy to guess; choose a longer phrase, e.g. three random words',
          'ini terlalu umum dan mudah ditebak; pilih frasa yang lebih panjang, misalnya tiga kata acak',
        ),
        ...options,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          // Wrong type or length is already refused by the field's other rules: one answer is enough.
          if (typeof value !== 'string' || value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH) return true;
          const email = (args.object as { email?: unknown }).email;
          return !isCommonPassword(value, typeof email === 'string' ? email : undefined);
        },
      },
    });
  };
}

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verifying against this when the email is unknown makes both failures take the same time.
let dummyHash: Promise<string> | null = null;

/** Checks a password against a stored hash, or spends the same time when there is none. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A password a person chooses (accepting an invitation, a reset link): a string within the lengths
 * and not a common one, documented with the rules.
 */
export function NewPasswordField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'my own long passphrase', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: PASSWORD_RULES_TEXT }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: PASSWORD_TOO_SHORT }),
    MaxLength(PASSWORD_MAX_LENGTH),
    IsNotCommonPassword(),
  );
}
