import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { AppError, RawFieldError } from '../errors/app-error';
import { sendProblem } from '../errors/problem';
import type { AppRequest } from './request-context';

/**
 * The deepest nesting of arrays and objects a JSON body may have. No request of the API needs more
 * than a handful of levels; a limit keeps a hostile body (hundreds of thousands of `[`) from costing
 * more than one pass over its bytes, and from overflowing the stack in validation.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`, counted over raw UTF-8 bytes (or a
 * decoded string) outside strings, before it is parsed. In UTF-8 the bytes of multi-byte characters
 * are all ≥ 0x80, so the ASCII structural characters are found byte by byte.
 */
export function jsonDepthExceeds(input: Uint8Array | string, max = MAX_JSON_DEPTH): boolean {
  const at = typeof input === 'string' ? (i: number) => input.charCodeAt(i) : (i: number) => input[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < input.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** The error a body parser's `verify` throws for a body nested too deep; the parser keeps `type`. */
export class JsonTooDeepError extends Error {
  readonly type = 'json.too.deep';
  readonly status = 400;
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/** A body parser `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
  const utf8 = !encoding || /^utf-?8$/i.test(encoding);
  const text = utf8 ? buf : new TextDecoder(encoding).decode(buf);
  if (jsonDepthExceeds(text)) throw new JsonTooDeepError();
}

/**
 * Text PostgreSQL cannot store or compare: the NUL character, and UTF-16 surrogates without their
 * pair (valid in a JS string and in JSON escapes, not in UTF-8).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badText(s: string): boolean {
  return s.includes('\u0000') || LONE_SURROGATE.test(s);
}

/** The path of a field the way validation errors name it: `lines[2].description`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Numbers JSON may write but no field of the API holds: an exponent form whose value has no plain
 * decimal writing of a few places (1e-7), or one too large for any column (1e21). Validation of
 * bounded decimals cannot read their places, so they are refused before it.
 */
function unstorableNumber(n: number): boolean {
  return Number.isFinite(n) && n !== 0 && String(n).includes('e');
}

/** Problems of a parsed body or query no field could hold, by field path: bad text, exponent numbers, reserved keys. */
/** Keys that name an object's machinery, not a field: never part of a request (prototype pollution). */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Unstorable = { field: string; kind: 'text' | 'number' | 'key' };

export function findUnstorable(value: unknown, path = '', found: Unstorable[] = [], depth = 0): Unstorable[] {
  if (found.length >= 20 || depth > MAX_JSON_DEPTH + 2) return found;
  const here = path === '' ? '(body)' : path;
  if (typeof value === 'string') {
    if (badText(value)) found.push({ field: here, kind: 'text' });
  } else if (typeof value === 'number') {
    if (unstorableNumber(value)) found.push({ field: here, kind: 'number' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findUnstorable(v, childPath(path, i), found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (badText(k)) found.push({ field: childPath(path, k.replaceAll('\u0000', '\\u0000').replace(/[\ud800-\udfff]/g, '?')), kind: 'text' });
      else if (RESERVED_KEYS.has(k)) found.push({ field: childPath(path, k), kind: 'key' });
      else findUnstorable(v, childPath(path, k), found, depth + 1);
    }
  }
  return found;
}

/** Every string (and key) in a parsed body or query that PostgreSQL could not take, by field path. */
export function findBadText(value: unknown): string[] {
  return findUnstorable(value)
    .filter((p) => p.kind === 'text')
    .map((p) => p.field);
}

/** The field problem for text that cannot be stored, in both languages. */
export function badTextError(field: string): RawFieldError {
  return {
    field,
    code: 'invalidCharacters',
    message: {
      en: `${field} contains a character that cannot be stored (a NUL character or an unpaired UTF-16 surrogate). Remove it and send again`,
      id: `${field} berisi karakter yang tidak dapat disimpan (karakter NUL atau surrogate UTF-16 tanpa pasangan). Hapus karakter itu lalu kirim ulang`,
    },
  };
}

/** The field problem for a number in exponent form, in both languages. */
export function exponentNumberError(field: string): RawFieldError {
  return {
    field,
    code: 'isNumber',
    message: {
      en: `${field} must be written as plain digits with at most 2 decimals (e.g. 12.5), not in exponent form such as 1e-7`,
      id: `${field} harus ditulis dengan angka biasa dengan paling banyak 2 desimal (mis. 12.5), bukan bentuk eksponen seperti 1e-7`,
    },
  };
}

/** The field problem for a key such as `__proto__`, which no request may carry. */
export function reservedKeyError(field: string): RawFieldError {
  return {
    field,
    code: 'unknown_field',
    message: { en: `${field} is not a known field; remove it`, id: `isian ${field} tidak dikenal; hapus isian ini` },
  };
}

/**
 * Refuses, as one 422 naming each field, any string in the body or the query that contains a NUL
 * character or a lone UTF-16 surrogate, any number in the body in exponent form, and any key such as
 * `__proto__` or `constructor`, before a route sees it: one place for every route.
 */
export function textGuardMiddleware(req: Request, res: Response, next: NextFunction): void {
  const problems = [...findUnstorable(req.query).filter((p) => p.kind !== 'number'), ...findUnstorable(req.body)];
  if (problems.length === 0) return next();
  sendProblem(
    new AppError(
      'validation_failed',
      {},
      problems.map((p) => (p.kind === 'text' ? badTextError(p.field) : p.kind === 'key' ? reservedKeyError(p.field) : exponentNumberError(p.field))),
    ),
    req,
    res,
    (req as AppRequest).id,
  );
}

/**
 * A PATCH whose body is empty (`{}` or no body at all) asks to change nothing: refused as a 422 in
 * one place, after the guards (so a caller without a token still hears 401), where a sub-resource
 * without a `version` would otherwise reach its service with no change to write.
 */
@Injectable()
export class EmptyChangeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const body: unknown = req.body;
    const empty = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
    if (req.method === 'PATCH' && empty) {
      throw AppError.rule('There is nothing to change: send the fields to change in a JSON body.', 'Tidak ada yang diubah: kirim isian yang ingin diubah dalam isi JSON.');
    }
    return next.handle();
  }
}
