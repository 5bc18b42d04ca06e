import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppLogger } from '../common/logging/logger';
import { APP_CONFIG } from '../config/env';
import type { AppConfig } from '../config/env';
import { schedulerEnabled } from '../jobs/daily-job-timer';
import { MAIL_TRANSPORT } from './mail-transport';
import type { MailTransport } from './mail-transport';
import { OutboxRepository } from './outbox.repository';

/** Messages one worker claims at a time. */
export const OUTBOX_BATCH_SIZE = 10;
/** How long a claim holds: past it, another worker may take the message again (this one is taken to have died). */
export const OUTBOX_LEASE_MS = 10 * 60 * 1000;
/** The wait after the first failed attempt; it doubles with each further failure, up to OUTBOX_MAX_BACKOFF_MS. */
export const OUTBOX_FIRST_BACKOFF_MS = 60 * 1000;
export const OUTBOX_MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;
/** Batches one tick works through at most before it leaves the rest to the next tick. */
const MAX_BATCHES_PER_TICK = 20;

/** The wait before the next attempt of a message that failed its `attempts`-th attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(OUTBOX_FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), OUTBOX_MAX_BACKOFF_MS);
}

/** What one pass of the worker did. */
export interface OutboxPass {
  sent: number;
  failed: number;
  kept: number;
}

/**
 * Sends the outbox. Every replica runs one on a timer (JOBS_ENABLED, never under NODE_ENV=test);
 * they share the work through the claim in `OutboxRepository.claimDue`, so a message goes to one
 * worker at a time. Sending and marking sent are two steps: a worker that dies between them leaves
 * the message claimed until its lease ends, and it is sent again with the same Message-ID
 * (at-least-once; receiving servers and clients drop the duplicate by that id).
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    private readonly clock: Clock,
    private readonly logger: AppLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.transport === null && this.config.nodeEnv !== 'test') {
      this.logger.warn({ msg: 'SMTP_HOST is not set: e-mails are kept in the outbox, logged and listed at GET /api/v1/admin/outbox instead of being sent' });
    }
    if (schedulerEnabled(this.config)) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
    this.transport?.close();
  }

  /** Starts this replica's timer (the tests start it by hand, since NODE_ENV=test turns it off). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => void this.tick(), this.config.mail.workerIntervalMs).unref();
  }

  /** Stops the timer; a pass under way finishes. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** One timer tick: passes until the outbox has nothing due (or a bounded number of batches). A tick still running is not doubled. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        for (let i = 0; i < MAX_BATCHES_PER_TICK; i++) {
          const pass = await this.runOnce();
          if (pass.sent + pass.failed + pass.kept < OUTBOX_BATCH_SIZE) break;
        }
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        this.logger.error({ msg: 'outbox pass failed; it is tried again at the next tick', error: e.message }, e.stack);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Claims one batch of due messages and sends them (or, with no SMTP server, keeps and logs them). */
  async runOnce(): Promise<OutboxPass> {
    const now = this.clock.now();
    if (this.transport === null) {
      const kept = await this.outbox.keepDue(now, OUTBOX_BATCH_SIZE);
      for (const m of kept) {
        this.logger.info({ msg: 'e-mail kept, not sent: no SMTP server is configured', outboxId: m.id, kind: m.kind, to: m.to_address, subject: m.subject, body: m.text_body });
      }
      return { sent: 0, failed: 0, kept: kept.length };
    }
    const claimed = await this.outbox.claimDue(now, new Date(now.getTime() + OUTBOX_LEASE_MS), OUTBOX_BATCH_SIZE);
    const pass: OutboxPass = { sent: 0, failed: 0, kept: 0 };
    for (const m of claimed) {
      try {
        await this.transport.send({
          from: this.config.mail.from,
          to: m.to_address,
          subject: m.subject,
          text: m.text_body,
          html: m.html_body,
          messageId: m.message_id,
          listUnsubscribe: m.list_unsubscribe,
          date: m.created_at,
        });
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const status = await this.outbox.markFailed(m.id, error, new Date(this.clock.now().getTime() + backoffMs(m.attempts)), this.config.mail.maxAttempts);
        pass.failed += 1;
        const line = { msg: status === 'failed' ? 'e-mail given up after its last attempt' : 'e-mail not sent; it is tried again later', outboxId: m.id, kind: m.kind, attempts: m.attempts, error };
        if (status === 'failed') this.logger.error(line);
        else this.logger.warn(line);
        continue;
      }
      await this.outbox.markSent(m.id, this.clock.now());
      pass.sent += 1;
    }
    return pass;
  }
}
