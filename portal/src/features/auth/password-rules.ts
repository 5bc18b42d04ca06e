/** The API's password rules (src/auth/passwords.ts), shown while typing; the API still decides. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** Recommended, not required (OWASP ASVS 5). */
export const PASSWORD_RECOMMENDED_LENGTH = 15;

export interface PasswordRule {
  key: 'minLength' | 'maxLength';
  ok: boolean;
  params: Record<string, number>;
}

/** Rules the portal can check as the user types. */
export function passwordRules(password: string): PasswordRule[] {
  return [
    { key: 'minLength', ok: password.length >= PASSWORD_MIN_LENGTH, params: { n: PASSWORD_MIN_LENGTH } },
    { key: 'maxLength', ok: password.length > 0 && password.length <= PASSWORD_MAX_LENGTH, params: { n: PASSWORD_MAX_LENGTH } },
  ];
}

export interface PasswordAdvice {
  key: 'notCommon' | 'recommendedLength';
  params: Record<string, number>;
}

/**
 * What the API also asks, shown as information only: whether a password is too common is decided by
 * the API's list, and its answer is shown at the field after saving.
 */
export const PASSWORD_ADVICE: PasswordAdvice[] = [
  { key: 'notCommon', params: {} },
  { key: 'recommendedLength', params: { n: PASSWORD_RECOMMENDED_LENGTH } },
];
