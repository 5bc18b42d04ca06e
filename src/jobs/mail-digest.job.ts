import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Lang } from '../common/errors/i18n';
import { MailService } from '../mail/mail.service';
import { MailPreferencesRepository } from '../mail/mail-preferences.repository';

/** What one run of the digest job did. */
export interface MailDigestRun {
  today: string;
  /** Users with items waiting when the run began. */
  usersWaiting: number;
  /** Digest messages written by this run. */
  digestsWritten: number;
  /** Items listed in them. */
  itemsListed: number;
}

/**
 * The daily digest: for every user with messages kept for their digest (categories set to
 * `digest`), one e-mail listing them, written to the outbox like any other message.
 *
 * Safe with any number of replicas: each user's digest of a day is claimed by inserting its
 * `mail_digests` row (primary key user and day) in the transaction that takes the items and writes
 * the message, so two runs at once, or a second run the same day, write one digest per user and
 * day. Items kept after a user's digest of the day wait for the next day's.
 */
@Injectable()
export class MailDigestJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: MailPreferencesRepository,
    private readonly mail: MailService,
  ) {}

  /** Writes the digests of `today` (YYYY-MM-DD, UTC) still to write. */
  async run(today: string): Promise<{ ran: boolean } & MailDigestRun> {
    const users = await this.preferences.usersWaiting();
    let digestsWritten = 0;
    let itemsListed = 0;
    for (const userId of users) {
      const listed = await this.dataSource.transaction(async (manager) => {
        if (!(await this.preferences.claimDigest(userId, today, manager))) return 0;
        const items = await this.preferences.takeWaiting(userId, today, manager);
        const [user] = (await manager.query(`SELECT email, locale, disabled_at FROM users WHERE id = $1`, [userId])) as Array<{ email: string; locale: Lang; disabled_at: Date | null }>;
        const dedupeKey = `daily_digest:${userId}:${today}`;
        if (items.length > 0 && user && user.disabled_at === null) {
          await this.mail.enqueue(
            manager,
            { userId, email: user.email, locale: user.locale },
            { kind: 'daily_digest', params: { day: today, items: items.map((i) => ({ subject: i.subject, url: i.url })) }, dedupeKey },
          );
        }
        await this.preferences.finishDigest(userId, today, dedupeKey, items.length, manager);
        return items.length;
      });
      if (listed > 0) digestsWritten += 1;
      itemsListed += listed;
    }
    return { ran: digestsWritten > 0, today, usersWaiting: users.length, digestsWritten, itemsListed };
  }
}
