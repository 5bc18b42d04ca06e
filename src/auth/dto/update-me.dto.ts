import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LANGUAGES } from '../../common/errors/i18n';
import type { Lang } from '../../common/errors/i18n';

/** The signed-in user's own preferences. */
export class UpdateMeDto {
  @ApiProperty({ enum: LANGUAGES, example: 'en', description: 'The language to read the portal in: id (Bahasa Indonesia) or en (English).' })
  @IsIn(LANGUAGES)
  locale: Lang;
}
