import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { Lang } from '../common/errors/i18n';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { APP_CONFIG, AppConfig } from '../config/env';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxMessageResponse } from './dto/outbox-message.response';
import { OutboxRepository } from './outbox.repository';
import { MAIL_TEMPLATES, MailKind, MailParams } from './templates';
import type { RenderedMail } from './templates/layout';

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
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /** A page of the outbox, newest first: what was sent, is waiting, was kept (no SMTP server) or failed. */
  async listOutbox(query: ListOutboxQuery): Promise<Page<OutboxMessageResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']) as [string, string] | null;
    const rows = await this.outbox.listPage({ status: query.status, kind: query.kind, after }, limit);
    return toPage(rows, limit, (m) => [m.cursorCreatedAt, m.id], OutboxMessageResponse.from);
  }

  private enqueueAll<K extends MailKind>(
    manager: EntityManager,
    recipients: readonly MailRecipient[],
    request: MailRequest<K>,
    keyOf: (r: MailRequest<K>, to: MailRecipient) => string | undefined,
  ): Promise<number> {
    const now = this.clock.now();
    return this.outbox.insert(
      manager,
      recipients.map((to) => {
        const id = randomUUID();
        const mail = this.render(request.kind, request.params, to.locale);
        return {
          id,
          kind: request.kind,
          userId: to.userId,
          toAddress: to.email,
          locale: to.locale,
          subject: mail.subject.slice(0, 300),
          textBody: mail.text,
          htmlBody: mail.html,
          messageId: `<${id}@${this.config.mail.messageIdDomain}>`,
          entityType: request.entityType ?? null,
          entityId: request.entityId ?? null,
          dedupeKey: keyOf(request, to) ?? null,
          nextAttemptAt: now,
        };
      }),
    );
  }
}
