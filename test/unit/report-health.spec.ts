import fc from 'fast-check';
import { HEALTH_POINTS, healthBand, scoreHealth } from '../../src/reports/health';
import type { HealthSignals } from '../../src/reports/health';

const TODAY = '2026-07-15';

/** A partnership with nothing wrong. */
function healthy(extra: Partial<HealthSignals> = {}): HealthSignals {
  return {
    partnershipId: 'p',
    status: 'active',
    schoolId: 's',
    schoolName: 'SDN Pelambuan 4',
    schoolNpsn: '30300001',
    schoolRegionCode: '63.71',
    mouInForce: { number: '001/MOU', expiryDate: '2028-12-31', expiring: false },
    lastMou: { number: '001/MOU', endedOn: '2029-01-01', terminated: false },
    plan: { year: 2026, deadline: '2026-03-01', status: 'approved', late: false },
    overdueReports: null,
    noContact: null,
    overdueFollowUps: 0,
    fallingIndicators: null,
    ...extra,
  };
}

/** The most points a reason can take. */
const maxPoints = (code: keyof typeof HEALTH_POINTS): number => {
  const p = HEALTH_POINTS[code];
  return typeof p === 'number' ? p : p.max;
};

const codes = (s: HealthSignals) => scoreHealth(s, TODAY).reasons.map((r) => [r.code, r.points]);

describe('partnership health', () => {
  it('gives 100 and no reasons when nothing is wrong', () => {
    expect(scoreHealth(healthy(), TODAY)).toEqual({ score: 100, band: 'healthy', reasons: [] });
  });

  it('takes the documented points for each signal, with a detail that says why', () => {
    expect(codes(healthy({ mouInForce: { number: '001/MOU', expiryDate: '2026-08-31', expiring: true } }))).toEqual([['mou_expiring', 15]]);
    expect(scoreHealth(healthy({ mouInForce: { number: '001/MOU', expiryDate: '2026-08-31', expiring: true } }), TODAY).reasons[0].detail).toBe(
      'MoU 001/MOU expires on 2026-08-31 (in 47 days, within 90) and no renewal has been started',
    );
    expect(codes(healthy({ mouInForce: null }))).toEqual([['mou_lapsed', 30]]);
    expect(scoreHealth(healthy({ mouInForce: null, lastMou: null }), TODAY).reasons[0].detail).toBe('No MoU has been signed for this partnership');
    expect(scoreHealth(healthy({ mouInForce: null, lastMou: { number: 'X', endedOn: '2026-02-01', terminated: true } }), TODAY).reasons[0].detail).toBe(
      'No MoU in force since 2026-02-01: MoU X was terminated',
    );
    expect(codes(healthy({ plan: { year: 2026, deadline: '2026-03-01', status: null, late: true } }))).toEqual([['plan_late', 15]]);
    expect(scoreHealth(healthy({ plan: { year: 2026, deadline: '2026-03-01', status: 'submitted', late: true } }), TODAY).reasons[0].detail).toBe('The 2026 plan was submitted after the deadline 2026-03-01');
    expect(codes(healthy({ overdueReports: [{ year: 2025, balance: '20000000', deadline: '2025-11-30' }] }))).toEqual([['expense_report_overdue', 15]]);
    expect(codes(healthy({ noContact: { year: 2026, lastConfirmedOn: '2026-03-01', assignedOn: '2026-02-01' } }))).toEqual([['no_contact_60_days', 20]]);
    expect(codes(healthy({ fallingIndicators: [{ year: 2026, name: 'Fluent readers', baseline: '40', target: '75', achieved: '35.00', unit: '%' }] }))).toEqual([['falling_indicators', 10]]);
  });

  it('takes 5 points per overdue follow-up, at most 15', () => {
    expect(codes(healthy({ overdueFollowUps: 1 }))).toEqual([['overdue_followups', 5]]);
    expect(codes(healthy({ overdueFollowUps: 3 }))).toEqual([['overdue_followups', 15]]);
    expect(codes(healthy({ overdueFollowUps: 9 }))).toEqual([['overdue_followups', 15]]);
  });

  it('never goes below 0: the reason that reaches 0 counts only the points that were left', () => {
    const worst = healthy({
      mouInForce: null,
      plan: { year: 2026, deadline: '2026-03-01', status: null, late: true },
      overdueReports: [{ year: 2025, balance: '1', deadline: '2025-11-30' }],
      noContact: { year: 2026, lastConfirmedOn: null, assignedOn: '2026-01-01' },
      overdueFollowUps: 4,
      fallingIndicators: [{ year: 2026, name: 'X', baseline: '1', target: '2', achieved: '0', unit: null }],
    });
    const s = scoreHealth(worst, TODAY);
    // 30 + 15 + 15 + 20 + 15 = 95; falling indicators would take 10 but only 5 are left.
    expect(s.reasons.map((r) => [r.code, r.points])).toEqual([
      ['mou_lapsed', 30],
      ['plan_late', 15],
      ['expense_report_overdue', 15],
      ['no_contact_60_days', 20],
      ['overdue_followups', 15],
      ['falling_indicators', 5],
    ]);
    expect(s).toMatchObject({ score: 0, band: 'at_risk' });
  });

  it('always lists points that add up to 100 − score, with the score between 0 and 100', () => {
    const signals = fc.record({
      mou: fc.constantFrom('ok', 'expiring', 'lapsed'),
      planLate: fc.boolean(),
      overdueReports: fc.nat(3),
      noContact: fc.boolean(),
      overdueFollowUps: fc.nat(10),
      falling: fc.nat(2),
    });
    fc.assert(
      fc.property(signals, (g) => {
        const s = scoreHealth(
          healthy({
            mouInForce: g.mou === 'lapsed' ? null : { number: 'M', expiryDate: '2026-09-01', expiring: g.mou === 'expiring' },
            plan: { year: 2026, deadline: '2026-03-01', status: 'draft', late: g.planLate },
            overdueReports: Array.from({ length: g.overdueReports }, (_, i) => ({ year: 2020 + i, balance: '100', deadline: '2020-12-31' })),
            noContact: g.noContact ? { year: 2026, lastConfirmedOn: null, assignedOn: '2026-01-01' } : null,
            overdueFollowUps: g.overdueFollowUps,
            fallingIndicators: Array.from({ length: g.falling }, () => ({ year: 2026, name: 'I', baseline: '5', target: '9', achieved: '1', unit: null })),
          }),
          TODAY,
        );
        const points = s.reasons.reduce((sum, r) => sum + r.points, 0);
        return points === 100 - s.score && s.score >= 0 && s.score <= 100 && s.reasons.every((r) => r.points >= 0 && r.points <= maxPoints(r.code));
      }),
    );
  });

  it('reads healthy from 80, watch from 50, at risk below', () => {
    expect([100, 80, 79, 50, 49, 0].map(healthBand)).toEqual(['healthy', 'healthy', 'watch', 'watch', 'at_risk', 'at_risk']);
  });

  it('writes the details in Bahasa Indonesia', () => {
    const s = scoreHealth(healthy({ noContact: { year: 2026, lastConfirmedOn: '2026-03-01', assignedOn: '2026-02-01' }, overdueFollowUps: 2 }), TODAY, 'id');
    expect(s.reasons.map((r) => r.detail)).toEqual([
      'Tidak ada sesi pendampingan yang terkonfirmasi selama 60 hari: terakhir pada 2026-03-01',
      '2 tindak lanjut melewati tenggatnya (5 poin per tindak lanjut, paling banyak 15)',
    ]);
  });
});
