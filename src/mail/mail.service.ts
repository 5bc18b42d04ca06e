import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { Lang } from '../common/errors/i18n';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { APP_CONFIG, AppConfig } from '../config/env';
import type { Role } from '../users/role';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxMessageResponse } from './dto/outbox-message.response';
import type { MailDelivery } from './mail-preference.entity';
import { MailPreferencesRepository } from './mail-preferences.repository';
import type { NewDigestItem } from './mail-preferences.repository';
import { OutboxRepository } from './outbox.repository';
import type { NewOutboxMessage } from './outbox.repository';
import { MAIL_TEMPLATES, MailKind, MailParams } from './templates';
import { CATEGORY_NAMES, withUnsubscribe } from './templates/layout';
import type { RenderedMail } from './templates/layout';
import { UnsubscribeTokens } from './unsubscribe-token';
import type { UnsubscribeScope } from './unsubscribe-token';

/** Who a message goes to: the address, and the user (for their language) when there is one. */
export interface MailRecipient {
  userId: string | null;
  email: string;
  locale: Lang;
}

/** One message to write: its kind and values, and the record it is about. */
export interface MailRequest<K extends MailKind> {
  kind: K;
  params: MailParams[K];
  entityType?: string;
  entityId?: string;
  /** At most one message per key is ever written; leave out for messages that may repeat. */
  dedupeKey?: string;
}

/**
 * The one way to send e-mail: renders a message in the recipient's language and writes it to the
 * outbox through the caller's transaction, so it is sent if and only if the change it tells of
 * commits. The outbox worker sends it afterwards.
 */
@Injectable()
export class MailService {
  private readonly tokens: UnsubscribeTokens;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly preferences: MailPreferencesRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tokens = new UnsubscribeTokens(config.jwtSecret);
  }

  /** Renders a message of `kind` in one language, as it would be sent. */
  render<K extends MailKind>(kind: K, params: MailParams[K], lang: Lang): RenderedMail {
    return MAIL_TEMPLATES[kind].render(params, { lang, portalBaseUrl: this.config.mail.portalBaseUrl });
  }

  /** Writes one message to one recipient through `manager`; returns 1, or 0 when its dedupe key was already used. */
  enqueue<K extends MailKind>(manager: EntityManager, to: MailRecipient, request: MailRequest<K>): Promise<number> {
    return this.enqueueAll(manager, [to], request, (r) => r.dedupeKey);
  }

  /**
   * Writes the same kind of message to each enabled user of `userIds`, each in their own language,
   * once per user and dedupe key (the key is made per user). Returns how many were written.
   */
  async enqueueForUsers<K extends MailKind>(manager: EntityManager, userIds: readonly string[], request: MailRequest<K>): Promise<number> {
    if (userIds.length === 0) return 0;
    const users = (await manager.query(`SELECT id, email, locale FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY id`, [userIds])) as Array<{
      id: string;
      email: string;
      locale: Lang;
    }>;
    return this.enqueueAll(
      manager,
      users.map((u) => ({ userId: u.id, email: u.email, locale: u.locale })),
      request,
      (r, to) => (r.dedupeKey ? `${r.dedupeKey}:${to.userId ?? to.email}` : undefined),
    );
  }

  /**
   * The enabled users of the given organisations who hold one of `roles`, by id: the recipients of
   * a message to e.g. "the school's principals" or "the company's CSR officers".
   */
  async organizationUsers(manager: EntityManager, organizationIds: readonly string[], roles: readonly Role[]): Promise<string[]> {
    if (organizationIds.length === 0) return [];
    const rows = (await manager.query(
      `SELECT id FROM users WHERE organization_id = ANY($1::uuid[]) AND role = ANY($2::varchar[]) AND disabled_at IS NULL ORDER BY id`,
      [organizationIds, roles],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** A user's full name, as messages name who acted. */
  async fullNameOf(manager: EntityManager, userId: string): Promise<string> {
    const rows = (await manager.query(`SELECT full_name FROM users WHERE id = $1`, [userId])) as Array<{ full_name: string }>;
    return rows[0]?.full_name ?? '';
  }

  /** A page of the outbox, newest first: what was sent, is waiting, was kept (no SMTP server) or failed. */
  async listOutbox(query: ListOutboxQuery): Promise<Page<OutboxMessageResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.outbox.listPage({ status: query.status, kind: query.kind, after }, limit);
    return toPage(rows, limit, (m) => [m.cursorCreatedAt, m.id], OutboxMessageResponse.from);
  }

  /** The link that turns `scope` off for the user without signing in (the portal's /unsubscribe page). */
  unsubscribeUrl(userId: string, scope: UnsubscribeScope): string {
    return `${this.config.mail.portalBaseUrl}/unsubscribe?token=${encodeURIComponent(this.tokens.sign(userId, scope))}`;
  }

  /**
   * Writes one message per recipient, each as the recipient chose for the message's category:
   * to the outbox (immediately, with an unsubscribe link and header), kept for the daily digest, or
   * not at all (off). Security messages, and recipients who are not users, always go to the outbox.
   */
  private async enqueueAll<K extends MailKind>(
    manager: EntityManager,
    recipients: readonly MailRecipient[],
    request: MailRequest<K>,
    keyOf: (r: MailRequest<K>, to: MailRecipient) => string | undefined,
  ): Promise<number> {
    const now = this.clock.now();
    const category = MAIL_TEMPLATES[request.kind].category;
    const choosable = category !== 'security' && category !== 'digest';
    const deliveries = choosable ? await this.preferences.deliveriesOf(manager, recipients.flatMap((r) => (r.userId ? [r.userId] : [])), category) : new Map<string, MailDelivery>();
    const messages: NewOutboxMessage[] = [];
    const kept: NewDigestItem[] = [];
    for (const to of recipients) {
      const delivery = (to.userId && deliveries.get(to.userId)) || 'immediately';
      if (delivery === 'off') continue;
      const id = randomUUID();
      let mail = this.render(request.kind, request.params, to.locale);
      const dedupeKey = keyOf(request, to) ?? null;
      if (delivery === 'digest' && to.userId) {
        kept.push({ id, userId: to.userId, kind: request.kind, category, locale: to.locale, subject: mail.subject, url: mail.url, entityType: request.entityType ?? null, entityId: request.entityId ?? null, dedupeKey });
        continue;
      }
      let listUnsubscribe: string | null = null;
      if (to.userId && category !== 'security') {
        const url = this.unsubscribeUrl(to.userId, category);
        mail = withUnsubscribe(mail, url, CATEGORY_NAMES[category][to.locale], to.locale);
        listUnsubscribe = `<${url}>`;
      }
      messages.push({
        id,
        kind: request.kind,
        userId: to.userId,
        toAddress: to.email,
        locale: to.locale,
        subject: mail.subject.slice(0, 300),
        textBody: mail.text,
        htmlBody: mail.html,
        messageId: `<${id}@${this.config.mail.messageIdDomain}>`,
        listUnsubscribe,
        entityType: request.entityType ?? null,
        entityId: request.entityId ?? null,
        dedupeKey,
        nextAttemptAt: now,
      });
    }
    return (await this.outbox.insert(manager, messages)) + (await this.preferences.insertItems(manager, kept));
  }
}
