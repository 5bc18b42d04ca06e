import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from '../audit-event.entity';

/** One audit line. */
export class AuditEventResponse {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: '2026-11-24T08:15:00.000Z' })
  occurredAt: string;

  @ApiProperty({ nullable: true, type: String, example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  actorUserId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000101' })
  actorOrganizationId: string | null;

  @ApiProperty({ example: 'update', description: 'create, update, state_change, login, logout, ...' })
  action: string;

  @ApiProperty({ example: 'user' })
  entityType: string;

  @ApiProperty({ nullable: true, type: String, example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: String, example: '5b0f2c1e-4a8e-4f57-9d1c-2f5e0b7c9a11' })
  requestId: string | null;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    example: { fullName: { from: 'Siti', to: 'Siti Rahmah' } },
    description: 'What the action changed; its shape depends on the action. Updates list each field as `{ from, to }`.',
  })
  changes: Record<string, unknown> | null;

  static from(this: void, e: AuditEvent): AuditEventResponse {
    return {
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      actorUserId: e.actorUserId,
      actorOrganizationId: e.actorOrganizationId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      requestId: e.requestId,
      changes: e.changes,
    };
  }
}
