import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Lang } from '../../common/errors/i18n';
import { mouSource } from './mou.source';
import { partnershipStatusSource } from './partnership-status.source';

/**
 * What the timeline can show. Later modules add their kinds here (e.g. plan_approved,
 * grant_awarded, mentoring_session, competition_result) together with their source.
 */
export const TIMELINE_EVENT_KINDS = [
  'partnership_status',
  'mou_signed',
  'mou_renewed',
  'mou_amended',
  'mou_terminated',
  'mou_expired',
  'competition_result',
  'plan_submitted',
  'plan_approved',
  'plan_completed',
  'grant_awarded',
  'grant_disbursed',
  'grant_reversed',
  'expense_report_accepted',
  'mentoring_session',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/** One dated thing that happened in a partnership. */
export interface TimelineEvent {
  /** YYYY-MM-DD; the event lands in the timeline entry of its calendar year. */
  date: string;
  kind: TimelineEventKind;
  /**
   * One line that reads on its own, in the language the source was asked for, e.g. "MoU
   * 001/TU-CSR/MOU/III/2012 signed" or "MoU 001/TU-CSR/MOU/III/2012 ditandatangani".
   */
  title: string;
  /** The reason, summary or terms, when there are any, in the same language (what people typed stays as typed). */
  detail: string | null;
  /** The record behind the event (partnership event, MoU, amendment...). */
  refId: string;
}

/** The partnership a source is asked about; the caller has already checked it may be seen. */
export interface TimelinePartnership {
  id: string;
  programId: string;
  companyId: string;
  schoolId: string;
}

/**
 * One kind of record that contributes to a partnership's timeline. A source answers with ONE query
 * for the whole partnership (never one per year), so a timeline costs the same whatever its length.
 * Events of one date keep the order of the sources, then the order the source returns them in.
 * Titles and details are written in `lang`, the language of the request.
 */
export interface TimelineSource {
  /** Unique name, e.g. "mous". */
  readonly name: string;
  events(partnership: TimelinePartnership, manager: EntityManager, lang: Lang): Promise<TimelineEvent[]>;
}

/**
 * The timeline's extension point: the list of sources the timeline asks, in order. The partnership
 * status history and the MoUs are built in; plans, grants, mentoring and competitions add theirs
 * from their own module, which imports PartnershipsModule:
 *
 * ```ts
 * @Injectable()
 * export class GrantTimelineSource implements TimelineSource, OnModuleInit {
 *   readonly name = 'grants';
 *   constructor(private readonly sources: PartnershipTimelineSources) {}
 *   onModuleInit() { this.sources.register(this); }
 *   events(p: TimelinePartnership, manager: EntityManager, lang: Lang) { return manager.query(...).then((rows) => rows.map((r) => describe(r, lang))); }
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

  /** Every registered source, in registration order. */
  list(): readonly TimelineSource[] {
    return this.sources;
  }
}
