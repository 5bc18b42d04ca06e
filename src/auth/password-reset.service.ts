import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, isAdmin } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../config/env';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthSession } from './auth-session.entity';
import type { ClientInfo } from './auth.service';
import type { ConfirmPasswordResetDto, PasswordResetRequestedResponse, PasswordResetSentResponse, PasswordResetStateResponse } from './dto/password-reset.dto';
import { AttemptLimits, countAttempt, lockAttempts, retryAfterSeconds } from './login-throttle';
import { hashPassword, isCommonPassword } from './passwords';
import { PasswordResetToken } from './password-reset-token.entity';
import { hashRefreshToken, newRefreshToken } from './tokens';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

interface TokenRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  email: string;
  full_name: string;
  organization_id: string;
  disabled_at: Date | null;
}

/**
 * Password reset by email: a request (the same answer whether or not the address has an account,
 * throttled per address and per client in the sign-in throttle's table), a single-use link valid
 * for an hour whose token is stored only as its SHA-256, and the new password, which ends every
 * session and every other reset link of the user. Administrators and organisation managers can
 * send a user the same link.
 */
@Injectable()
export class PasswordResetService {
  private readonly limits: AttemptLimits;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = {
      accountScope: 'reset_account',
      addressScope: 'reset_address',
      maxPerAccount: config.passwordResetMaxPerAccount,
      maxPerAddress: config.passwordResetMaxPerAddress,
      windowSeconds: config.passwordResetWindowSeconds,
    };
  }

  /**
   * Sends a reset link if `email` belongs to an enabled account; answers the same either way. Each
   * request counts against the address and the client, known address or not, so the limit (429)
   * tells nothing about who has an account either.
   */
  async request(email: string, client: ClientInfo): Promise<PasswordResetRequestedResponse> {
    const address = email.trim().toLowerCase();
    const retryAfter = await this.dataSource.transaction(async (manager) => {
      await lockAttempts(manager, this.limits, address, client.address);
      const wait = await retryAfterSeconds(manager, this.limits, address, client.address);
      if (wait > 0) return wait;
      await countAttempt(manager, this.limits, address, client.address);
      const user = await this.users.findByEmail(address, manager);
      if (user && user.disabledAt === null) {
        await this.issue(manager, user, null);
        await this.audit.record(manager, { userId: null, organizationId: null, requestId: client.requestId }, {
          action: 'password_reset_requested',
          entityType: 'user',
          entityId: user.id,
          changes: { address: client.address },
        });
      }
      return 0;
    });
    if (retryAfter > 0) throw new AppError('too_many_password_resets', { retryAfter }, [], { 'Retry-After': String(retryAfter) });
    return { accepted: true, linkValidMinutes: PASSWORD_RESET_TTL_MINUTES };
  }

  /** Whether a reset link still works, before its user types a new password; an unknown token is a 404. */
  async check(token: string): Promise<PasswordResetStateResponse> {
    const row = await this.find(this.dataSource.manager, token, false);
    return { state: this.stateOf(row), expiresAt: row.expires_at.toISOString() };
  }

  /**
   * Sets a new password with a reset link's token: the link and every other unused link of the user
   * stop working, every session of the user ends, and the sign-in failures counted against the
   * account are forgotten.
   */
  async confirm(dto: ConfirmPasswordResetDto, client: ClientInfo): Promise<void> {
    const passwordHash = await hashPassword(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.find(manager, dto.token, true);
      const state = this.stateOf(row);
      if (state === 'used') throw new AppError('password_reset_used');
      if (state === 'expired') throw new AppError('password_reset_expired');
      if (isCommonPassword(dto.password, row.email)) {
        throw AppError.field(
          'password',
          'commonPassword',
          'Password is too common and easy to guess; choose a longer phrase, e.g. three random words',
          'Kata sandi ini terlalu umum dan mudah ditebak; pilih frasa yang lebih panjang, misalnya tiga kata acak',
        );
      }
      const now = this.clock.now();
      await manager.update(User, { id: row.user_id }, { passwordHash, invitationTokenHash: null, invitationExpiresAt: null, version: () => 'version + 1' });
      await manager.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [row.user_id, now]);
      await manager
        .createQueryBuilder()
        .update(AuthSession)
        .set({ revokedAt: () => 'now()', revokedReason: 'password_reset' })
        .where('user_id = :userId AND revoked_at IS NULL', { userId: row.user_id })
        .execute();
      await manager.query(`DELETE FROM login_failures WHERE scope = 'account' AND key = $1`, [row.email]);
      await this.mail.enqueueForUsers(manager, [row.user_id], {
        kind: 'password_changed',
        params: { fullName: row.full_name, changedAt: now.toISOString(), changedBy: null },
        entityType: 'user',
        entityId: row.user_id,
        dedupeKey: `password_changed:${row.id}`,
      });
      await this.audit.record(manager, { userId: row.user_id, organizationId: row.organization_id, requestId: client.requestId }, {
        action: 'password_reset',
        entityType: 'user',
        entityId: row.user_id,
        changes: { passwordHash: { from: '[hidden]', to: '[changed]' }, address: client.address },
      });
    });
  }

  /**
   * Sends a user a reset link on an administrator's or manager's behalf. Admins may for anyone;
   * organisation managers for their own organisation's users other than administrators (as with
   * disabling); another organisation's user is a 404.
   */
  async sendFor(actor: Actor, userId: string): Promise<PasswordResetSentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.users.findVisible(actor, userId, manager);
      if (!user) throw AppError.notFound('user', userId);
      if (user.role === 'admin' && !isAdmin(actor)) {
        throw new AppError('forbidden', { role: actor.role, actionEn: "send an administrator's password reset", actionId: 'mengirim atur ulang kata sandi administrator' });
      }
      if (user.disabledAt !== null) {
        throw AppError.refused('userId', 'user_disabled', 'this user is disabled; enable the account first', 'pengguna ini dinonaktifkan; aktifkan akunnya terlebih dahulu');
      }
      const sender = await manager.findOneOrFail(User, { where: { id: actor.userId } });
      const expiresAt = await this.issue(manager, user, sender);
      await this.audit.record(manager, actor, { action: 'password_reset_sent', entityType: 'user', entityId: user.id, changes: { email: user.email } });
      return { email: user.email, expiresAt: expiresAt.toISOString() };
    });
  }

  /** Stores a new token for the user and writes the email with its link in the same transaction. */
  private async issue(manager: EntityManager, user: User, sentBy: User | null): Promise<Date> {
    const { token, hash } = newRefreshToken();
    const expiresAt = new Date(this.clock.now().getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    const saved = await manager.save(manager.create(PasswordResetToken, { userId: user.id, tokenHash: hash, expiresAt, requestedByUserId: sentBy?.id ?? null }));
    await this.mail.enqueue(
      manager,
      { userId: user.id, email: user.email, locale: user.locale },
      { kind: 'password_reset', params: { fullName: user.fullName, token, expiresAt: expiresAt.toISOString(), sentBy: sentBy?.fullName ?? null }, entityType: 'user', entityId: user.id, dedupeKey: `password_reset:${saved.id}` },
    );
    return expiresAt;
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<TokenRow> {
    const rows: TokenRow[] = await manager.query(
      `SELECT t.id, t.user_id, t.expires_at, t.used_at, u.email, u.full_name, u.organization_id, u.disabled_at
         FROM password_reset_tokens t
         JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1
        ${lock ? 'FOR UPDATE OF t, u' : ''}`,
      [hashRefreshToken(token)],
    );
    const row = rows[0];
    // A disabled account's link reads as unknown: it must not tell that the account exists.
    if (!row || row.disabled_at !== null) throw new AppError('password_reset_invalid');
    return row;
  }

  private stateOf(row: TokenRow): PasswordResetStateResponse['state'] {
    if (row.used_at !== null) return 'used';
    if (row.expires_at.getTime() <= this.clock.now().getTime()) return 'expired';
    return 'valid';
  }
}
