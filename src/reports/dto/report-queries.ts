import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination/pagination';
import { says } from '../../common/errors/validation';
import { DISTRICT_CODE_PATTERN } from '../../organizations/organization-type';
import { HEALTH_BANDS, HEALTH_REASON_CODES } from '../health';
import type { HealthBand, HealthReasonCode } from '../health';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LOCALES = ['en', 'id'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export const CHART_FORMATS = ['svg', 'png'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** `format` and `locale` of every report. */
export class ReportOutputQuery {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    example: 'csv',
    description: 'json (default), csv or xlsx. Without it, an Accept header of text/csv or of the XLSX media type picks the file format.',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({
    enum: REPORT_LOCALES,
    example: 'id',
    description:
      'Labels and formatting of CSV and XLSX files: en (default; plain numbers such as 1234567.5, ISO dates) or id (Bahasa Indonesia; 1.234.567,5, dd/mm/yyyy, semicolon-separated CSV). Without it, Accept-Language decides. Health reasons follow it in JSON too.',
  })
  @IsOptional()
  @IsIn(REPORT_LOCALES)
  locale?: ReportLocale;
}

/** A calendar year a report is about. */
class YearField extends ReportOutputQuery {
  @ApiPropertyOptional({ example: 2026, minimum: 1990, maximum: 2100, description: "The year of the figures; default the current year (today's, UTC)." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}

/** GET /reports/portfolio. */
export class PortfolioQuery extends YearField {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801', description: "The company's program." })
  @IsUUID()
  programId: string;
}

export const HEALTH_SORTS = ['score', '-score', 'school', '-school'] as const;
export type HealthSort = (typeof HEALTH_SORTS)[number];

/** GET /reports/portfolio/health: the program, filters, order and page. */
export class HealthQuery extends ReportOutputQuery {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  @IsUUID()
  programId: string;

  @ApiPropertyOptional({ enum: HEALTH_REASON_CODES, example: 'no_contact_60_days', description: 'Only partnerships with this reason (e.g. no_contact_60_days, plan_late, expense_report_overdue, mou_expiring).' })
  @IsOptional()
  @IsIn(HEALTH_REASON_CODES)
  reason?: HealthReasonCode;

  @ApiPropertyOptional({ enum: HEALTH_BANDS, example: 'at_risk', description: 'Only partnerships in this band.' })
  @IsOptional()
  @IsIn(HEALTH_BANDS)
  band?: HealthBand;

  @ApiPropertyOptional({ example: 'Pelambuan', description: "Part of the school's name, or its NPSN." })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: HEALTH_SORTS,
    default: 'score',
    example: 'score',
    description: 'score (lowest first; the default), -score (highest first), school (A–Z) or -school (Z–A); ties by school name.',
  })
  @IsOptional()
  @IsIn(HEALTH_SORTS)
  sort?: HealthSort;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: 20, description: 'Page size of the JSON answer, at most 100. Files (CSV, XLSX) hold every matching partnership.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page; leave out for the first page.', example: 'WzM1LCJTRE4gUGVsYW1idWFuIDQiLCIzZjJhIl0' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** GET /reports/region. */
export class RegionQuery extends YearField {
  @ApiPropertyOptional({
    example: '63',
    description: "A province (63) or regency/city (63.71) code. Education officers: default their office's jurisdiction, and only regions inside it; admins must give one.",
  })
  @IsOptional()
  @Matches(/^[0-9]{2}([.][0-9]{2})?$/)
  regionCode?: string;

  @ApiPropertyOptional({
    example: '63.71.03',
    description: 'Narrows the report to the schools of one district (kecamatan) inside the region, e.g. 63.71.03 (Banjarmasin Barat). See GET /api/v1/regions?regencyCode=63.71.',
  })
  @IsOptional()
  @Matches(DISTRICT_CODE_PATTERN, { message: says('must be a district (kecamatan) code like 63.71.03', 'harus berupa kode kecamatan seperti 63.71.03') })
  districtCode?: string;
}

/** GET /schools/{id}/timeline. */
export class TimelineQuery extends ReportOutputQuery {}

/** GET /reports/portfolio/charts/{name}. */
export class ChartQuery {
  @ApiProperty({ example: '00000000-0000-4000-8000-000000000801' })
  @IsUUID()
  programId: string;

  @ApiPropertyOptional({ enum: CHART_FORMATS, example: 'png', description: 'svg (default) or png. Without it, Accept: image/png picks PNG.' })
  @IsOptional()
  @IsIn(CHART_FORMATS)
  format?: ChartFormat;

  @ApiPropertyOptional({ enum: REPORT_LOCALES, example: 'id', description: 'Language of titles, axes and legends, and number formatting; default from Accept-Language.' })
  @IsOptional()
  @IsIn(REPORT_LOCALES)
  locale?: ReportLocale;
}

/** GET /reports/partnerships/{id}/summary.pdf. */
export class SummaryQuery {
  @ApiPropertyOptional({ enum: REPORT_LOCALES, example: 'id', description: 'Language of the page; default from Accept-Language.' })
  @IsOptional()
  @IsIn(REPORT_LOCALES)
  locale?: ReportLocale;
}
