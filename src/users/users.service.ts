import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, diffFields } from '../audit/audit.service';
import { AuthSession } from '../auth/auth-session.entity';
import { hashPassword } from '../auth/passwords';
import { newRefreshToken } from '../auth/tokens';
import { Actor, isAdmin } from '../common/auth/actor';
import { isUniqueViolation, updateIfVersion } from '../common/database/optimistic';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/clock';
import { MailService } from '../mail/mail.service';
import { DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import { Organization } from '../organizations/organization.entity';
import type { OrganizationType } from '../organizations/organization-type';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { CreatedUserResponse, UserResponse } from './dto/user.response';
import type { Role } from './role';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { organizationTypeName, roleName } from '../common/errors/names';

/** How long an invitation can be accepted. */
export const INVITATION_TTL_DAYS = 7;

/** The organisation type each role belongs to; judges and admins may come from any organisation. */
const ROLE_ORGANIZATION: Partial<Record<Role, OrganizationType>> = {
  csr_officer: 'company',
  principal: 'school',
  education_officer: 'education_office',
  facilitator: 'facilitator',
};

function checkRoleFits(role: Role, orgType: OrganizationType): void {
  const needed = ROLE_ORGANIZATION[role];
  if (needed && needed !== orgType) {
    throw AppError.refused(
      'role',
      'role_does_not_fit_organization',
      `the role ${roleName(role, 'en')} belongs to a ${organizationTypeName(needed, 'en')}, but this organisation is a ${organizationTypeName(orgType, 'en')}; pick another role or organisation`,
      `peran ${roleName(role, 'id')} hanya untuk ${organizationTypeName(needed, 'id')}, sedangkan organisasi ini ${organizationTypeName(orgType, 'id')}; pilih peran atau organisasi lain`,
    );
  }
}

/**
 * The answer when an email is already registered. Admins, and managers whose own organisation
 * holds the address, get the 409 naming it; anyone else gets a refusal that does not say why, so
 * creating users cannot be used to learn who else is registered on the platform.
 */
function emailInUse(actor: Actor, existing: Pick<User, 'organizationId'> | null, email: string): AppError {
  if (isAdmin(actor) || existing === null || existing.organizationId === actor.organizationId) return new AppError('email_taken', { email });
  return AppError.refused(
    'email',
    'email_unavailable',
    'this email address cannot be used for a new user; use another address, or ask an administrator',
    'alamat email ini tidak dapat dipakai untuk pengguna baru; gunakan alamat lain, atau minta bantuan administrator',
  );
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a user. Admins may set a password or invite, in any organisation; CSR officers,
   * principals and education officers only invite, into their own organisation.
   */
  async create(actor: Actor, dto: CreateUserDto): Promise<CreatedUserResponse> {
    const admin = isAdmin(actor);
    if (!admin) {
      if (dto.organizationId !== actor.organizationId) {
        throw AppError.refused('organizationId', 'own_organization_only', 'you can only invite users into your own organisation', 'Anda hanya dapat mengundang pengguna ke organisasi Anda sendiri');
      }
      if (dto.role === 'admin') throw AppError.refused('role', 'admin_only', 'only an administrator can create administrators', 'hanya administrator yang dapat membuat administrator');
      if (dto.password !== undefined) {
        throw AppError.refused('password', 'invite_only', 'leave password out: the invited user chooses their own', 'kosongkan password: pengguna yang diundang memilih sendiri kata sandinya');
      }
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    const invitation = passwordHash === null ? newRefreshToken() : null;
    const invitationExpiresAt = invitation ? new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000) : null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const org = await manager.findOne(Organization, { where: { id: dto.organizationId } });
        if (!org) {
          throw AppError.field('organizationId', 'unknown_organization', 'organizationId names no organisation; pick one from GET /api/v1/organizations', 'organizationId tidak menunjuk organisasi mana pun; pilih dari GET /api/v1/organizations');
        }
        checkRoleFits(dto.role, org.type);
        const existing = await this.users.findByEmail(dto.email, manager);
        if (existing) throw emailInUse(actor, existing, dto.email);
        const user = await manager.save(
          manager.create(User, {
            organizationId: org.id,
            email: dto.email,
            fullName: dto.fullName.trim(),
            role: dto.role,
            passwordHash,
            invitationTokenHash: invitation?.hash ?? null,
            invitationExpiresAt,
            invitedByUserId: invitation ? actor.userId : null,
          }),
        );
        if (invitation && invitationExpiresAt) {
          // Written with the user, so the invitation mail goes out if and only if the user exists.
          const inviter = await manager.findOneOrFail(User, { where: { id: actor.userId } });
          await this.mail.enqueue(
            manager,
            { userId: user.id, email: user.email, locale: user.locale ?? 'id' },
            {
              kind: 'invitation',
              params: { fullName: user.fullName, inviterName: inviter.fullName, organizationName: org.name, role: user.role, token: invitation.token, expiresAt: invitationExpiresAt.toISOString() },
              entityType: 'user',
              entityId: user.id,
            },
          );
        }
        await this.audit.record(manager, actor, {
          action: invitation ? 'invite' : 'create',
          entityType: 'user',
          entityId: user.id,
          changes: { organizationId: org.id, email: user.email, fullName: user.fullName, role: user.role },
        });
        return {
          ...UserResponse.from(user),
          invitation: invitation && invitationExpiresAt ? { token: invitation.token, expiresAt: invitationExpiresAt.toISOString() } : null,
        };
      });
    } catch (err) {
      if (isUniqueViolation(err, 'users_email_key')) throw emailInUse(actor, await this.users.findByEmail(dto.email), dto.email);
      throw err;
    }
  }

  /** Lists the users the caller may see. */
  async list(actor: Actor, query: ListUsersQuery): Promise<Page<UserResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.users.listPage(actor, query, limit);
    return toPage(rows, limit, (u) => [u.email, u.id], UserResponse.from);
  }

  /** One user the caller may see. */
  async get(actor: Actor, id: string): Promise<UserResponse> {
    const user = await this.users.findVisible(actor, id);
    if (!user) throw AppError.notFound('user', id);
    return UserResponse.from(user);
  }

  /**
   * Changes, disables or re-enables a user; disabling or a new password ends their sessions.
   * Admins change anyone; organisation managers the users of their own organisation (name, role
   * and enabled state, never a password or the admin role).
   */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    if (!isAdmin(actor)) {
      if (dto.password !== undefined) {
        throw AppError.refused('password', 'admin_only', "only an administrator can set another user's password", 'hanya administrator yang dapat mengatur kata sandi pengguna lain');
      }
      if (dto.role === 'admin') throw AppError.refused('role', 'admin_only', 'only an administrator can make administrators', 'hanya administrator yang dapat menjadikan administrator');
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.users.findVisible(actor, id, manager);
      if (!current) throw AppError.notFound('user', id);
      if (current.role === 'admin' && !isAdmin(actor)) {
        // Visible in the organisation's list, but only administrators manage administrators.
        throw new AppError('forbidden', { role: actor.role, actionEn: 'change or disable an administrator', actionId: 'mengubah atau menonaktifkan administrator' });
      }
      if (dto.role) {
        const org = await manager.findOneOrFail(Organization, { where: { id: current.organizationId } });
        checkRoleFits(dto.role, org.type);
      }
      if (dto.disabled === true && current.id === actor.userId) {
        throw AppError.refused('disabled', 'cannot_disable_self', 'you cannot disable your own account; ask another admin', 'Anda tidak dapat menonaktifkan akun sendiri; minta admin lain');
      }
      const changes: Partial<User> = {};
      if (dto.fullName !== undefined) changes.fullName = dto.fullName.trim();
      if (dto.role !== undefined) changes.role = dto.role;
      if (dto.disabled !== undefined) changes.disabledAt = dto.disabled ? (current.disabledAt ?? new Date()) : null;
      if (passwordHash) Object.assign(changes, { passwordHash, invitationTokenHash: null, invitationExpiresAt: null });
      const diff = diffFields(current, changes);
      if (diff.passwordHash) diff.passwordHash = { from: '[hidden]', to: '[changed]' };
      delete diff.invitationTokenHash;
      if (!(await updateIfVersion(manager, User, id, dto.version, changes))) {
        throw new AppError('stale_version', { sent: dto.version, current: current.version });
      }
      if (dto.disabled === true || passwordHash) await this.endSessions(manager, id, dto.disabled ? 'user_disabled' : 'password_changed');
      if (passwordHash && current.id !== actor.userId) {
        const by = await manager.findOneOrFail(User, { where: { id: actor.userId } });
        await this.mail.enqueueForUsers(manager, [id], {
          kind: 'password_changed',
          params: { fullName: changes.fullName ?? current.fullName, changedAt: this.clock.now().toISOString(), changedBy: by.fullName },
          entityType: 'user',
          entityId: id,
        });
      }
      await this.audit.record(manager, actor, {
        action: dto.disabled !== undefined && diff.disabledAt ? 'state_change' : 'update',
        entityType: 'user',
        entityId: id,
        changes: diff,
      });
      return UserResponse.from((await this.users.findVisible(actor, id, manager)) as User);
    });
  }

  private async endSessions(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }
}
