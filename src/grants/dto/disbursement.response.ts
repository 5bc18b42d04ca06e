import { ApiProperty } from '@nestjs/swagger';
import type { DisbursementRow } from '../grants.repository';
import { GrantUserResponse } from './grant.response';

/** One tranche paid to the school, or the reversal of a mistaken one. */
export class DisbursementResponse {
  @ApiProperty({ example: '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59' })
  id: string;

  @ApiProperty({ example: '00000000-0000-4000-8000-000000000c25' })
  grantId: string;

  @ApiProperty({ enum: ['tranche', 'reversal'], example: 'tranche' })
  kind: 'tranche' | 'reversal';

  @ApiProperty({ example: 1, description: "1, 2, 3… for tranches; the reversed tranche's number for a reversal." })
  trancheNumber: number;

  @ApiProperty({ example: '25000000', description: 'Whole rupiah, always positive; a reversal takes it off the disbursed total.' })
  amount: string;

  @ApiProperty({ example: '2026-03-02' })
  disbursedOn: string;

  @ApiProperty({ example: 'TRF-2026-03-0142' })
  transferReference: string;

  @ApiProperty({ nullable: true, type: String, example: 'First tranche.' })
  note: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'For a reversal: the tranche it reverses.' })
  reversesId: string | null;

  @ApiProperty({ nullable: true, type: String, example: null, description: 'For a tranche: the reversal that undid it, if any.' })
  reversedById: string | null;

  @ApiProperty({ type: GrantUserResponse, description: 'Who recorded it.' })
  recordedBy: GrantUserResponse;

  @ApiProperty({ example: '2026-03-02T03:00:00.000Z' })
  createdAt: string;

  static from(this: void, d: DisbursementRow): DisbursementResponse {
    return {
      id: d.id,
      grantId: d.grantId,
      kind: d.kind,
      trancheNumber: d.trancheNumber,
      amount: d.amount,
      disbursedOn: d.disbursedOn,
      transferReference: d.transferReference,
      note: d.note,
      reversesId: d.reversesId,
      reversedById: d.reversedById,
      recordedBy: { id: d.recordedByUserId, fullName: d.recordedByName },
      createdAt: d.createdAt.toISOString(),
    };
  }
}

/** The disbursements of a grant, in the order they were recorded (a grant has a handful: not paged). */
export class DisbursementListResponse {
  @ApiProperty({ type: [DisbursementResponse] })
  items: DisbursementResponse[];
}
