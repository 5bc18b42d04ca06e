import type { CookieOptions, Request, Response } from 'express';
import { AppError } from '../common/errors/app-error';
import type { TokenResponse } from './dto/token.response';

/** The request header a browser client sends to keep its refresh token in a cookie. */
export const SESSION_HEADER = 'X-Jalin-Session';
/** The one value of SESSION_HEADER. */
export const SESSION_HEADER_COOKIE = 'cookie';
/** The httpOnly cookie that holds the refresh token of a browser session. */
export const REFRESH_COOKIE = 'jalin_refresh';
/** Only the auth endpoints ever see the cookie. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

/**
 * Whether the request asks for the cookie session. The browser adds the cookie to any request on
 * its own, so the cookie is only honoured together with this header, which a cross-site form or
 * link cannot set (and a cross-origin script only after a CORS preflight the API does not grant).
 */
export function wantsCookieSession(req: Request): boolean {
  return req.header(SESSION_HEADER)?.trim().toLowerCase() === SESSION_HEADER_COOKIE;
}

/** The refresh token the browser holds in the cookie, if any. */
export function refreshTokenFromCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function cookieOptions(req: Request, maxAgeSeconds: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    // req.secure honours trust proxy: behind a TLS-terminating proxy X-Forwarded-Proto decides.
    secure: req.secure,
    maxAge: maxAgeSeconds * 1000,
  };
}

/** Moves the refresh token of a token pair into the cookie; the body keeps every other field. */
export function deliverInCookie(req: Request, res: Response, tokens: TokenResponse): TokenResponse {
  const { refreshToken, ...rest } = tokens;
  res.cookie(REFRESH_COOKIE, refreshToken, cookieOptions(req, tokens.refreshExpiresIn));
  return rest;
}

/** Tells the browser to forget the refresh cookie (Max-Age=0 on the same path). */
export function clearRefreshCookie(req: Request, res: Response): void {
  res.cookie(REFRESH_COOKIE, '', cookieOptions(req, 0));
}

/** Whether a refresh failed because of the token itself (missing, unknown, expired, reused), not a passing fault. */
export function isRefusedRefreshToken(err: unknown): boolean {
  return err instanceof AppError && (err.code === 'refresh_token_invalid' || err.code === 'refresh_token_reused');
}
