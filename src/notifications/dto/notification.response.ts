import { ApiProperty } from '@nestjs/swagger';
import type { Notification } from '../notification.entity';

/** One in-app notice for the signed-in user. */
export class NotificationResponse {
  @ApiProperty({ example: '8e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b' })
  id: string;

  @ApiProperty({ example: 'mou_expiring', description: 'mou_expiring (90, 30 and 7 days before an MoU expires) or mou_expired.' })
  kind: string;

  @ApiProperty({ example: 'MoU 005/TU-CSR/MOU/III/2024 expires in 90 days' })
  title: string;

  @ApiProperty({ example: 'MoU 005/TU-CSR/MOU/III/2024 "Generasi Trakindo" with SDN Pelambuan 4 Banjarmasin is in force until 2027-02-28 (90 day(s) left). Prepare its renewal in time. — MoU 005/TU-CSR/MOU/III/2024 dengan SDN Pelambuan 4 Banjarmasin berlaku sampai 2027-02-28 (sisa 90 hari). Siapkan perpanjangannya tepat waktu.' })
  body: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { number: '005/TU-CSR/MOU/III/2024', title: 'Generasi Trakindo', schoolName: 'SDN Pelambuan 4 Banjarmasin', expiryDate: '2027-02-28', daysLeft: 90 },
    description:
      'The values the notice is made of, so a client can word it in its reader\'s language. mou_expiring: number, title, schoolName, expiryDate, daysLeft; ' +
      'mou_expired: number, title, schoolName, expiryDate; action_overdue: description, schoolName, facilitatorName, dueDate. Empty for older notices.',
  })
  params: Record<string, string | number>;

  @ApiProperty({ nullable: true, type: String, example: 'mou', description: 'The kind of record it is about.' })
  entityType: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000905' })
  entityId: string | null;

  @ApiProperty({ example: false })
  read: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  readAt: string | null;

  @ApiProperty({ example: '2026-11-30T00:15:00.000Z' })
  createdAt: string;

  static from(this: void, n: Notification): NotificationResponse {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      params: n.params ?? {},
      entityType: n.entityType,
      entityId: n.entityId,
      read: n.readAt !== null,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    };
  }
}

/** How many of the caller's notifications wait to be read. */
export class UnreadCountResponse {
  @ApiProperty({ example: 3 })
  unread: number;
}

/** How many notifications a "mark all read" changed. */
export class MarkedReadResponse {
  @ApiProperty({ example: 3 })
  marked: number;
}
