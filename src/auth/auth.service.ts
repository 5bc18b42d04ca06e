import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { ROLE_PERMISSIONS } from '../common/auth/permissions';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../config/env';
import { OrganizationsService } from '../organizations/organizations.service';
import { UserResponse } from '../users/dto/user.response';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthSession } from './auth-session.entity';
import type { AcceptInvitationDto } from './dto/accept-invitation.dto';
import type { LoginDto } from './dto/login.dto';
import type { UpdateMeDto } from './dto/update-me.dto';
import type { MeResponse, TokenResponse } from './dto/token.response';
import { LoginThrottle } from './login-throttle';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { AccessTokenPayload, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, hashRefreshToken, newRefreshToken } from './tokens';

/** Where a sign-in request came from. */
export interface ClientInfo {
  address: string;
  requestId: string;
}

interface RefreshRow {
  token_id: string;
  used_at: Date | null;
  session_id: string;
  revoked_at: Date | null;
  expires_at: Date;
  user_id: string;
  organization_id: string;
  role: string;
  disabled_at: Date | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Signs a user in: checks the throttle, then the password, and opens a session. */
  async login(dto: LoginDto, client: ClientInfo): Promise<TokenResponse> {
    const email = dto.email.trim().toLowerCase();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await this.throttle.lock(manager, email, client.address);
      await this.throttle.assertAllowed(manager, email, client.address);
      const user = await this.users.findByEmail(email, manager);
      const ok = await verifyPassword(user?.passwordHash ?? null, dto.password);
      if (!user || !ok) {
        await this.throttle.recordFailure(manager, email, client.address);
        await this.audit.record(manager, { userId: null, organizationId: null, requestId: client.requestId }, {
          action: 'login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          changes: { email, address: client.address },
        });
        // Returned, not thrown, so the counted failure commits.
        return { error: new AppError('invalid_credentials') };
      }
      if (user.disabledAt !== null) return { error: new AppError('account_disabled') };
      await this.throttle.clearAccount(manager, email);
      const session = await manager.save(
        manager.create(AuthSession, {
          userId: user.id,
          expiresAt: new Date(Date.now() + this.config.jwtRefreshTtlSeconds * 1000),
          ipAddress: client.address.slice(0, 64),
        }),
      );
      await manager.update(User, { id: user.id }, { lastLoginAt: () => 'now()' });
      await this.audit.record(manager, { userId: user.id, organizationId: user.organizationId, requestId: client.requestId }, {
        action: 'login',
        entityType: 'auth_session',
        entityId: session.id,
        changes: { address: client.address },
      });
      return { tokens: await this.issueTokens(manager, { sub: user.id, sid: session.id, role: user.role, org: user.organizationId }) };
    });
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  /**
   * Trades a refresh token for a new pair. A token works once: presenting a used one again ends
   * its whole session, since one of the two presenters may be a thief. No token at all is refused
   * like an unknown one.
   */
  async refresh(refreshToken: string | null | undefined, client: ClientInfo): Promise<TokenResponse> {
    // Left out and sent as null alike: no token.
    if (typeof refreshToken !== 'string') throw new AppError('refresh_token_invalid');
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: RefreshRow[] = await manager.query(
        `SELECT t.id AS token_id, t.used_at, t.session_id, s.revoked_at, s.expires_at,
                u.id AS user_id, u.organization_id, u.role, u.disabled_at
           FROM refresh_tokens t
           JOIN auth_sessions s ON s.id = t.session_id
           JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
        [hashRefreshToken(refreshToken)],
      );
      const row = rows[0];
      if (!row) return { error: new AppError('refresh_token_invalid') };
      if (row.used_at !== null) {
        if (row.revoked_at === null) {
          await this.revokeSession(manager, row.session_id, 'refresh_token_reused');
          await this.audit.record(manager, { userId: row.user_id, organizationId: row.organization_id, requestId: client.requestId }, {
            action: 'session_revoked',
            entityType: 'auth_session',
            entityId: row.session_id,
            changes: { reason: 'refresh_token_reused', address: client.address },
          });
        }
        return { error: new AppError('refresh_token_reused') };
      }
      if (row.revoked_at !== null || row.expires_at <= new Date() || row.disabled_at !== null) {
        return { error: new AppError('refresh_token_invalid') };
      }
      await manager.update(RefreshToken, { id: row.token_id }, { usedAt: () => 'now()' });
      await manager.update(AuthSession, { id: row.session_id }, { expiresAt: new Date(Date.now() + this.config.jwtRefreshTtlSeconds * 1000) });
      return { tokens: await this.issueTokens(manager, { sub: row.user_id, sid: row.session_id, role: row.role, org: row.organization_id }) };
    });
    // The revocation above must commit even though the caller gets an error, hence no throw inside.
    if ('error' in outcome) throw outcome.error;
    return outcome.tokens;
  }

  /** An invited user chooses a password with their one-time token and is signed in. */
  async acceptInvitation(dto: AcceptInvitationDto, client: ClientInfo): Promise<TokenResponse> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string; email: string }> = await manager.query(
        `SELECT id, email FROM users
          WHERE invitation_token_hash = $1 AND invitation_expires_at > now() AND disabled_at IS NULL
          FOR UPDATE`,
        [hashRefreshToken(dto.token)],
      );
      if (rows.length === 0) throw new AppError('invitation_invalid');
      // The DTO cannot see the invited address; a password made of it is as guessable as a common one.
      if (isCommonPassword(dto.password, rows[0].email)) {
        throw AppError.field(
          'password',
          'commonPassword',
          'Password is too common and easy to guess; choose a longer phrase, e.g. three random words',
          'Kata sandi ini terlalu umum dan mudah ditebak; pilih frasa yang lebih panjang, misalnya tiga kata acak',
        );
      }
      const userId = rows[0].id;
      await manager.update(User, { id: userId }, { passwordHash, invitationTokenHash: null, invitationExpiresAt: null, version: () => 'version + 1' });
      const user = await manager.findOneOrFail(User, { where: { id: userId } });
      const session = await manager.save(
        manager.create(AuthSession, {
          userId,
          expiresAt: new Date(Date.now() + this.config.jwtRefreshTtlSeconds * 1000),
          ipAddress: client.address.slice(0, 64),
        }),
      );
      await this.audit.record(manager, { userId, organizationId: user.organizationId, requestId: client.requestId }, {
        action: 'invitation_accepted',
        entityType: 'user',
        entityId: userId,
        changes: { address: client.address },
      });
      return this.issueTokens(manager, { sub: userId, sid: session.id, role: user.role, org: user.organizationId });
    });
  }

  /** Ends the caller's session: its access and refresh tokens stop working at once. */
  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeSession(manager, actor.sessionId, 'logout');
      await this.audit.record(manager, actor, { action: 'logout', entityType: 'auth_session', entityId: actor.sessionId });
    });
  }

  /** The caller's profile, organisation and permissions. */
  async me(actor: Actor): Promise<MeResponse> {
    const user = await this.dataSource.manager.findOneOrFail(User, { where: { id: actor.userId } });
    return {
      user: UserResponse.from(user),
      // The same profile as GET /organizations/:id, with its region name and partner flag.
      organization: await this.organizations.get(user.organizationId),
      permissions: [...ROLE_PERMISSIONS[user.role]].sort(),
      locale: user.locale,
    };
  }

  /** Changes the caller's own preferences (the portal's language) and answers like me(). */
  async updateMe(actor: Actor, dto: UpdateMeDto): Promise<MeResponse> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(User, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      const diff = diffFields(current, { locale: dto.locale });
      if (Object.keys(diff).length === 0) return;
      // A preference, not shared data: no version, the last choice wins.
      await manager.update(User, { id: actor.userId }, { locale: dto.locale });
      await this.audit.record(manager, actor, { action: 'update', entityType: 'user', entityId: actor.userId, changes: diff });
    });
    return this.me(actor);
  }

  private async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
  }

  private async issueTokens(manager: EntityManager, payload: AccessTokenPayload): Promise<TokenResponse> {
    const refresh = newRefreshToken();
    await manager.insert(RefreshToken, { sessionId: payload.sid, tokenHash: refresh.hash });
    const accessToken = await this.jwt.signAsync(payload, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtAccessTtlSeconds,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.config.jwtAccessTtlSeconds,
      refreshToken: refresh.token,
      refreshExpiresIn: this.config.jwtRefreshTtlSeconds,
    };
  }
}
