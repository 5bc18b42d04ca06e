import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../config/env';

/**
 * Counts failed sign-ins per account and per client address in the database, so the limit holds
 * however many API replicas serve the requests.
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Serialises the sign-ins of one account and of one address until the transaction ends, so
   * parallel attempts cannot all pass the check before any failure is counted.
   */
  async lock(manager: EntityManager, email: string, address: string): Promise<void> {
    // Always account first, then address: one order, so two sign-ins never wait on each other in a cycle.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:account:${email}`]);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:address:${address}`]);
  }

  /** Refuses with 429 and Retry-After while the account or the address is over its limit. */
  async assertAllowed(manager: EntityManager, email: string, address: string): Promise<void> {
    // For each scope over its limit: the oldest failure that still counts against the limit; once
    // it leaves the window the count drops below the limit again.
    const rows: Array<{ retry_after: number }> = await manager.query(
      `SELECT ceil(extract(epoch FROM occurred_at + make_interval(secs => $3) - now()))::int AS retry_after
         FROM (SELECT scope, occurred_at,
                      row_number() OVER (PARTITION BY scope ORDER BY occurred_at DESC) AS rn
                 FROM login_failures
                WHERE occurred_at > now() - make_interval(secs => $3)
                  AND ((scope = 'account' AND key = $1) OR (scope = 'address' AND key = $2))) recent
        WHERE (scope = 'account' AND rn = $4) OR (scope = 'address' AND rn = $5)`,
      [email, address, this.config.loginFailureWindowSeconds, this.config.loginMaxFailuresPerAccount, this.config.loginMaxFailuresPerAddress],
    );
    if (rows.length === 0) return;
    const retryAfter = Math.max(1, ...rows.map((r) => r.retry_after));
    throw new AppError('too_many_login_attempts', { retryAfter }, [], { 'Retry-After': String(retryAfter) });
  }

  /** Counts one failure against the account and the address, and forgets the ones out of the window. */
  async recordFailure(manager: EntityManager, email: string, address: string): Promise<void> {
    await manager.query(
      `WITH purge AS (
         DELETE FROM login_failures
          WHERE occurred_at <= now() - make_interval(secs => $3)
            AND ((scope = 'account' AND key = $1) OR (scope = 'address' AND key = $2)))
       INSERT INTO login_failures (scope, key) VALUES ('account', $1), ('address', $2)`,
      [email, address, this.config.loginFailureWindowSeconds],
    );
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async clearAccount(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_failures WHERE scope = 'account' AND key = $1`, [email]);
  }
}
