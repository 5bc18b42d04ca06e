import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAIL_DELIVERIES } from '../mail-preference.entity';
import type { MailDelivery } from '../mail-preference.entity';

const DELIVERY = 'immediately: each message is sent when it happens; digest: gathered in one e-mail a day; off: no e-mail (the in-app notification stays).';

/** The caller's e-mail choices, one per category. */
export class MailPreferencesResponse {
  @ApiProperty({ enum: MAIL_DELIVERIES, example: 'immediately', description: `Plans: submitted for review, changes requested, approved. ${DELIVERY}` })
  plans: MailDelivery;

  @ApiProperty({ enum: MAIL_DELIVERIES, example: 'immediately', description: 'Money: a grant tranche recorded, an expense report returned.' })
  money: MailDelivery;

  @ApiProperty({ enum: MAIL_DELIVERIES, example: 'digest', description: 'Mentoring: a session to confirm, a follow-up overdue.' })
  mentoring: MailDelivery;

  @ApiProperty({ enum: MAIL_DELIVERIES, example: 'immediately', description: 'MoUs: expiring in 90, 30 or 7 days, expired.' })
  mous: MailDelivery;

  @ApiProperty({ enum: MAIL_DELIVERIES, example: 'off', description: 'Competitions: results published.' })
  competitions: MailDelivery;

  @ApiProperty({ enum: ['immediately'], example: 'immediately', description: 'Security (invitations, password resets): always sent at once; cannot be changed.' })
  security: 'immediately';
}

/** A change of some of the caller's e-mail choices; categories left out stay as they are. */
export class UpdateMailPreferencesDto {
  @ApiPropertyOptional({ enum: MAIL_DELIVERIES, example: 'digest', description: DELIVERY })
  @IsOptional()
  @IsIn(MAIL_DELIVERIES)
  plans?: MailDelivery;

  @ApiPropertyOptional({ enum: MAIL_DELIVERIES, example: 'immediately' })
  @IsOptional()
  @IsIn(MAIL_DELIVERIES)
  money?: MailDelivery;

  @ApiPropertyOptional({ enum: MAIL_DELIVERIES, example: 'digest' })
  @IsOptional()
  @IsIn(MAIL_DELIVERIES)
  mentoring?: MailDelivery;

  @ApiPropertyOptional({ enum: MAIL_DELIVERIES, example: 'immediately' })
  @IsOptional()
  @IsIn(MAIL_DELIVERIES)
  mous?: MailDelivery;

  @ApiPropertyOptional({ enum: MAIL_DELIVERIES, example: 'off' })
  @IsOptional()
  @IsIn(MAIL_DELIVERIES)
  competitions?: MailDelivery;
}

const TOKEN_EXAMPLE = '00000000-0000-4000-8000-000000000003.plans.kY0cX3l9Qe2bVt1mN8rS6wZ4uH7aJ5dF0gP2iL9oE3c';

/** An unsubscribe link's token. */
export class UnsubscribeDto {
  @ApiProperty({ example: TOKEN_EXAMPLE, description: 'The `token` of the unsubscribe link in the e-mail.' })
  @IsString()
  @MaxLength(200)
  token: string;
}

/** What an unsubscribe link does (GET: will do; POST: did). */
export class UnsubscribeResponse {
  @ApiProperty({ enum: ['plans', 'money', 'mentoring', 'mous', 'competitions', 'digest'], example: 'plans', description: 'What the link names: one category, or digest (every category gathered in the daily digest).' })
  scope: string;

  @ApiProperty({ type: [String], example: ['plans'], description: 'The categories turned off (POST), or that would be (GET).' })
  categories: string[];

  @ApiProperty({ example: 'k****@sekolah.example', description: 'The address the e-mails go to, partly hidden.' })
  email: string;

  @ApiProperty({ example: false, description: 'false: nothing changed yet (GET); true: the categories are now off (POST).' })
  done: boolean;
}
