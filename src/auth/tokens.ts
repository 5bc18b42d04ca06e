import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export const ACCESS_TOKEN_ISSUER = 'jalin';
export const ACCESS_TOKEN_AUDIENCE = 'jalin-api';

/** Claims of an access token: the user and the session it belongs to. */
export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: string;
  org: string;
}

/** A new opaque refresh token (256 random bits) and the hash that is stored in its place. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

/** SHA-256 of a refresh token: a leaked table does not give working tokens. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The HMAC key of access tokens as a KeyObject. Handed over as a string, jsonwebtoken first tries
 * to read it as a PEM public key on every verification (and fails), which costs more CPU than the
 * signature check itself.
 */
export function accessTokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
