import { ApiProperty } from '@nestjs/swagger';
import type { HistoryRow } from '../partner-requests.repository';

/** Who did a step of a request's history. */
export class EventActorResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  userId: string;

  @ApiProperty({ nullable: true, type: String, example: 'Drs. Ahmad Yani (Dinas Pendidikan Kota Banjarmasin)' })
  fullName: string | null;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000301' })
  organizationId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Dinas Pendidikan Kota Banjarmasin' })
  organizationName: string | null;
}

/** One step of a request's history, from the audit log. */
export class PartnerRequestEventResponse {
  @ApiProperty({ example: '1042' })
  id: string;

  @ApiProperty({ example: '2012-02-20T02:00:00.000Z' })
  occurredAt: string;

  @ApiProperty({ example: 'create', description: 'create or state_change' })
  action: string;

  @ApiProperty({ enum: ['partner_request', 'partner_recommendation'], example: 'partner_recommendation' })
  entityType: string;

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000701' })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: EventActorResponse })
  actor: EventActorResponse | null;

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'What the event recorded; its shape depends on the action (a recommendation names the school, its rank and rationale).',
    example: { schoolId: '00000000-0000-4000-8000-000000000201', schoolName: 'SDN Pelambuan 4 Banjarmasin', rank: 1, rationale: 'Committed principal and teachers.' },
  })
  changes: Record<string, unknown> | null;

  static from(this: void, e: HistoryRow): PartnerRequestEventResponse {
    return {
      id: e.id,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actorUserId === null ? null : { userId: e.actorUserId, fullName: e.actorName, organizationId: e.actorOrganizationId, organizationName: e.actorOrganizationName },
      changes: e.changes,
    };
  }
}

/** A request's history, oldest first. */
export class PartnerRequestHistoryResponse {
  @ApiProperty({ type: [PartnerRequestEventResponse] })
  items: PartnerRequestEventResponse[];
}
