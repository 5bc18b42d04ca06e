import { planBudgetLines } from '../../src/grants/budget-lines';
import {
  accountedFor,
  balanceAtSchool,
  GRANT_ACTIONS,
  GRANT_STATUSES,
  grantStatusFor,
  ledgerAmount,
  LEDGER_KINDS,
  moneyHolds,
  movesBalance,
  refuseGrantAction,
  refuseReportAction,
  runningBalances,
  sumRupiah,
  undisbursed,
} from '../../src/grants/grant-status';
import type { GrantMoney, GrantStatus } from '../../src/grants/grant-status';

const money = (awarded: string, disbursed = '0', accepted = '0', returned = '0', carriedOver = '0'): GrantMoney => ({ awarded, disbursed, accepted, returned, carriedOver });

describe('grant money arithmetic', () => {
  it('computes the balance at the school, what is accounted for and what is left to disburse, exactly beyond 2^53', () => {
    const m = money('9007199254740993', '9007199254740993', '4503599627370497', '1', '2');
    expect(accountedFor(m)).toBe(4503599627370500n);
    expect(balanceAtSchool(m)).toBe(4503599627370493n);
    expect(undisbursed(m)).toBe(0n);
    expect(undisbursed(money('100', '40'))).toBe(60n);
    expect(sumRupiah(['9007199254740993', 1n, '0'])).toBe(9007199254740994n);
    expect(sumRupiah([])).toBe(0n);
  });

  it.each([
    [money('100'), true],
    [money('100', '100', '60', '30', '10'), true],
    [money('100', '101'), false],
    [money('100', '50', '51'), false],
    [money('100', '50', '20', '20', '11'), false],
    [money('0'), false],
    [money('100', '-1'), false],
  ])('says whether %p keeps the money rules (%p)', (m, holds) => {
    expect(moneyHolds(m)).toBe(holds);
  });
});

describe('grant status', () => {
  it.each([
    ['awarded', money('100'), 'awarded'],
    ['awarded', money('100', '1'), 'disbursing'],
    ['disbursing', money('100', '100'), 'fully_disbursed'],
    ['fully_disbursed', money('100', '100', '1'), 'reporting'],
    ['disbursing', money('100', '100', '0', '1'), 'reporting'],
    // A reversal moves a grant back.
    ['fully_disbursed', money('100', '60'), 'disbursing'],
    ['disbursing', money('100', '0'), 'awarded'],
    ['reporting', money('100', '40', '40'), 'disbursing'],
    // Final statuses never move.
    ['closed', money('100', '100', '100'), 'closed'],
    ['cancelled', money('100', '0'), 'cancelled'],
  ] as Array<[GrantStatus, GrantMoney, GrantStatus]>)('from %s with %p is %s', (from, m, to) => {
    expect(grantStatusFor(from, m)).toBe(to);
  });

  it('allows each action only from its statuses, and refuses everything on a final grant', () => {
    for (const action of GRANT_ACTIONS) {
      expect(refuseGrantAction(action, 'closed')).not.toBeNull();
      expect(refuseGrantAction(action, 'cancelled')).not.toBeNull();
    }
    expect(refuseGrantAction('change', 'awarded')).toBeNull();
    expect(refuseGrantAction('change', 'disbursing')?.en).toMatch(/only possible before the first disbursement/);
    expect(refuseGrantAction('settle', 'awarded')?.en).toMatch(/cancel the grant instead/);
    for (const status of ['awarded', 'disbursing', 'fully_disbursed', 'reporting'] as GrantStatus[]) {
      expect(refuseGrantAction('disburse', status)).toBeNull();
      expect(refuseGrantAction('cancel', status)).toBeNull();
      expect(refuseGrantAction('report', status)).toBeNull();
    }
  });

  it('explains every refusal in both languages, naming the status', () => {
    for (const action of GRANT_ACTIONS) {
      for (const status of GRANT_STATUSES) {
        const r = refuseGrantAction(action, status);
        if (r) {
          expect(r.en).toContain(`(status ${status})`);
          expect(r.id).toContain(`(status ${status})`);
          expect(r.id).not.toBe(r.en);
        }
      }
    }
  });

  it('lets the school edit and submit drafts and returned reports, and the company review submitted ones', () => {
    expect(refuseReportAction('edit', 'draft')).toBeNull();
    expect(refuseReportAction('edit', 'returned')).toBeNull();
    expect(refuseReportAction('submit', 'returned')).toBeNull();
    expect(refuseReportAction('review', 'submitted')).toBeNull();
    expect(refuseReportAction('edit', 'submitted')?.en).toMatch(/wait for the review/);
    expect(refuseReportAction('edit', 'accepted')?.en).toMatch(/new expense report/);
    expect(refuseReportAction('review', 'draft')?.id).toMatch(/tunggu/);
    expect(refuseReportAction('review', 'accepted')).not.toBeNull();
  });
});

describe('the ledger', () => {
  it('signs each kind as it affects the school', () => {
    expect(ledgerAmount('award', 5n)).toBe(5n);
    expect(ledgerAmount('tranche', 5n)).toBe(5n);
    expect(ledgerAmount('award_change', -5n)).toBe(-5n);
    for (const kind of ['reversal', 'expense_accepted', 'returned', 'carried_over', 'cancelled'] as const) expect(ledgerAmount(kind, 5n)).toBe(-5n);
    expect(LEDGER_KINDS.filter(movesBalance)).toEqual(['tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over']);
  });

  it('keeps a running balance at the school and of the award still to disburse', () => {
    const entries = [
      { kind: 'award' as const, amount: '100' },
      { kind: 'award_change' as const, amount: '-10' },
      { kind: 'tranche' as const, amount: '60' },
      { kind: 'reversal' as const, amount: '-20' },
      { kind: 'expense_accepted' as const, amount: '-30' },
      { kind: 'returned' as const, amount: '-5' },
      { kind: 'carried_over' as const, amount: '-5' },
      { kind: 'cancelled' as const, amount: '-50' },
    ];
    expect(runningBalances(entries).map((r) => [r.balanceAtSchool, r.undisbursed])).toEqual([
      [0n, 100n],
      [0n, 90n],
      [60n, 30n],
      [40n, 50n],
      [10n, 50n],
      [5n, 50n],
      [0n, 50n],
      [0n, 0n],
    ]);
    expect(runningBalances([])).toEqual([]);
  });
});

describe('plan budget lines', () => {
  it("reads the plan's budget lines in order, defensively", () => {
    const content = {
      programs: [
        { name: 'Pojok Literasi', budgetLines: [{ id: 'A1', item: 'Buku', quantity: 2, unitCost: '500', total: '1000', fundingSource: 'stimulus_grant' }, { item: 'no id' }] },
        { topic: 'parenting', budgetLines: [{ id: 'b2', item: 'Kelas orang tua', quantity: 3, unitCost: '200', fundingSource: 'other' }, { id: 'c3', item: 'x', total: 'lots' }] },
        null,
        { name: 'No lines' },
      ],
    };
    expect(planBudgetLines(content)).toEqual([
      { id: 'a1', item: 'Buku', programTitle: 'Pojok Literasi', total: '1000', fundingSource: 'stimulus_grant' },
      { id: 'b2', item: 'Kelas orang tua', programTitle: 'parenting', total: '600', fundingSource: 'other' },
      { id: 'c3', item: 'x', programTitle: 'parenting', total: '0', fundingSource: 'other' },
    ]);
    expect(planBudgetLines(null)).toEqual([]);
    expect(planBudgetLines({ programs: 'x' })).toEqual([]);
  });
});
