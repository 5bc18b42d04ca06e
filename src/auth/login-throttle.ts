import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../config/env';
import type { AttemptScope } from './login-failure.entity';

/** What one throttle counts: its two scopes (the account, the client address), limits and window. */
export interface AttemptLimits {
  accountScope: AttemptScope;
  addressScope: AttemptScope;
  maxPerAccount: number;
  maxPerAddress: number;
  windowSeconds: number;
}

/**
 * Serialises the attempts on one account and from one address until the transaction ends, so
 * parallel attempts cannot all pass the check before any is counted.
 */
export async function lockAttempts(manager: EntityManager, limits: AttemptLimits, email: string, address: string): Promise<void> {
  // Always account first, then address: one order, so two requests never wait on each other in a cycle.
  const prefix = limits.accountScope === 'account' ? 'login' : limits.accountScope;
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${prefix}:account:${email}`]);
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${prefix}:address:${address}`]);
}

/** Seconds until the account and the address are both under their limits again; 0 when they are. */
export async function retryAfterSeconds(manager: EntityManager, limits: AttemptLimits, email: string, address: string): Promise<number> {
  // For each scope over its limit: the oldest attempt that still counts against the limit; once
  // it leaves the window the count drops below the limit again.
  const rows: Array<{ retry_after: number }> = await manager.query(
    `SELECT ceil(extract(epoch FROM occurred_at + make_interval(secs => $3) - now()))::int AS retry_after
       FROM (SELECT scope, occurred_at,
                    row_number() OVER (PARTITION BY scope ORDER BY occurred_at DESC) AS rn
               FROM login_failures
              WHERE occurred_at > now() - make_interval(secs => $3)
                AND ((scope = $6 AND key = $1) OR (scope = $7 AND key = $2))) recent
      WHERE (scope = $6 AND rn = $4) OR (scope = $7 AND rn = $5)`,
    [email, address, limits.windowSeconds, limits.maxPerAccount, limits.maxPerAddress, limits.accountScope, limits.addressScope],
  );
  return rows.length === 0 ? 0 : Math.max(1, ...rows.map((r) => r.retry_after));
}

/** Counts one attempt against the account and the address, and forgets the ones out of the window. */
export async function countAttempt(manager: EntityManager, limits: AttemptLimits, email: string, address: string): Promise<void> {
  await manager.query(
    `WITH purge AS (
       DELETE FROM login_failures
        WHERE occurred_at <= now() - make_interval(secs => $3)
          AND ((scope = $4 AND key = $1) OR (scope = $5 AND key = $2)))
     INSERT INTO login_failures (scope, key) VALUES ($4, $1), ($5, $2)`,
    [email, address, limits.windowSeconds, limits.accountScope, limits.addressScope],
  );
}

/**
 * Counts failed sign-ins per account and per client address in the database, so the limit holds
 * however many API replicas serve the requests.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: AttemptLimits;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = {
      accountScope: 'account',
      addressScope: 'address',
      maxPerAccount: config.loginMaxFailuresPerAccount,
      maxPerAddress: config.loginMaxFailuresPerAddress,
      windowSeconds: config.loginFailureWindowSeconds,
    };
  }

  /**
   * Serialises the sign-ins of one account and of one address until the transaction ends, so
   * parallel attempts cannot all pass the check before any failure is counted.
   */
  lock(manager: EntityManager, email: string, address: string): Promise<void> {
    return lockAttempts(manager, this.limits, email, address);
  }

  /** Refuses with 429 and Retry-After while the account or the address is over its limit. */
  async assertAllowed(manager: EntityManager, email: string, address: string): Promise<void> {
    const retryAfter = await retryAfterSeconds(manager, this.limits, email, address);
    if (retryAfter === 0) return;
    throw new AppError('too_many_login_attempts', { retryAfter }, [], { 'Retry-After': String(retryAfter) });
  }

  /** Counts one failure against the account and the address, and forgets the ones out of the window. */
  recordFailure(manager: EntityManager, email: string, address: string): Promise<void> {
    return countAttempt(manager, this.limits, email, address);
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async clearAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE scope = 'account' AND key = $1`, [email]);
  }
}
