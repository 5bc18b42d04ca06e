import { ApiProperty } from '@nestjs/swagger';
import { balanceAtSchool, GRANT_STATUSES, undisbursed } from '../grant-status';
import type { GrantMoney, GrantStatus } from '../grant-status';
import type { GrantRow } from '../grants.repository';

/** An organisation named in a record. */
export class GrantPartyResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000201' })
  id: string;

  @ApiProperty({ example: 'SDN Pelambuan 4 Banjarmasin' })
  name: string;
}

/** The program year a grant belongs to. */
export class GrantYearResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000826' })
  id: string;

  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  programId: string;

  @ApiProperty({ example: 'Generasi Trakindo' })
  programName: string;
}

/** A user named in a record. */
export class GrantUserResponse {
  @ApiProperty({ example: '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69' })
  id: string;

  @ApiProperty({ nullable: true, type: String, example: 'Rina Marlina (CSR Officer, PT Trakindo Utama)' })
  fullName: string | null;
}

/** The money of a grant (whole rupiah, as digit strings). */
export class GrantMoneyResponse {
  @ApiProperty({ example: '75000000' })
  awardedAmount: string;

  @ApiProperty({ example: '50000000', description: 'Tranches minus reversals.' })
  disbursedAmount: string;

  @ApiProperty({ example: '42500000', description: 'Spending accepted from expense reports.' })
  acceptedAmount: string;

  @ApiProperty({ example: '0', description: 'Unspent money the school returned.' })
  returnedAmount: string;

  @ApiProperty({ example: '0', description: "Unspent money carried over to the school's next year." })
  carriedOverAmount: string;

  @ApiProperty({ example: '7500000', description: 'Disbursed and not yet accounted for: disbursed − accepted − returned − carried over.' })
  balanceAtSchool: string;

  @ApiProperty({ example: '25000000', description: 'Awarded and not yet disbursed: awarded − disbursed.' })
  undisbursedAmount: string;
}

/**
 * A grant as an education officer sees it: the school, the year, the amounts and the status only,
 * without its conditions, budget lines or people.
 */
export class GrantTotalsResponse extends GrantMoneyResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c25' })
  id: string;

  @ApiProperty({ type: GrantPartyResponse })
  school: GrantPartyResponse;

  @ApiProperty({ type: GrantPartyResponse, example: { id: '00000000-0000-4000-8000-000000000101', name: 'PT Trakindo Utama' } })
  company: GrantPartyResponse;

  @ApiProperty({ type: GrantYearResponse })
  programYear: GrantYearResponse;

  @ApiProperty({ enum: GRANT_STATUSES, example: 'disbursing', description: 'awarded → disbursing → fully_disbursed → reporting → closed, or cancelled. It follows the money.' })
  status: GrantStatus;

  @ApiProperty({ example: '2026-02-10T03:00:00.000Z' })
  createdAt: string;

  @ApiProperty({ example: '2026-03-02T03:00:00.000Z' })
  updatedAt: string;

  static from(this: void, g: GrantRow): GrantTotalsResponse {
    return {
      id: g.id,
      school: { id: g.schoolId, name: g.schoolName },
      company: { id: g.companyId, name: g.companyName },
      programYear: { id: g.programYearId, year: g.year, programId: g.programId, programName: g.programName },
      status: g.status,
      ...moneyOf(g),
      createdAt: g.createdAt.toISOString(),
      updatedAt: g.updatedAt.toISOString(),
    };
  }
}

/** The totals of a grant row, with the derived balance and undisbursed amount. */
export function moneyOf(g: Pick<GrantRow, 'awardedAmount' | 'disbursedAmount' | 'acceptedAmount' | 'returnedAmount' | 'carriedOverAmount'>): GrantMoneyResponse {
  const m: GrantMoney = { awarded: g.awardedAmount, disbursed: g.disbursedAmount, accepted: g.acceptedAmount, returned: g.returnedAmount, carriedOver: g.carriedOverAmount };
  return {
    awardedAmount: m.awarded,
    disbursedAmount: m.disbursed,
    acceptedAmount: m.accepted,
    returnedAmount: m.returned,
    carriedOverAmount: m.carriedOver,
    balanceAtSchool: balanceAtSchool(m).toString(),
    undisbursedAmount: undisbursed(m).toString(),
  };
}

/** A stimulus grant as the company, the school, its facilitator and admins see it. */
export class GrantResponse extends GrantTotalsResponse {
  @ApiProperty({ example: '00000000-0000-4000-8000-0000a1250000' })
  planId: string;

  @ApiProperty({ example: 'Rencana Program 2026: Sekolah Literasi' })
  planTitle: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901' })
  partnershipId: string;

  @ApiProperty({ type: [String], example: ['00000000-0000-4000-8000-0000a1260005'], description: "The plan's budget lines this grant funds." })
  fundedBudgetLineIds: string[];

  @ApiProperty({ type: [String], example: ['Receipts for every purchase'] })
  conditions: string[];

  @ApiProperty({ example: true, description: "A later tranche needs the previous tranche's expense report accepted first." })
  requireReportBeforeNextTranche: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  cancelledReason: string | null;

  @ApiProperty({ type: GrantUserResponse })
  awardedBy: GrantUserResponse;

  @ApiProperty({ example: 1, description: 'Send it back as `version` when you change the grant.' })
  version: number;

  static of(this: void, g: GrantRow): GrantResponse {
    return {
      ...GrantTotalsResponse.from(g),
      planId: g.planId,
      planTitle: g.planTitle,
      partnershipId: g.partnershipId,
      fundedBudgetLineIds: g.fundedBudgetLineIds,
      conditions: g.conditions,
      requireReportBeforeNextTranche: g.requireReportBeforeNextTranche,
      cancelledReason: g.cancelledReason,
      awardedBy: { id: g.awardedByUserId, fullName: g.awardedByName },
      version: g.version,
    };
  }
}
