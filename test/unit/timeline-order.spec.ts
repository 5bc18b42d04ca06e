import { buildTimeline, orderEvents } from '../../src/partnerships/timeline/build-timeline';
import type { TimelineEvent, TimelineEventKind } from '../../src/partnerships/timeline/timeline-event';

const event = (date: string, at: string | null, kind: TimelineEventKind, refId: string): TimelineEvent => ({ date, at, kind, refId, title: `${kind} ${refId}`, detail: null });

describe('timeline order', () => {
  // One day as three sources report it, each list in its own order.
  const status = [event('2025-08-14', '2025-08-14T07:00:00.000Z', 'partnership_status', 'status-1')];
  const mous = [event('2025-08-14', '2025-08-14T01:00:00.000Z', 'mou_signed', 'mou-b'), event('2025-08-14', null, 'mou_expired', 'mou-a')];
  const plans = [event('2025-08-13', '2025-08-13T09:00:00.000Z', 'plan_submitted', 'plan'), event('2025-08-14', '2025-08-14T03:00:00.000Z', 'plan_submitted', 'plan')];
  const told = (events: TimelineEvent[]) => events.map((e) => `${e.date} ${e.at ?? '-'} ${e.kind} ${e.refId}`);

  it('orders by date, then by the moment, with the events known only to their day last', () => {
    expect(told(orderEvents([status, mous, plans]))).toEqual([
      '2025-08-13 2025-08-13T09:00:00.000Z plan_submitted plan',
      '2025-08-14 2025-08-14T01:00:00.000Z mou_signed mou-b',
      '2025-08-14 2025-08-14T03:00:00.000Z plan_submitted plan',
      '2025-08-14 2025-08-14T07:00:00.000Z partnership_status status-1',
      '2025-08-14 - mou_expired mou-a',
    ]);
  });

  it('gives the same order whatever order the sources come in', () => {
    const expected = told(orderEvents([status, mous, plans]));
    for (const lists of [
      [plans, mous, status],
      [mous, status, plans],
      [plans, status, mous],
    ]) {
      expect(told(orderEvents(lists))).toEqual(expected);
    }
  });

  it('breaks a tie by kind, then by the source’s own order, then by refId', () => {
    const day = '2024-12-15';
    // A partnership ended and its MoU terminated on one day, both known only to the day.
    const ended = event(day, null, 'partnership_status', 'zzz');
    const terminated = event(day, null, 'mou_terminated', 'aaa');
    // Two tranches recorded later for one day: the source lists tranche 1 first, whatever their ids.
    const tranche1 = event(day, null, 'grant_disbursed', 'ffff');
    const tranche2 = event(day, null, 'grant_disbursed', '0000');
    // Two results published at one moment by two sources that share a kind: by refId.
    const resultB = event(day, '2024-12-15T02:00:00.000Z', 'competition_result', 'b');
    const resultA = event(day, '2024-12-15T02:00:00.000Z', 'competition_result', 'a');
    const expected = ['competition_result a', 'competition_result b', 'partnership_status zzz', 'mou_terminated aaa', 'grant_disbursed ffff', 'grant_disbursed 0000'];
    const names = (events: TimelineEvent[]) => events.map((e) => `${e.kind} ${e.refId}`);
    expect(names(orderEvents([[terminated], [tranche1, tranche2], [ended], [resultB], [resultA]]))).toEqual(expected);
    expect(names(orderEvents([[resultA], [resultB], [ended], [tranche1, tranche2], [terminated]]))).toEqual(expected);
  });

  it('puts each year’s events in that order in the year they belong to', () => {
    const years = buildTimeline({ programStartYear: 2025, startedOn: null, currentYear: 2025, years: [], events: [status, mous, plans] });
    expect(years).toHaveLength(1);
    expect(told(years[0].events)).toEqual(told(orderEvents([status, mous, plans])));
  });
});
