import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor } from '../common/auth/actor';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, toPage } from '../common/pagination/pagination';
import { AuditEvent } from './audit-event.entity';
import { AuditEventResponse } from './dto/audit-event.response';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';

/** What one audit line records. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  changes?: Record<string, unknown> | null;
}

/** Who did it: a signed-in actor, or a user identified at sign-in. */
export interface AuditActor {
  userId: string | null;
  organizationId: string | null;
  requestId: string | null;
}

/** Field-by-field difference of two snapshots, for the audit log's `changes`. */
export function diffFields<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) out[String(key)] = { from, to };
  }
  return out;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one audit line through `manager`, so it commits or rolls back with the change it records. */
  async record(manager: EntityManager, actor: Actor | AuditActor, entry: AuditEntry): Promise<void> {
    await this.recordAll(manager, actor, [entry]);
  }

  /** Appends several audit lines by one actor in one statement, in the order given. */
  async recordAll(manager: EntityManager, actor: Actor | AuditActor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      AuditEvent,
      entries.map(
        (entry) =>
          <QueryDeepPartialEntity<AuditEvent>>{
            actorUserId: actor.userId,
            actorOrganizationId: 'organizationId' in actor ? actor.organizationId : null,
            requestId: actor.requestId,
            action: entry.action,
            entityType: entry.entityType,
            entityId: entry.entityId,
            changes: entry.changes ?? null,
          },
      ),
    );
  }

  /** Lists audit lines, newest first, filtered by entity, actor and time. */
  async list(query: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, ['int']);
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('e');
    if (query.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorUserId) qb.andWhere('e.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    if (after) qb.andWhere('e.id < :afterId', { afterId: after[0] });
    const rows = await qb.orderBy('e.id', 'DESC').limit(limit + 1).getMany();
    return toPage(rows, limit, (r) => [r.id], AuditEventResponse.from);
  }
}
