import { describe, expect, it } from 'vitest';
import { entryWindow, scoringWindow } from './entry-window';

const c = (phase: string) => ({ phase: phase as 'open', entriesOpenAt: '2026-09-01T00:00:00+07:00', entriesCloseAt: '2026-12-31T23:59:59+07:00' });

describe('entry window', () => {
  it('offers entries from the opening to the deadline inclusive, while the competition is open', () => {
    expect(entryWindow(c('open'), new Date('2026-08-31T16:59:59Z'))).toEqual({ open: false, reason: 'notYet' });
    expect(entryWindow(c('open'), new Date('2026-08-31T17:00:00Z'))).toEqual({ open: true });
    expect(entryWindow(c('open'), new Date('2026-12-31T16:59:59Z'))).toEqual({ open: true });
    expect(entryWindow(c('open'), new Date('2026-12-31T17:00:00Z'))).toEqual({ open: false, reason: 'deadlinePassed' });
  });

  it('names the phase when the competition is not open', () => {
    for (const phase of ['draft', 'judging', 'published', 'closed']) expect(entryWindow(c(phase), new Date('2026-10-01T00:00:00Z'))).toEqual({ open: false, reason: phase });
  });
});

describe('scoring window', () => {
  const j = (phase: string) => ({ phase: phase as 'judging', judgingEndsAt: '2026-12-31T23:59:59+07:00' });
  it('offers scoring while judging, up to the end of judging inclusive', () => {
    expect(scoringWindow(j('judging'), new Date('2026-12-31T16:59:59Z'))).toEqual({ open: true });
    expect(scoringWindow(j('judging'), new Date('2026-12-31T17:00:00Z'))).toEqual({ open: false, reason: 'ended' });
  });
  it('names why not in the other phases', () => {
    expect(scoringWindow(j('draft'))).toEqual({ open: false, reason: 'notStarted' });
    expect(scoringWindow(j('open'))).toEqual({ open: false, reason: 'notStarted' });
    expect(scoringWindow(j('published'))).toEqual({ open: false, reason: 'published' });
    expect(scoringWindow(j('closed'))).toEqual({ open: false, reason: 'published' });
  });
});
