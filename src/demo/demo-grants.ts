import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { planBudgetLines } from '../grants/budget-lines';
import type { PlanBudgetLine } from '../grants/budget-lines';
import { Disbursement } from '../grants/disbursement.entity';
import { ExpenseLine } from '../grants/expense-line.entity';
import { ExpenseReport } from '../grants/expense-report.entity';
import { APPROVED_PLAN_STATUSES } from '../grants/grant-access';
import { balanceAtSchool, grantStatusFor, ledgerAmount, moneyHolds } from '../grants/grant-status';
import type { GrantMoney, GrantStatus, LedgerKind } from '../grants/grant-status';
import { Grant } from '../grants/grant.entity';
import { LedgerEntry } from '../grants/ledger-entry.entity';
import { User } from '../users/user.entity';
// DEMO_IDS and DEMO_USERS are read only inside run(), never while this module loads.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** Fixed ids of the grant demo records, so they can be tried from Swagger. */
export const GRANT_DEMO_IDS = {
  grant2024: '00000000-0000-4000-8000-000000000c24',
  grant2025: '00000000-0000-4000-8000-000000000c25',
} as const;

/** The request id of the audit lines this step writes: loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:grants';

/** A plan of SDN Pelambuan 4 found by year, with what a grant needs of it. */
interface DemoPlan {
  id: string;
  status: string;
  title: string;
  content: unknown;
  partnershipId: string;
  programYearId: string;
  budgetEnvelope: string;
  committed: string;
}

async function findPlan(manager: EntityManager, year: number): Promise<DemoPlan> {
  const [plan] = (await manager.query(
    `SELECT pl.id, pl.status, pl.title, pl.content, pl.partnership_id AS "partnershipId", pl.program_year_id AS "programYearId",
            CAST(y.budget_envelope AS text) AS "budgetEnvelope",
            CAST((SELECT COALESCE(SUM(g.awarded_amount), 0) FROM grants g WHERE g.program_year_id = y.id AND g.status <> 'cancelled') AS text) AS committed
       FROM plans pl
       JOIN program_years y ON y.id = pl.program_year_id
       JOIN partnerships p ON p.id = pl.partnership_id
      WHERE pl.school_id = $1 AND p.company_id = $2 AND y.year = $3`,
    [DEMO_IDS.pelambuan4, DEMO_IDS.trakindo, year],
  )) as DemoPlan[];
  if (!plan) throw new Error(`demo:grants needs the ${year} plan of SDN Pelambuan 4 in a program of PT Trakindo Utama (the plans demo step), and found none`);
  if (!(APPROVED_PLAN_STATUSES as readonly string[]).includes(plan.status)) {
    throw new Error(`demo:grants needs the ${year} plan of SDN Pelambuan 4 approved (approved, in progress or completed), but it is ${plan.status}`);
  }
  return plan;
}

/** The plan's stimulus_grant budget lines, at least one, with a planned total. */
function stimulusLines(plan: DemoPlan, year: number): PlanBudgetLine[] {
  const lines = planBudgetLines(plan.content).filter((l) => l.fundingSource === 'stimulus_grant' && BigInt(l.total) > 0n);
  if (lines.length === 0) throw new Error(`demo:grants needs stimulus_grant budget lines with a total in the ${year} plan of SDN Pelambuan 4, and found none`);
  return lines;
}

/** `pct` percent of an amount, rounded down to whole thousands of rupiah (at least 1,000). */
function share(amount: bigint, pct: number): bigint {
  const v = ((amount * BigInt(pct)) / 100n / 1000n) * 1000n;
  return v > 0n ? v : 1000n;
}

/** Spreads `total` over the lines, in order, each line's share weighted by its planned total. */
function spread(lines: PlanBudgetLine[], total: bigint): Array<{ line: PlanBudgetLine; amount: bigint }> {
  const planned = lines.reduce((s, l) => s + BigInt(l.total), 0n);
  let left = total;
  return lines
    .map((line, i) => {
      const amount = i === lines.length - 1 ? left : (total * BigInt(line.total)) / planned;
      left -= amount;
      return { line, amount };
    })
    .filter((x) => x.amount > 0n);
}

const at = (date: string, time = '03:00:00') => new Date(`${date}T${time}Z`);

/** A grant is awarded in the morning, after the plan's approval (02:00 UTC) and before a same-day tranche (03:00 UTC). */
const AWARD_TIME = '02:30:00';

/**
 * Writes one grant's history in order, through the same money rules the API applies: signed
 * ledger entries, running totals that keep the CHECK constraints, the status the money says, and
 * an audit line for each step, by the CSR officer or the principal who took it.
 */
class DemoGrantBook {
  private readonly money: GrantMoney;
  private status: GrantStatus = 'awarded';
  private readonly audits: Array<Partial<AuditEvent>> = [];
  private trancheCount = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly grantId: string,
    awarded: bigint,
    private readonly csr: User,
    private readonly principal: User,
  ) {
    this.money = { awarded: awarded.toString(), disbursed: '0', accepted: '0', returned: '0', carriedOver: '0' };
  }

  private add(field: keyof GrantMoney, amount: bigint): void {
    this.money[field] = (BigInt(this.money[field]) + amount).toString();
    if (!moneyHolds(this.money)) throw new Error(`demo:grants broke a money rule at ${field} ${amount}`);
  }

  private audit(who: User, when: Date, action: string, entityType: string, entityId: string, changes: Record<string, unknown>): void {
    this.audits.push({ actorUserId: who.id, actorOrganizationId: who.organizationId, requestId: SEED_REQUEST_ID, occurredAt: when, action, entityType, entityId, changes });
  }

  private async ledger(kind: LedgerKind, amount: bigint, on: string, refId: string | null, note: string, who: User, time?: string): Promise<void> {
    await this.manager.insert(LedgerEntry, { grantId: this.grantId, kind, amount: ledgerAmount(kind, amount).toString(), occurredOn: on, refId, note, recordedByUserId: who.id, createdAt: at(on, time) });
  }

  private moveStatus(on: string, next: GrantStatus): void {
    if (next === this.status) return;
    this.audit(this.csr, at(on, '03:00:01'), 'state_change', 'grant', this.grantId, { status: { from: this.status, to: next } });
    this.status = next;
  }

  async award(on: string, fields: Record<string, unknown>): Promise<void> {
    await this.ledger('award', BigInt(this.money.awarded), on, null, `Awarded for the ${on.slice(0, 4)} plan`, this.csr, AWARD_TIME);
    this.audit(this.csr, at(on, AWARD_TIME), 'create', 'grant', this.grantId, fields);
  }

  async tranche(on: string, amount: bigint, transferReference: string, note: string): Promise<number> {
    this.add('disbursed', amount);
    this.trancheCount += 1;
    const fields = { grantId: this.grantId, kind: 'tranche' as const, trancheNumber: this.trancheCount, amount: amount.toString(), disbursedOn: on, transferReference, reversesId: null, note, recordedByUserId: this.csr.id };
    const id = ((await this.manager.insert(Disbursement, { ...fields, createdAt: at(on) })).identifiers[0] as { id: string }).id;
    await this.ledger('tranche', amount, on, id, `Tranche ${this.trancheCount}, ${transferReference}`, this.csr);
    this.audit(this.csr, at(on), 'create', 'disbursement', id, fields);
    this.moveStatus(on, grantStatusFor(this.status, this.money));
    return this.trancheCount;
  }

  /**
   * An expense report of the principal with receipts-free lines (a demo step cannot store files),
   * taken through its `rounds`: each round submitted, then returned (with a reason and the rejected
   * line) or accepted; the last round may stay submitted.
   */
  async report(r: {
    title: string;
    trancheNumber: number;
    createdOn: string;
    lines: Array<{ spentOn: string; description: string; line: PlanBudgetLine; amount: bigint }>;
    rounds: Array<{ submittedOn: string; returnedOn?: string; returnReason?: string; rejectLine?: number; acceptedOn?: string }>;
  }): Promise<void> {
    const last = r.rounds[r.rounds.length - 1];
    const status = last.acceptedOn ? 'accepted' : last.returnedOn ? 'returned' : 'submitted';
    const accepted = last.acceptedOn ? r.lines.reduce((s, l) => s + l.amount, 0n) : 0n;
    const reviewedOn = last.acceptedOn ?? last.returnedOn ?? null;
    const reportId = (
      (
        await this.manager.insert(ExpenseReport, {
          grantId: this.grantId,
          trancheNumber: r.trancheNumber,
          title: r.title,
          status,
          submittedAt: at(last.submittedOn),
          reviewedByUserId: reviewedOn ? this.csr.id : null,
          reviewedAt: reviewedOn ? at(reviewedOn) : null,
          returnReason: status === 'returned' ? (last.returnReason ?? null) : null,
          acceptedAmount: accepted.toString(),
          createdByUserId: this.principal.id,
          version: 1 + r.rounds.length * 2,
          createdAt: at(r.createdOn),
          updatedAt: at(reviewedOn ?? last.submittedOn),
        })
      ).identifiers[0] as { id: string }
    ).id;
    const lineRows = r.lines.map((l, i) => ({
      reportId,
      position: i + 1,
      spentOn: l.spentOn,
      description: l.description,
      budgetLineId: l.line.id,
      amount: l.amount.toString(),
      review: (status === 'accepted' ? 'accepted' : 'pending') as ExpenseLine['review'],
      reviewNote: null,
    }));
    const lineIds = ((await this.manager.insert(ExpenseLine, lineRows)).identifiers as Array<{ id: string }>).map((x) => x.id);
    this.audit(this.principal, at(r.createdOn), 'create', 'expense_report', reportId, {
      grantId: this.grantId,
      title: r.title,
      trancheNumber: r.trancheNumber,
      status: 'draft',
      lines: lineRows.map(({ reportId: _r, ...l }) => l),
    });
    let from = 'draft';
    for (const round of r.rounds) {
      this.audit(this.principal, at(round.submittedOn), 'state_change', 'expense_report', reportId, { status: { from, to: 'submitted' }, lines: lineRows.length });
      from = 'submitted';
      if (round.returnedOn) {
        this.audit(this.csr, at(round.returnedOn), 'state_change', 'expense_report', reportId, {
          status: { from, to: 'returned' },
          acceptedAmount: '0',
          lines: lineIds.map((id, i) => ({ id, review: i === round.rejectLine ? 'rejected' : 'accepted' })),
          reason: round.returnReason,
        });
        from = 'returned';
      }
      if (round.acceptedOn) {
        this.add('accepted', accepted);
        this.audit(this.csr, at(round.acceptedOn), 'state_change', 'expense_report', reportId, {
          status: { from, to: 'accepted' },
          acceptedAmount: accepted.toString(),
          lines: lineIds.map((id, i) => ({ id, amount: lineRows[i].amount, review: 'accepted' })),
        });
        await this.ledger('expense_accepted', accepted, round.acceptedOn, reportId, `Expense report "${r.title}": ${lineRows.length} of ${lineRows.length} lines accepted`, this.csr);
        this.moveStatus(round.acceptedOn, grantStatusFor(this.status, this.money));
      }
    }
  }

  /** The year-end decision on what is left at the school; closes the grant when nothing remains of the award. */
  async settle(on: string, note: string): Promise<bigint> {
    const left = balanceAtSchool(this.money);
    this.add('returned', left);
    await this.ledger('returned', left, on, null, note, this.csr);
    this.audit(this.csr, at(on), 'update', 'grant', this.grantId, {
      settlement: { returned: left.toString(), carriedOver: '0', settledOn: on, note },
      balanceAtSchool: { from: left.toString(), to: '0' },
    });
    if (balanceAtSchool(this.money) === 0n && this.money.disbursed === this.money.awarded) this.moveStatus(on, 'closed');
    return left;
  }

  /** Writes the running totals and status the history arrived at, and its audit lines in order. */
  async finish(): Promise<void> {
    await this.manager.update(
      Grant,
      { id: this.grantId },
      {
        disbursedAmount: this.money.disbursed,
        acceptedAmount: this.money.accepted,
        returnedAmount: this.money.returned,
        carriedOverAmount: this.money.carriedOver,
        status: this.status,
      },
    );
    // One statement, so the ids (the tie-breaker of equal times) follow the order of the story.
    await this.manager.insert(AuditEvent, this.audits as Array<QueryDeepPartialEntity<AuditEvent>>);
  }
}

async function demoUser(manager: EntityManager, role: 'csr_officer' | 'principal'): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === role)?.email;
  if (!email) throw new Error(`the demo has no ${role}`);
  return manager.findOneOrFail(User, { where: { email } });
}

/** Inserts a grant for a plan (whose award fits the year's envelope) and starts its book. */
async function newGrant(manager: EntityManager, id: string, plan: DemoPlan, year: number, lines: PlanBudgetLine[], csr: User, principal: User, awardedOn: string): Promise<DemoGrantBook> {
  const awarded = lines.reduce((s, l) => s + BigInt(l.total), 0n);
  const room = BigInt(plan.budgetEnvelope) - BigInt(plan.committed);
  if (awarded > room) throw new Error(`demo:grants: the ${year} award of ${awarded} does not fit the year's envelope (room ${room})`);
  const fields = {
    id,
    planId: plan.id,
    schoolId: DEMO_IDS.pelambuan4,
    programYearId: plan.programYearId,
    partnershipId: plan.partnershipId,
    companyId: DEMO_IDS.trakindo,
    awardedAmount: awarded.toString(),
    fundedBudgetLineIds: lines.map((l) => l.id),
    conditions: [
      'Setiap belanja disertai nota atau kuitansi yang diunggah bersama laporan pengeluaran.',
      'Termin berikutnya dicairkan setelah laporan pengeluaran termin sebelumnya diterima.',
      'Sisa dana yang tidak terpakai dikembalikan kepada perusahaan paling lambat 15 Desember.',
    ],
    requireReportBeforeNextTranche: true,
    status: 'awarded' as const,
    awardedByUserId: csr.id,
  };
  await manager.insert(Grant, { ...fields, createdAt: at(awardedOn, AWARD_TIME), updatedAt: at(awardedOn, AWARD_TIME) });
  const book = new DemoGrantBook(manager, id, awarded, csr, principal);
  const { id: _id, ...audited } = fields;
  await book.award(awardedOn, audited);
  return book;
}

/**
 * SDN Pelambuan 4's stimulus grants. 2024: awarded for the plan's stimulus lines, paid in two
 * tranches; the first report accepted, the second returned for unreadable receipts and accepted
 * after correction; the unspent rest returned at year end and the grant closed. 2025: one tranche
 * paid and a report submitted, waiting for the CSR officer's review. Runs after the plans step:
 * it finds the plans by school and year, and fails loudly without them.
 */
export const grantsDemoStep: DemoStep = {
  name: 'demo:grants',
  async run(manager) {
    const csr = await demoUser(manager, 'csr_officer');
    const principal = await demoUser(manager, 'principal');

    const plan2024 = await findPlan(manager, 2024);
    const lines2024 = stimulusLines(plan2024, 2024);
    const g2024 = await newGrant(manager, GRANT_DEMO_IDS.grant2024, plan2024, 2024, lines2024, csr, principal, '2024-03-01');
    const award2024 = lines2024.reduce((s, l) => s + BigInt(l.total), 0n);
    const tranche1 = share(award2024, 60);
    const t1 = await g2024.tranche('2024-03-04', tranche1, 'TRK/CSR/2024/0311', 'Termin pertama: 60% dari nilai hibah');
    const firstSpend = share(tranche1, 90);
    await g2024.report({
      title: 'Laporan termin 1: Maret–Mei 2024',
      trancheNumber: t1,
      createdOn: '2024-05-14',
      lines: spread(lines2024, firstSpend).map((x, i) => ({ spentOn: `2024-0${3 + (i % 3)}-1${i % 10}`, description: `Belanja ${x.line.item}`, line: x.line, amount: x.amount })),
      rounds: [{ submittedOn: '2024-05-20', acceptedOn: '2024-05-27' }],
    });
    const t2 = await g2024.tranche('2024-06-10', award2024 - tranche1, 'TRK/CSR/2024/0642', 'Termin kedua sekaligus terakhir');
    // The school spends all but about 2.5% of the award.
    const secondSpend = award2024 - firstSpend - share(award2024, 2) - share(award2024, 1) / 2n;
    const secondLines = spread(lines2024, secondSpend);
    await g2024.report({
      title: 'Laporan termin 2: Juni–November 2024',
      trancheNumber: t2,
      createdOn: '2024-10-08',
      lines: secondLines.map((x, i) => ({ spentOn: `2024-${String(7 + (i % 4)).padStart(2, '0')}-2${i % 8}`, description: `Belanja ${x.line.item} (semester 2)`, line: x.line, amount: x.amount })),
      rounds: [
        { submittedOn: '2024-10-15', returnedOn: '2024-10-22', returnReason: 'Dua kuitansi tidak terbaca dan satu kuitansi tidak bertanggal: unggah hasil pindaian yang lebih jelas, lalu kirim ulang.', rejectLine: 0 },
        { submittedOn: '2024-11-04', acceptedOn: '2024-11-11' },
      ],
    });
    await g2024.settle('2024-12-16', 'Evaluasi akhir tahun: sisa dana hibah 2024 yang tidak terpakai telah ditransfer kembali ke PT Trakindo Utama (TRK/RET/2024/0091).');
    await g2024.finish();

    const plan2025 = await findPlan(manager, 2025);
    const lines2025 = stimulusLines(plan2025, 2025);
    const g2025 = await newGrant(manager, GRANT_DEMO_IDS.grant2025, plan2025, 2025, lines2025, csr, principal, '2025-03-03');
    const award2025 = lines2025.reduce((s, l) => s + BigInt(l.total), 0n);
    const first2025 = share(award2025, 50);
    const t2025 = await g2025.tranche('2025-03-03', first2025, 'TRK/CSR/2025/0307', 'Termin pertama: separuh dari nilai hibah');
    await g2025.report({
      title: 'Laporan termin 1: Maret–Juni 2025',
      trancheNumber: t2025,
      createdOn: '2025-06-16',
      lines: spread(lines2025, share(first2025, 80)).map((x, i) => ({ spentOn: `2025-0${4 + (i % 3)}-1${i % 10}`, description: `Belanja ${x.line.item}`, line: x.line, amount: x.amount })),
      rounds: [{ submittedOn: '2025-06-20' }],
    });
    await g2025.finish();
  },
};
