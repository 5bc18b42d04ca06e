import { describe, expect, it } from 'vitest';
import { entryWindow } from './entry-window';

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
