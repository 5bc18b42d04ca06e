import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES } from '../../common/errors/i18n';
import type { Lang } from '../../common/errors/i18n';
import { OUTBOX_STATUSES } from '../outbox-message.entity';
import type { OutboxMessage, OutboxStatus } from '../outbox-message.entity';
import { MAIL_KINDS } from '../templates';

/** One e-mail of the outbox, with what it says, for administrators. */
export class OutboxMessageResponse {
  @ApiProperty({ example: '6c1f4e2a-3b5d-4c7e-8f9a-0b1c2d3e4f5a' })
  id: string;

  @ApiProperty({ enum: MAIL_KINDS, example: 'password_reset' })
  kind: string;

  @ApiProperty({ enum: OUTBOX_STATUSES, example: 'kept', description: 'pending: waiting or to be retried; sent; kept: no SMTP server was configured, so it was logged and kept here instead; failed: given up after the last attempt.' })
  status: OutboxStatus;

  @ApiProperty({ example: 'kepsek@sdnpelambuan4.example' })
  to: string;

  @ApiProperty({ nullable: true, type: String, example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69', description: 'The user it was written for, if any.' })
  userId: string | null;

  @ApiProperty({ enum: LANGUAGES, example: 'id', description: "The recipient's language." })
  locale: Lang;

  @ApiProperty({ example: 'Atur ulang kata sandi Jalin Anda' })
  subject: string;

  @ApiProperty({
    example:
      'Yth. Hj. Siti Rahmah, S.Pd.,\n\nSeseorang, kemungkinan Anda sendiri, meminta pengaturan ulang kata sandi akun Jalin Anda.\n\nPilih kata sandi baru:\nhttps://jalin.example.org/password-reset?token=Xq3N6b0xHc1ZqT2x3b1pUQ0c0cW5xZ0tQWmVhN1dGdXA\n',
    description: 'The plain-text part, as sent (an HTML alternative with the same words is sent beside it). Holds the links, so a kept message can be passed on by hand.',
  })
  text: string;

  @ApiProperty({ example: '<6c1f4e2a-3b5d-4c7e-8f9a-0b1c2d3e4f5a@jalin.example>', description: 'The Message-ID header: the same on every attempt.' })
  messageId: string;

  @ApiProperty({ nullable: true, type: String, example: 'user', description: 'The kind of record it is about.' })
  entityType: string | null;

  @ApiProperty({ nullable: true, type: String, example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  entityId: string | null;

  @ApiProperty({ example: 0, description: 'Sending attempts so far.' })
  attempts: number;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'While pending: when it is tried next.' })
  nextAttemptAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: "The mail server's answer to the last failed attempt." })
  lastError: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  sentAt: string | null;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  createdAt: string;

  static from(this: void, m: OutboxMessage): OutboxMessageResponse {
    return {
      id: m.id,
      kind: m.kind,
      status: m.status,
      to: m.toAddress,
      userId: m.userId,
      locale: m.locale,
      subject: m.subject,
      text: m.textBody,
      messageId: m.messageId,
      entityType: m.entityType,
      entityId: m.entityId,
      attempts: m.attempts,
      nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
      lastError: m.lastError,
      sentAt: m.sentAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
    };
  }
}
