/** The API's password rules (src/auth/passwords.ts), shown while typing; the API still decides. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordRule {
  key: 'minLength' | 'maxLength';
  ok: boolean;
  params: Record<string, number>;
}

export function passwordRules(password: string): PasswordRule[] {
  return [
    { key: 'minLength', ok: password.length >= PASSWORD_MIN_LENGTH, params: { n: PASSWORD_MIN_LENGTH } },
    { key: 'maxLength', ok: password.length > 0 && password.length <= PASSWORD_MAX_LENGTH, params: { n: PASSWORD_MAX_LENGTH } },
  ];
}
