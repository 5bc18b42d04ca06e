import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppError } from '../common/errors/app-error';

/** The request header that names one attempt of a money movement. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on an answer replayed from an earlier request with the same key. */
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';

/** 1–200 visible ASCII characters (no spaces or control characters). */
const KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads and checks the Idempotency-Key header: missing or malformed is a 400 that says what to send. */
export function readIdempotencyKey(value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new AppError('bad_request', {
      reason: 'Idempotency-Key header is required: send a unique key (e.g. a UUID) per disbursement so a retry is never paid twice',
    });
  }
  if (!KEY.test(value)) {
    throw new AppError('bad_request', {
      reason: 'Idempotency-Key must be 1 to 200 visible ASCII characters without spaces, e.g. a UUID such as 3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
    });
  }
  return value;
}

/** The checked Idempotency-Key of the request. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string =>
  readIdempotencyKey(ctx.switchToHttp().getRequest<Request>().header(IDEMPOTENCY_KEY_HEADER)),
);

/** Documents the required Idempotency-Key header of an endpoint. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: true,
      example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
      description:
        'A key you make once per intended money movement (a UUID is best; 1–200 visible ASCII characters) and send again unchanged on every retry of it. ' +
        'The same key with the same body replays the first answer (header Idempotency-Replayed: true) and nothing is written again; ' +
        'the same key with another body is refused (422). Keys are per user and kept at least 24 hours. A request that failed leaves no key behind.',
    }),
  );

/**
 * Reads an optional Idempotency-Key: undefined when the header is absent (or empty), otherwise
 * checked like the required one (malformed is a 400).
 */
export function readOptionalIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return readIdempotencyKey(value);
}

/** The checked Idempotency-Key of the request, or undefined when it sent none. */
export const OptionalIdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined =>
  readOptionalIdempotencyKey(ctx.switchToHttp().getRequest<Request>().header(IDEMPOTENCY_KEY_HEADER)),
);

/** Documents the optional Idempotency-Key header of an endpoint that creates a record. */
export const ApiOptionalIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69',
      description:
        'Optional. A key you make once per record you mean to create (a UUID is best; 1–200 visible ASCII characters) and send again unchanged when you retry, e.g. after a timeout, so a retry never creates a second record. ' +
        'The same key with the same body replays the first answer (header Idempotency-Replayed: true) and nothing is written again; the same key with another body is refused (422); ' +
        'while the first request with the key is still being processed, 409 with Retry-After. Keys are per user and kept at least 24 hours; a request that failed leaves no key behind. ' +
        'Without the header every request is handled on its own.',
    }),
  );
