import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { MailPreferencesResponse, UnsubscribeResponse, UpdateMailPreferencesDto } from './dto/mail-preferences.dto';
import type { MailDelivery } from './mail-preference.entity';
import { MailPreferencesRepository } from './mail-preferences.repository';
import { CHOOSABLE_MAIL_CATEGORIES } from './templates/layout';
import type { ChoosableMailCategory } from './templates/layout';
import { UnsubscribeTokens } from './unsubscribe-token';

/** "kartini@sekolah.example" as "k******@sekolah.example": enough to recognise one's own address. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}${'*'.repeat(Math.max(3, at - 1))}${email.slice(at)}`;
}

const invalidLink = () =>
  AppError.refused(
    'token',
    'unsubscribe_link_invalid',
    'this unsubscribe link is not valid (incomplete, mistyped or changed); open the link from the e-mail again, or sign in and change your e-mail preferences',
    'tautan berhenti berlangganan ini tidak sah (tidak lengkap, salah ketik, atau diubah); buka lagi tautan dari email, atau masuk dan ubah preferensi email Anda',
  );

/** Each user's e-mail choices per category, and the unsubscribe links that work without signing in. */
@Injectable()
export class MailPreferencesService {
  private readonly tokens: UnsubscribeTokens;

  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: MailPreferencesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokens = new UnsubscribeTokens(config.jwtSecret);
  }

  /** The caller's choices; a category never chosen is `immediately`. */
  async get(actor: Actor): Promise<MailPreferencesResponse> {
    return this.response(await this.preferences.ofUser(actor.userId));
  }

  /** Changes the categories named in `dto`, audited; answers like get(). */
  async update(actor: Actor, dto: UpdateMailPreferencesDto): Promise<MailPreferencesResponse> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.preferences.ofUser(actor.userId, manager);
      const changes: Record<string, { from: MailDelivery; to: MailDelivery }> = {};
      for (const category of CHOOSABLE_MAIL_CATEGORIES) {
        const to = dto[category];
        if (to === undefined) continue;
        const from = before.get(category) ?? 'immediately';
        if (from !== to) changes[category] = { from, to };
        await this.preferences.set(actor.userId, category, to, manager);
      }
      if (Object.keys(changes).length > 0) await this.audit.record(manager, actor, { action: 'update', entityType: 'mail_preferences', entityId: actor.userId, changes });
      return this.response(await this.preferences.ofUser(actor.userId, manager));
    });
  }

  /** What an unsubscribe link would turn off, without changing anything. */
  async preview(token: string): Promise<UnsubscribeResponse> {
    return this.dataSource.transaction((manager) => this.unsubscribe(token, false, manager));
  }

  /** Turns off what an unsubscribe link names (no sign-in: the signed token is the proof); audited as the user's own change. */
  async confirm(token: string, requestId: string): Promise<UnsubscribeResponse> {
    return this.dataSource.transaction((manager) => this.unsubscribe(token, true, manager, requestId));
  }

  private async unsubscribe(token: string, apply: boolean, manager: EntityManager, requestId = ''): Promise<UnsubscribeResponse> {
    const read = this.tokens.read(token);
    if (!read) throw invalidLink();
    if (read.scope === 'security') {
      throw AppError.refused(
        'token',
        'security_mail_required',
        'invitations and password resets are security messages and cannot be turned off',
        'undangan dan pengaturan ulang kata sandi adalah pesan keamanan dan tidak dapat dimatikan',
      );
    }
    const users = (await manager.query(`SELECT email, organization_id FROM users WHERE id = $1`, [read.userId])) as Array<{ email: string; organization_id: string }>;
    if (users.length === 0) throw invalidLink();
    const current = await this.preferences.ofUser(read.userId, manager);
    const categories: ChoosableMailCategory[] =
      read.scope === 'digest' ? CHOOSABLE_MAIL_CATEGORIES.filter((c) => current.get(c) === 'digest') : [read.scope];
    if (apply) {
      const changes: Record<string, { from: MailDelivery; to: MailDelivery }> = {};
      for (const c of categories) {
        changes[c] = { from: current.get(c) ?? 'immediately', to: 'off' };
        await this.preferences.set(read.userId, c, 'off', manager);
      }
      if (categories.length > 0) {
        await this.audit.record(manager, { userId: read.userId, organizationId: users[0].organization_id, requestId }, { action: 'update', entityType: 'mail_preferences', entityId: read.userId, changes: { ...changes, via: 'unsubscribe_link' } });
      }
    }
    return { scope: read.scope, categories, email: maskEmail(users[0].email), done: apply };
  }

  private response(chosen: Map<string, MailDelivery>): MailPreferencesResponse {
    const of = (c: ChoosableMailCategory) => chosen.get(c) ?? 'immediately';
    return { plans: of('plans'), money: of('money'), mentoring: of('mentoring'), mous: of('mous'), competitions: of('competitions'), security: 'immediately' };
  }
}
