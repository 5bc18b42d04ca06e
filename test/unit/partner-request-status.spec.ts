import { CANDIDATE_POINTS, explainCandidate } from '../../src/partner-requests/candidate-score';
import { coversRegion } from '../../src/regions/jurisdiction';
import {
  ALLOWED_FROM,
  canApply,
  PARTNER_REQUEST_ACTIONS,
  PARTNER_REQUEST_STATUSES,
  refuseAction,
  refuseDecision,
  statusAfter,
  statusAfterDecisions,
} from '../../src/partner-requests/partner-request-status';

describe('partner request transitions', () => {
  it.each([
    ['answer', ['open', 'answered']],
    ['decide', ['answered']],
    ['withdraw', ['open', 'answered']],
    ['close', ['answered']],
  ] as const)('%s is allowed only from %j', (action, allowed) => {
    for (const status of PARTNER_REQUEST_STATUSES) {
      expect(canApply(action, status)).toBe((allowed as readonly string[]).includes(status));
      expect(refuseAction(action, status, '2026-03-31') === null).toBe((allowed as readonly string[]).includes(status));
    }
  });

  it('never allows anything from a final state', () => {
    for (const action of PARTNER_REQUEST_ACTIONS) {
      for (const final of ['closed', 'withdrawn', 'expired'] as const) expect(ALLOWED_FROM[action]).not.toContain(final);
    }
  });

  it('names the due date when an expired request is answered, in both languages', () => {
    expect(refuseAction('answer', 'expired', '2026-03-31')).toEqual({
      en: 'cannot recommend schools: the request expired: its due date 2026-03-31 passed without an answer (status expired); the company can open a new request with a later due date',
      id: 'tidak dapat merekomendasikan sekolah: permintaan sudah kedaluwarsa: batas waktunya 2026-03-31 terlewati tanpa jawaban (status expired); perusahaan dapat membuka permintaan baru dengan batas waktu yang lebih lama',
    });
  });

  it('names the state and says what to do instead', () => {
    expect(refuseAction('close', 'open', '2026-03-31')?.en).toBe(
      'cannot close the request: the request is still open: the education office has not recommended any school yet (status open); withdraw it instead if you no longer need schools',
    );
    expect(refuseAction('withdraw', 'closed', '2026-03-31')?.en).toContain('(status closed)');
    expect(refuseAction('decide', 'withdrawn', '2026-03-31')?.id).toContain('(status withdrawn)');
  });

  it('moves to the next state', () => {
    expect(statusAfter('answer')).toBe('answered');
    expect(statusAfter('withdraw')).toBe('withdrawn');
    expect(statusAfter('close')).toBe('closed');
  });

  it('closes once no recommended school is pending', () => {
    expect(statusAfterDecisions(['accepted', 'pending'])).toBe('answered');
    expect(statusAfterDecisions(['accepted', 'declined'])).toBe('closed');
    expect(statusAfterDecisions(['declined'])).toBe('closed');
    expect(statusAfterDecisions([])).toBe('answered');
  });

  it('decides a recommended school only once', () => {
    expect(refuseDecision('pending', null)).toBeNull();
    expect(refuseDecision('accepted', new Date('2012-03-05T03:00:00Z'))?.en).toBe(
      'this recommended school was already accepted on 2012-03-05; a decision is final, so ask the education office for another recommendation instead',
    );
    expect(refuseDecision('declined', new Date('2012-03-05T03:00:00Z'))?.id).toContain('sudah ditolak pada 2012-03-05');
  });
});

describe('jurisdiction', () => {
  it.each([
    ['63', '63.71', true],
    ['63', '63', true],
    ['63', '64.71', false],
    ['63', '6', false],
    ['63.71', '63.71', true],
    ['63.71', '63.72', false],
    ['63.71', '63', false],
    ['63.71', null, false],
  ] as const)('%s covers %s: %s', (office, region, expected) => {
    expect(coversRegion(office, region)).toBe(expected);
  });
});

describe('candidate score', () => {
  const base = { hasActivePartner: false, schoolLevel: 'SD', levelsAsked: ['SD'], needsAsked: ['literacy'], matchedNeeds: [] } as const;

  it('adds up the documented points and explains each', () => {
    const r = explainCandidate({ ...base, needsAsked: ['literacy', 'parenting'], matchedNeeds: ['literacy', 'parenting'] });
    expect(r.score).toBe(CANDIDATE_POINTS.noActivePartner + CANDIDATE_POINTS.level + 2 * CANDIDATE_POINTS.perNeed);
    expect(r.reasons.map((x) => x.reason)).toEqual(['no active CSR partner yet', 'level SD matches the request', 'states need: literacy', 'states need: parenting']);
  });

  it('caps need points at 30 and says so', () => {
    const needs = ['literacy', 'parenting', 'sanitation', 'infrastructure'] as const;
    const r = explainCandidate({ ...base, needsAsked: needs, matchedNeeds: needs });
    expect(r.score).toBe(95);
    expect(r.reasons[5]).toEqual({ code: 'states_need', points: 0, reason: 'states need: infrastructure (need points are capped at 30)' });
  });

  it('gives nothing for a school that already has a partner, and level points for any level', () => {
    const r = explainCandidate({ ...base, hasActivePartner: true, levelsAsked: [], needsAsked: [] });
    expect(r).toEqual({
      score: 25,
      reasons: [
        { code: 'has_active_partner', points: 0, reason: 'already has an active CSR partner' },
        { code: 'any_level', points: 25, reason: 'any level was asked for' },
      ],
    });
  });

  it('says when no stated need matches', () => {
    expect(explainCandidate(base).reasons.at(-1)).toEqual({ code: 'no_need_matches', points: 0, reason: 'states none of the needs the request asks for' });
  });
});
