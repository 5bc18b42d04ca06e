import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_KINDS } from '../grant-status';
import type { LedgerKind } from '../grant-status';
import { GrantUserResponse } from './grant.response';

/** One money movement of a grant, with the running totals after it. */
export class LedgerEntryResponse {
  @ApiProperty({ example: '42', description: 'Entries are numbered in the order they were recorded.' })
  id: string;

  @ApiProperty({ enum: LEDGER_KINDS, example: 'tranche' })
  kind: LedgerKind;

  @ApiProperty({
    example: '25000000',
    description:
      'Signed whole rupiah, as it affects the school: + the award and tranches; − reversals, accepted spending, returned and carried-over money, and the undisbursed award a cancellation releases. An award change is the difference.',
  })
  amount: string;

  @ApiProperty({ example: true, description: 'Whether it moves money at the school (tranche, reversal, accepted spending, return, carry-over); award entries change only the commitment.' })
  movesBalance: boolean;

  @ApiProperty({ example: '25000000', description: 'The balance at the school after this entry.' })
  balanceAtSchool: string;

  @ApiProperty({ example: '50000000', description: 'The award still to disburse after this entry.' })
  undisbursed: string;

  @ApiProperty({ example: '2026-03-02' })
  occurredOn: string;

  @ApiProperty({ nullable: true, type: String, example: '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59', description: 'The disbursement or expense report behind it.' })
  refId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Tranche 1, TRF-2026-03-0142' })
  note: string | null;

  @ApiProperty({ type: GrantUserResponse, description: 'Who recorded (or decided) it.' })
  recordedBy: GrantUserResponse;

  @ApiProperty({ example: '2026-03-02T03:00:00.000Z' })
  createdAt: string;
}

/** Planned against accepted spending for one funded budget line of the plan. */
export class BudgetLineActualResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1260005' })
  budgetLineId: string;

  @ApiProperty({ example: 'Buku bacaan anak' })
  item: string;

  @ApiProperty({ nullable: true, type: String, example: 'Pojok Literasi' })
  programTitle: string | null;

  @ApiProperty({ example: '30000000', description: "The line's total in the plan." })
  planned: string;

  @ApiProperty({ example: '4800000', description: 'Lines of submitted reports, awaiting review.' })
  pendingReview: string;

  @ApiProperty({ example: '24000000', description: 'Accepted spending.' })
  accepted: string;

  @ApiProperty({ example: '6000000', description: 'planned − accepted (negative when overspent against the plan).' })
  remaining: string;
}

/** How the grant's money adds up. */
export class ReconciliationResponse {
  @ApiProperty({ example: '75000000' })
  awarded: string;

  @ApiProperty({ example: '50000000', description: 'Tranches minus reversals.' })
  disbursed: string;

  @ApiProperty({ example: '0', description: 'Reversed tranches.' })
  reversed: string;

  @ApiProperty({ example: '47300000', description: 'Reported by the school: lines of submitted reports awaiting review plus accepted lines.' })
  reported: string;

  @ApiProperty({ example: '42500000' })
  accepted: string;

  @ApiProperty({ example: '0' })
  returned: string;

  @ApiProperty({ example: '0' })
  carriedOver: string;

  @ApiProperty({ example: '7500000', description: 'disbursed − accepted − returned − carried over.' })
  balanceAtSchool: string;

  @ApiProperty({ example: '25000000', description: 'awarded − disbursed.' })
  undisbursed: string;

  @ApiProperty({ example: '7500000', description: "The ledger's final running balance; always equal to balanceAtSchool." })
  ledgerBalance: string;

  @ApiProperty({ example: true, description: "Whether the ledger's sums equal the grant's totals (awarded, disbursed, accepted, returned, carried over, balance)." })
  balanced: boolean;

  @ApiProperty({ type: [BudgetLineActualResponse], description: 'Budget against actual for every budget line the grant funds.' })
  budgetLines: BudgetLineActualResponse[];
}

/** Every money movement of a grant in the order it was recorded, and the reconciliation. */
export class LedgerResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c25' })
  grantId: string;

  @ApiProperty({ type: [LedgerEntryResponse] })
  entries: LedgerEntryResponse[];

  @ApiProperty({ type: ReconciliationResponse })
  reconciliation: ReconciliationResponse;
}
