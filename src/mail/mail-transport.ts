import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config/env';

/** One message as handed to the SMTP server. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Angle brackets included; the same on every attempt of one outbox row. */
  messageId: string;
  /** The List-Unsubscribe header's value, angle brackets included; null for security messages. */
  listUnsubscribe?: string | null;
  /** Used as the Date header: when the message was written, not when an attempt went out. */
  date: Date;
}

/** Hands messages to a mail server; a failed hand-over throws. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Provider token of the transport; its value is null when no SMTP server is configured. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** Sends through an SMTP server with nodemailer, one connection per batch of messages. */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(config: SmtpConfig) {
    this.transporter = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: !config.secure && config.requireTls,
      auth: config.user !== null && config.password !== null ? { user: config.user, pass: config.password } : undefined,
      // A server that hangs must not hold a worker's lease for long.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
      pool: true,
      maxConnections: 1,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: mail.date,
      headers: { 'Auto-Submitted': 'auto-generated', ...(mail.listUnsubscribe ? { 'List-Unsubscribe': mail.listUnsubscribe } : {}) },
    });
  }

  close(): void {
    this.transporter.close();
  }
}
