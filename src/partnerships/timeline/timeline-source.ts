import { Injectable } from '@nestjs/common';
import { mouSource } from './mou.source';
import { partnershipStatusSource } from './partnership-status.source';
import type { TimelineSource } from './timeline-event';

// The vocabulary of the timeline lives in timeline-event.ts, which the built-in sources import
// (not this file, which imports them); re-exported here for the modules that add sources.
export { TIMELINE_EVENT_KINDS } from './timeline-event';
export type { TimelineEvent, TimelineEventKind, TimelinePartnership, TimelineSource } from './timeline-event';

/**
 * The timeline's extension point: the list of sources the timeline asks, in order. The partnership
 * status history and the MoUs are built in; plans, grants, mentoring and competitions add theirs
 * from their own module, which imports PartnershipsModule. A source hands over its query and turns
 * the rows into events; the timeline runs every source's query in one statement:
 *
 * ```ts
 * @Injectable()
 * export class GrantTimelineSource implements TimelineSource<GrantRow>, OnModuleInit {
 *   readonly name = 'grants';
 *   readonly sql = `SELECT ... FROM grants g WHERE g.partnership_id = $1 ORDER BY ...`;
 *   constructor(private readonly sources: PartnershipTimelineSources) {}
 *   onModuleInit() { this.sources.register(this); }
 *   events(rows: GrantRow[], lang: Lang) { return rows.map((r) => describe(r, lang)); }
 * }
 * ```
 */
@Injectable()
export class PartnershipTimelineSources {
  private readonly sources: TimelineSource[] = [partnershipStatusSource, mouSource];

  /** Adds a source at the end of the list; a second source with the same name is a programming error. */
  register(source: TimelineSource): void {
    if (this.sources.some((s) => s.name === source.name)) throw new Error(`timeline source "${source.name}" is registered twice`);
    this.sources.push(source);
  }

  /** Every registered source, in registration order (which the timeline's order never depends on). */
  list(): readonly TimelineSource[] {
    return this.sources;
  }
}
