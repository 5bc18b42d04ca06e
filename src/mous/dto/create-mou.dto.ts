import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MOU_PARTY_ROLES } from '../mou-status';
import type { MouPartyRole } from '../mou-status';

/** Trims a string so that a blank one counts as empty. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD field that must be a real calendar date. */
export function IsCalendarDate(field: string): PropertyDecorator {
  return (target, key) => {
    Matches(DATE_PATTERN, { message: `${field} must be a date like 2024-03-01` })(target, key);
    IsISO8601({ strict: true }, { message: `${field} must be a real calendar date like 2024-03-01` })(target, key);
  };
}

export const MAX_PARTIES = 10;
export const MAX_OBLIGATIONS = 100;

/** One organisation that is party to the MoU. */
export class MouPartyDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({
    enum: MOU_PARTY_ROLES,
    example: 'first_party',
    description:
      "first_party: the partnership's company; second_party: its school; witness: an education office whose jurisdiction covers the school; supporting: a facilitator organisation that works in the partnership's program.",
  })
  @IsIn(MOU_PARTY_ROLES)
  role: MouPartyRole;

  @ApiPropertyOptional({ example: true, default: true, description: 'Whether the MoU waits for this party to sign. Always true for the first and second party.' })
  @IsOptional()
  @IsBoolean()
  signatureRequired?: boolean;
}

/** One obligation of a party. */
export class MouObligationDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000101', description: 'The party that owes it: one of the parties.' })
  @IsUUID()
  ownerOrganizationId: string;

  @ApiProperty({ example: 'Provide an annual stimulus grant for the school innovation program.', maxLength: 2000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ example: '2025-06-30', nullable: true, type: String, description: "When it is due (YYYY-MM-DD), inside the MoU's period." })
  @IsOptional()
  @IsCalendarDate('dueDate')
  dueDate?: string;
}

/** A new MoU for a partnership; it starts as a draft. */
export class CreateMouDto {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000901', description: 'A partnership of your company (GET /api/v1/partnerships).' })
  @IsUUID()
  partnershipId: string;

  @ApiProperty({ example: '005/TU-CSR/MOU/III/2024', maxLength: 80, description: 'The agreement number; unique across the platform.' })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  number: string;

  @ApiProperty({ example: 'Nota Kesepahaman Program Generasi Trakindo 2024–2027', maxLength: 300 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Teacher training, literacy innovation and child-friendly school programs at SDN Pelambuan 4, with yearly planning workshops and mentoring.', maxLength: 10000 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  scope: string;

  @ApiProperty({ example: '2024-03-01', description: 'First day in force (YYYY-MM-DD).' })
  @IsCalendarDate('effectiveDate')
  effectiveDate: string;

  @ApiProperty({ example: '2027-02-28', description: 'Last day in force (YYYY-MM-DD); after the effective date.' })
  @IsCalendarDate('expiryDate')
  expiryDate: string;

  @ApiProperty({
    type: [MouPartyDto],
    description: "The partnership's company as first_party and its school as second_party; optionally witnesses (education offices covering the school) and supporting facilitators.",
    example: [
      { organizationId: '00000000-0000-4000-8000-000000000101', role: 'first_party' },
      { organizationId: '00000000-0000-4000-8000-000000000201', role: 'second_party' },
      { organizationId: '00000000-0000-4000-8000-000000000301', role: 'witness' },
      { organizationId: '00000000-0000-4000-8000-000000000401', role: 'supporting', signatureRequired: true },
    ],
  })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => MouPartyDto)
  parties: MouPartyDto[];

  @ApiPropertyOptional({ type: [MouObligationDto], default: [], description: 'What each party commits to, in order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OBLIGATIONS)
  @ValidateNested({ each: true })
  @Type(() => MouObligationDto)
  obligations?: MouObligationDto[];
}
