/** awarded → disbursing → fully_disbursed → reporting → closed, or cancelled. */
export const GRANT_STATUSES = ['awarded', 'disbursing', 'fully_disbursed', 'reporting', 'closed', 'cancelled'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** draft → submitted → accepted, or returned for correction (then submitted again). */
export const EXPENSE_REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ExpenseReportStatus = (typeof EXPENSE_REPORT_STATUSES)[number];

/** Every kind of money movement the ledger records. */
export const LEDGER_KINDS = ['award', 'award_change', 'tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over', 'cancelled'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A refused step, explained in both languages with what to do instead. */
export interface Refusal {
  en: string;
  id: string;
}

/** The running totals of a grant, in whole rupiah (digit strings, as the bigint columns hold them). */
export interface GrantMoney {
  awarded: string;
  /** Net of reversals: tranches minus reversals. */
  disbursed: string;
  accepted: string;
  returned: string;
  carriedOver: string;
}

/** Sum of digit strings, with BigInt only. */
export function sumRupiah(amounts: Iterable<string | bigint>): bigint {
  let total = 0n;
  for (const a of amounts) total += typeof a === 'bigint' ? a : BigInt(a);
  return total;
}

/** Money disbursed and not yet accounted for: what the school still holds of the grant. */
export function balanceAtSchool(m: GrantMoney): bigint {
  return BigInt(m.disbursed) - accountedFor(m);
}

/** Money accounted for: accepted as spent, returned, or carried over. */
export function accountedFor(m: GrantMoney): bigint {
  return BigInt(m.accepted) + BigInt(m.returned) + BigInt(m.carriedOver);
}

/** What is left of the award to disburse. */
export function undisbursed(m: GrantMoney): bigint {
  return BigInt(m.awarded) - BigInt(m.disbursed);
}

/**
 * Whether the totals keep every money rule: nothing negative, disbursed ≤ awarded, accepted ≤
 * disbursed, accepted + returned + carried over ≤ disbursed (the same rules as the CHECK constraints
 * on grants).
 */
export function moneyHolds(m: GrantMoney): boolean {
  const [awarded, disbursed, accepted, returned, carried] = [m.awarded, m.disbursed, m.accepted, m.returned, m.carriedOver].map((v) => BigInt(v));
  return awarded > 0n && disbursed >= 0n && accepted >= 0n && returned >= 0n && carried >= 0n && disbursed <= awarded && accepted <= disbursed && accepted + returned + carried <= disbursed;
}

/** A grant that is cancelled or closed never changes again. */
export function isGrantFinal(status: GrantStatus): boolean {
  return status === 'cancelled' || status === 'closed';
}

/**
 * The status the money says a live grant is in: awarded while nothing is disbursed (net of
 * reversals), disbursing while part of the award is, fully_disbursed once all of it is, reporting
 * once it is all disbursed and spending has been accepted (or money settled). A reversal can move a
 * grant back (fully_disbursed → disbursing). Cancelled and closed are final and stay as they are:
 * only an explicit cancellation or settlement gets there.
 */
export function grantStatusFor(current: GrantStatus, m: GrantMoney): GrantStatus {
  if (isGrantFinal(current)) return current;
  const disbursed = BigInt(m.disbursed);
  if (disbursed === 0n) return 'awarded';
  if (disbursed < BigInt(m.awarded)) return 'disbursing';
  return accountedFor(m) > 0n ? 'reporting' : 'fully_disbursed';
}

/** What the company and the school do to a grant. */
export const GRANT_ACTIONS = ['change', 'cancel', 'disburse', 'reverse', 'report', 'review', 'settle'] as const;
export type GrantAction = (typeof GRANT_ACTIONS)[number];

/** The statuses each action may start from (the money rules are checked on top). */
export const GRANT_ACTION_FROM: Record<GrantAction, readonly GrantStatus[]> = {
  change: ['awarded'],
  cancel: ['awarded', 'disbursing', 'fully_disbursed', 'reporting'],
  disburse: ['awarded', 'disbursing', 'fully_disbursed', 'reporting'],
  reverse: ['awarded', 'disbursing', 'fully_disbursed', 'reporting'],
  report: ['awarded', 'disbursing', 'fully_disbursed', 'reporting'],
  review: ['awarded', 'disbursing', 'fully_disbursed', 'reporting'],
  settle: ['disbursing', 'fully_disbursed', 'reporting'],
};

const ACTION_TEXT: Record<GrantAction, Refusal> = {
  change: { en: 'the grant can no longer be changed', id: 'hibah tidak dapat diubah lagi' },
  cancel: { en: 'the grant cannot be cancelled', id: 'hibah tidak dapat dibatalkan' },
  disburse: { en: 'no tranche can be disbursed', id: 'tidak ada termin yang dapat dicairkan' },
  reverse: { en: 'no disbursement can be reversed', id: 'tidak ada pencairan yang dapat dibatalkan' },
  report: { en: 'expense reports can no longer be written', id: 'laporan pengeluaran tidak dapat ditulis lagi' },
  review: { en: 'expense reports can no longer be reviewed', id: 'laporan pengeluaran tidak dapat ditinjau lagi' },
  settle: { en: 'nothing can be settled', id: 'tidak ada yang dapat diselesaikan' },
};

const WHY: Record<GrantStatus, Refusal> = {
  awarded: { en: 'nothing has been disbursed yet', id: 'belum ada dana yang dicairkan' },
  disbursing: { en: 'money has already been disbursed', id: 'dana sudah mulai dicairkan' },
  fully_disbursed: { en: 'money has already been disbursed', id: 'dana sudah dicairkan' },
  reporting: { en: 'money has already been disbursed', id: 'dana sudah dicairkan' },
  closed: { en: 'the grant is closed: its money is fully accounted for', id: 'hibah sudah ditutup: seluruh dananya sudah dipertanggungjawabkan' },
  cancelled: { en: 'the grant is cancelled', id: 'hibah sudah dibatalkan' },
};

const WHAT_TO_DO: Partial<Record<GrantAction, Partial<Record<GrantStatus, Refusal>>>> = {
  change: {
    disbursing: { en: 'changes are only possible before the first disbursement', id: 'perubahan hanya dapat dilakukan sebelum pencairan pertama' },
    fully_disbursed: { en: 'changes are only possible before the first disbursement', id: 'perubahan hanya dapat dilakukan sebelum pencairan pertama' },
    reporting: { en: 'changes are only possible before the first disbursement', id: 'perubahan hanya dapat dilakukan sebelum pencairan pertama' },
  },
  settle: {
    awarded: { en: 'cancel the grant instead if it will not be paid', id: 'batalkan hibah jika tidak akan dibayarkan' },
  },
};

/** Why `action` is refused on a grant in `status` (naming the state and what to do), or null when allowed. */
export function refuseGrantAction(action: GrantAction, status: GrantStatus): Refusal | null {
  if (GRANT_ACTION_FROM[action].includes(status)) return null;
  const why = WHY[status];
  const todo = WHAT_TO_DO[action]?.[status];
  return {
    en: `${ACTION_TEXT[action].en}: ${why.en} (status ${status})${todo ? `; ${todo.en}` : ''}`,
    id: `${ACTION_TEXT[action].id}: ${why.id} (status ${status})${todo ? `; ${todo.id}` : ''}`,
  };
}

/** The ledger kinds that move money at the school; award, award_change and cancelled only change the commitment. */
export const BALANCE_KINDS: readonly LedgerKind[] = ['tranche', 'reversal', 'expense_accepted', 'returned', 'carried_over'];

/** Whether a ledger entry of `kind` changes the balance at the school. */
export function movesBalance(kind: LedgerKind): boolean {
  return BALANCE_KINDS.includes(kind);
}

/**
 * The signed ledger amount of a movement of `amount` (positive) of `kind`, as it affects the
 * school: in (+) for an award and a tranche, out (−) for a reversal, accepted spending, a return, a
 * carry-over and the undisbursed award released by a cancellation. An award change carries its own
 * sign (the difference).
 */
export function ledgerAmount(kind: LedgerKind, amount: bigint): bigint {
  switch (kind) {
    case 'award':
    case 'tranche':
    case 'award_change':
      return amount;
    default:
      return -amount;
  }
}

/** A ledger entry as the running balance needs it. */
export interface LedgerMovement {
  kind: LedgerKind;
  /** Signed whole rupiah. */
  amount: string;
}

/**
 * The running totals after each entry, in order: the balance at the school (money movements only)
 * and the award still to disburse (the award and its changes, minus tranches, plus reversals, minus
 * what a cancellation released).
 */
export function runningBalances(entries: readonly LedgerMovement[]): Array<{ balanceAtSchool: bigint; undisbursed: bigint }> {
  let balance = 0n;
  let toDisburse = 0n;
  return entries.map((e) => {
    const amount = BigInt(e.amount);
    if (movesBalance(e.kind)) balance += amount;
    if (e.kind === 'award' || e.kind === 'award_change' || e.kind === 'cancelled') toDisburse += amount;
    if (e.kind === 'tranche' || e.kind === 'reversal') toDisburse -= amount;
    return { balanceAtSchool: balance, undisbursed: toDisburse };
  });
}

/** The expense report steps of the school and the company. */
export const EXPENSE_REPORT_ACTIONS = ['edit', 'submit', 'review'] as const;
export type ExpenseReportAction = (typeof EXPENSE_REPORT_ACTIONS)[number];

const REPORT_FROM: Record<ExpenseReportAction, readonly ExpenseReportStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  review: ['submitted'],
};

const REPORT_WHY: Record<ExpenseReportStatus, Refusal> = {
  draft: { en: 'the report is still a draft: the school has not submitted it', id: 'laporan masih draf: sekolah belum mengirimkannya' },
  submitted: { en: 'the report is submitted and waits for review', id: 'laporan sudah dikirim dan menunggu tinjauan' },
  accepted: { en: 'the report is accepted and final', id: 'laporan sudah diterima dan final' },
  returned: { en: 'the report was returned for correction', id: 'laporan dikembalikan untuk diperbaiki' },
};

const REPORT_ACTION_TEXT: Record<ExpenseReportAction, Refusal> = {
  edit: { en: 'the report cannot be changed', id: 'laporan tidak dapat diubah' },
  submit: { en: 'the report cannot be submitted', id: 'laporan tidak dapat dikirim' },
  review: { en: 'the report cannot be reviewed', id: 'laporan tidak dapat ditinjau' },
};

const REPORT_TODO: Partial<Record<ExpenseReportAction, Partial<Record<ExpenseReportStatus, Refusal>>>> = {
  edit: {
    submitted: { en: 'wait for the review; a returned report can be corrected', id: 'tunggu tinjauannya; laporan yang dikembalikan dapat diperbaiki' },
    accepted: { en: 'report further spending in a new expense report', id: 'laporkan pengeluaran lain dalam laporan pengeluaran baru' },
  },
  submit: {
    submitted: { en: 'it is already waiting for review', id: 'laporan sudah menunggu tinjauan' },
    accepted: { en: 'report further spending in a new expense report', id: 'laporkan pengeluaran lain dalam laporan pengeluaran baru' },
  },
  review: {
    draft: { en: 'wait until the school submits it', id: 'tunggu sampai sekolah mengirimkannya' },
    returned: { en: 'wait until the school corrects and submits it again', id: 'tunggu sampai sekolah memperbaiki dan mengirimkannya lagi' },
  },
};

/** Why an expense report step is refused in `status`, or null when allowed. */
export function refuseReportAction(action: ExpenseReportAction, status: ExpenseReportStatus): Refusal | null {
  if (REPORT_FROM[action].includes(status)) return null;
  const todo = REPORT_TODO[action]?.[status];
  return {
    en: `${REPORT_ACTION_TEXT[action].en}: ${REPORT_WHY[status].en} (status ${status})${todo ? `; ${todo.en}` : ''}`,
    id: `${REPORT_ACTION_TEXT[action].id}: ${REPORT_WHY[status].id} (status ${status})${todo ? `; ${todo.id}` : ''}`,
  };
}
