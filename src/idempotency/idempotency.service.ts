import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { IdempotencyKeyBusyError } from './idempotency.errors';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key.decorator';
import { requestHash } from './request-hash';

/** How long a key is kept (at least): a retry within this time never repeats the effect. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/** How long a request waits for another request holding the same key before answering 409. */
export const IDEMPOTENCY_WAIT = '10s';

/** Expired keys removed, at most, by each new claim (the table cleans itself as it is used). */
const SWEEP_BATCH = 20;

/** One request made with an Idempotency-Key. */
export interface IdempotentCall {
  key: string;
  /** Method and route pattern, e.g. "POST /api/v1/grants/:id/disbursements". */
  endpoint: string;
  /** The request as it was understood (path ids and the normalised body): its hash is what "the same request" means. */
  payload: unknown;
}

/** What an idempotent endpoint answers: its status and body, and whether it was replayed. */
export class IdempotentResult<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly replayed: boolean,
  ) {}
}

interface StoredKey {
  endpoint: string;
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
}

/** PostgreSQL's lock_not_available: the wait for another transaction's key ran out. */
function isLockTimeout(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return (e.code ?? e.driverError?.code) === '55P03';
}

/**
 * Runs an effect once per (caller, key). Everything happens inside the caller's transaction: the key
 * is claimed with INSERT … ON CONFLICT DO NOTHING, the effect runs, and its answer is stored with
 * it, so the key, the effect and the answer commit or roll back together. A failed request leaves
 * no key behind; a concurrent request with the same key waits for the first to finish, then sees
 * its stored answer.
 */
@Injectable()
export class IdempotencyService {
  /**
   * The answer of `effect` for this key: computed now (and stored) when the key is new, replayed
   * when the same request was already answered; 422 when the key was used for another request.
   */
  async once<T>(manager: EntityManager, actor: Actor, call: IdempotentCall, status: number, effect: () => Promise<T>): Promise<IdempotentResult<T>> {
    const hash = requestHash(call.payload);
    await this.sweep(manager, actor.userId, call.key);
    const claimed = await this.claim(manager, actor.userId, call, hash);
    if (claimed === null) return this.previous<T>(manager, actor.userId, call, hash);
    const body = await effect();
    await manager.query('UPDATE idempotency_keys SET response_status = $2, response_body = $3 WHERE id = $1', [claimed, status, JSON.stringify(body)]);
    return new IdempotentResult(status, body, false);
  }

  /** Removes this caller's expired use of the key and a few other expired keys, skipping rows in use. */
  private async sweep(manager: EntityManager, userId: string, key: string): Promise<void> {
    await manager.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND expires_at <= now()', [userId, key]);
    await manager.query(
      `DELETE FROM idempotency_keys WHERE id IN (
         SELECT id FROM idempotency_keys WHERE expires_at <= now() ORDER BY expires_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`,
    );
  }

  /** The id of the new key row, or null when the key exists (the insert waits while another transaction holds it). */
  private async claim(manager: EntityManager, userId: string, call: IdempotentCall, hash: string): Promise<string | null> {
    try {
      await manager.query(`SET LOCAL lock_timeout = '${IDEMPOTENCY_WAIT}'`);
      const rows = (await manager.query(
        `INSERT INTO idempotency_keys (user_id, key, endpoint, request_hash, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
         ON CONFLICT (user_id, key) DO NOTHING
         RETURNING id`,
        [userId, call.key, call.endpoint, hash],
      )) as Array<{ id: string }>;
      await manager.query('SET LOCAL lock_timeout TO DEFAULT');
      return rows[0]?.id ?? null;
    } catch (err) {
      if (isLockTimeout(err)) throw new IdempotencyKeyBusyError(call.key);
      throw err;
    }
  }

  private async previous<T>(manager: EntityManager, userId: string, call: IdempotentCall, hash: string): Promise<IdempotentResult<T>> {
    const [stored] = (await manager.query('SELECT endpoint, request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      userId,
      call.key,
    ])) as StoredKey[];
    // Gone between the insert and this read (expired and swept): the client retries and gets a fresh claim.
    if (!stored) throw new IdempotencyKeyBusyError(call.key);
    if (stored.endpoint !== call.endpoint || stored.request_hash !== hash) {
      throw AppError.refused(
        IDEMPOTENCY_KEY_HEADER,
        'idempotency_key_reused',
        `${IDEMPOTENCY_KEY_HEADER} "${call.key}" was already used for a different request (${stored.endpoint === call.endpoint ? 'another body or record' : stored.endpoint}); a key names one attempt: send a new key for a new request, or the exact same body to retry`,
        `${IDEMPOTENCY_KEY_HEADER} "${call.key}" sudah dipakai untuk permintaan lain (${stored.endpoint === call.endpoint ? 'isi atau data yang berbeda' : stored.endpoint}); satu kunci untuk satu percobaan: kirim kunci baru untuk permintaan baru, atau isi yang persis sama untuk mengulang`,
      );
    }
    if (stored.response_status === null) throw new IdempotencyKeyBusyError(call.key);
    return new IdempotentResult(stored.response_status, stored.response_body as T, true);
  }
}
