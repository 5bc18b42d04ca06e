import {
  canMovePhase,
  COMPETITION_PHASES,
  isEditable,
  isPanelOpen,
  isPublished,
  nextPhase,
  publishedSql,
  refuseEntryChange,
  refusePhaseMove,
  refuseScoring,
} from '../../src/competitions/competition-phase';
import type { CompetitionPhase } from '../../src/competitions/competition-phase';

const at = (iso: string) => new Date(iso);

describe('competition phases', () => {
  it('moves draft → open → judging → published → closed, and stops there', () => {
    expect(COMPETITION_PHASES.map(nextPhase)).toEqual(['open', 'judging', 'published', 'closed', null]);
  });

  it('allows exactly one step forward: never back, never a skip, never to itself', () => {
    const allowed: Array<[CompetitionPhase, CompetitionPhase]> = [];
    for (const from of COMPETITION_PHASES) for (const to of COMPETITION_PHASES) if (canMovePhase(from, to)) allowed.push([from, to]);
    expect(allowed).toEqual([
      ['draft', 'open'],
      ['open', 'judging'],
      ['judging', 'published'],
      ['published', 'closed'],
    ]);
    for (const [from, to] of allowed) expect(refusePhaseMove(from, to)).toBeNull();
  });

  it('explains a refused move, naming the one next phase', () => {
    expect(refusePhaseMove('draft', 'judging')?.en).toBe('a competition moves one phase forward at a time (draft → open → judging → published → closed): from draft the only next phase is open, not judging');
    expect(refusePhaseMove('judging', 'open')?.en).toContain('from judging the only next phase is published, not open');
    expect(refusePhaseMove('open', 'open')?.en).toBe('the competition is already in phase open; the next phase is judging');
    expect(refusePhaseMove('closed', 'draft')?.en).toBe('the competition is closed, the last phase; it cannot move to draft');
    expect(refusePhaseMove('closed', 'draft')?.id).toContain('kompetisi sudah ditutup');
  });

  it('edits only drafts, keeps the panel open until publication, and publishes from published on', () => {
    expect(COMPETITION_PHASES.filter(isEditable)).toEqual(['draft']);
    expect(COMPETITION_PHASES.filter(isPanelOpen)).toEqual(['draft', 'open', 'judging']);
    expect(COMPETITION_PHASES.filter(isPublished)).toEqual(['published', 'closed']);
  });

  it('says published in SQL for the same phases as isPublished', () => {
    const phases = publishedSql('c').match(/'([a-z_]+)'/g)?.map((q) => q.slice(1, -1));
    expect(phases).toEqual(COMPETITION_PHASES.filter(isPublished));
  });
});

describe('entry window', () => {
  const window = { entriesOpenAt: at('2025-09-01T00:00:00Z'), entriesCloseAt: at('2025-10-31T16:59:59Z') };

  it('takes entries in phase open from the opening up to and including the deadline', () => {
    expect(refuseEntryChange({ ...window, phase: 'open' }, at('2025-09-01T00:00:00Z'))).toBeNull();
    expect(refuseEntryChange({ ...window, phase: 'open' }, at('2025-10-31T16:59:59Z'))).toBeNull();
  });

  it('refuses a late entry naming the deadline', () => {
    const late = refuseEntryChange({ ...window, phase: 'open' }, at('2025-10-31T17:00:00Z'));
    expect(late?.en).toBe('the entry deadline was 2025-10-31T16:59:59Z: entries can no longer be submitted or changed');
    expect(late?.id).toBe('batas waktu pendaftaran karya adalah 2025-10-31T16:59:59Z: karya tidak dapat lagi dikirim atau diubah');
  });

  it('refuses before the opening, in draft, and once judging has begun even before the deadline', () => {
    expect(refuseEntryChange({ ...window, phase: 'open' }, at('2025-08-31T23:59:59Z'))?.en).toBe('entries open at 2025-09-01T00:00:00Z; submit between 2025-09-01T00:00:00Z and the deadline 2025-10-31T16:59:59Z');
    expect(refuseEntryChange({ ...window, phase: 'draft' }, at('2025-09-10T00:00:00Z'))?.en).toContain('not open for entries yet (phase draft)');
    expect(refuseEntryChange({ ...window, phase: 'judging' }, at('2025-09-10T00:00:00Z'))?.en).toBe(
      'the entry deadline was 2025-10-31T16:59:59Z and the competition is now in phase judging: entries can no longer be submitted or changed',
    );
  });
});

describe('scoring window', () => {
  const w = { judgingEndsAt: at('2025-11-30T16:59:59Z'), publishedAt: null };

  it('takes scores only while judging, up to and including the end of judging', () => {
    expect(refuseScoring({ ...w, phase: 'judging' }, at('2025-11-30T16:59:59Z'))).toBeNull();
    expect(refuseScoring({ ...w, phase: 'judging' }, at('2025-11-30T17:00:00Z'))?.en).toBe('judging ended at 2025-11-30T16:59:59Z: scores can no longer change');
    expect(refuseScoring({ ...w, phase: 'open' }, at('2025-11-01T00:00:00Z'))?.en).toContain('judging has not started yet (phase open)');
  });

  it('freezes every score once the results are published', () => {
    const frozen = refuseScoring({ ...w, phase: 'published', publishedAt: at('2025-12-10T03:00:00Z') }, at('2025-11-01T00:00:00Z'));
    expect(frozen?.en).toBe('the results were published on 2025-12-10T03:00:00Z, which froze every score: scores can no longer change');
    expect(refuseScoring({ ...w, phase: 'closed', publishedAt: at('2025-12-10T03:00:00Z') }, at('2025-11-01T00:00:00Z'))?.en).toContain('froze every score');
  });
});
