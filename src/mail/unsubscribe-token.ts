import { createHmac, timingSafeEqual } from 'node:crypto';
import { CHOOSABLE_MAIL_CATEGORIES, MAIL_CATEGORIES } from './templates/layout';
import type { MailCategory } from './templates/layout';

/** What an unsubscribe link can name: one category, or `digest` (every category the user gathers in the daily digest). */
export type UnsubscribeScope = MailCategory | 'digest';

const SCOPES: readonly string[] = [...MAIL_CATEGORIES, 'digest'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The categories an unsubscribe link may turn off (security messages cannot be). */
export const UNSUBSCRIBABLE: readonly string[] = [...CHOOSABLE_MAIL_CATEGORIES, 'digest'];

/**
 * Signs and reads the token of an unsubscribe link: `<user id>.<scope>.<HMAC-SHA256>`, keyed by a
 * key derived from the JWT secret (so no new secret has to be configured, and a leaked unsubscribe
 * key signs no session). It does not expire: an unsubscribe link in an old e-mail keeps working.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('jalin:mail-unsubscribe:v1').digest();
  }

  /** The token naming `userId` and `scope`. */
  sign(userId: string, scope: UnsubscribeScope): string {
    return `${userId}.${scope}.${this.mac(userId, scope)}`;
  }

  /** The user and scope a token names, or null when it is malformed or its signature does not match. */
  read(token: string): { userId: string; scope: UnsubscribeScope } | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [userId, scope, mac] = parts;
    if (!UUID.test(userId) || !SCOPES.includes(scope)) return null;
    const expected = Buffer.from(this.mac(userId, scope));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { userId, scope: scope as UnsubscribeScope };
  }

  private mac(userId: string, scope: string): string {
    return createHmac('sha256', this.key).update(`${userId}:${scope}`).digest('base64url');
  }
}
