import { AcceptLanguage, AcceptHeader } from '../common/http/request-headers.decorator';
import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { Allow, CurrentActor } from '../common/auth/decorators';
import { Permission } from '../common/auth/permissions';
import { pickLanguage } from '../common/errors/i18n';
import { ApiProblems } from '../common/http/api-problems';
import { UuidPipe } from '../common/http/uuid.pipe';
import { attachmentDisposition } from '../documents/content-type';
import { PortfolioHealthResponse } from './dto/health.response';
import { PortfolioReportResponse } from './dto/portfolio-report.response';
import { ChartQuery, HealthQuery, PortfolioQuery, RegionQuery, SummaryQuery } from './dto/report-queries';
import { RegionReportResponse } from './dto/region-report.response';
import { XLSX_MEDIA_TYPE } from './export/report-files';
import type { ReportFile } from './export/report-files';
import { ReportOutputsService, reportOutput } from './report-outputs.service';
import { CHART_NAMES } from './reports.service';

/** A generated file as the response body, offered for download. */
export function sendFile<T extends object>(result: T | ReportFile): T | StreamableFile {
  if (!('content' in result && 'filename' in result && 'contentType' in result)) return result;
  const file = result as ReportFile;
  return new StreamableFile(file.content, { type: file.contentType, disposition: attachmentDisposition(file.filename), length: file.content.length });
}

const FORMATS =
  'JSON by default; `?format=csv` or `xlsx` (or an Accept header of text/csv or ' +
  XLSX_MEDIA_TYPE +
  ') gives the same figures as a file, `?locale=id` in Bahasa Indonesia with Indonesian number and date formatting.';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly outputs: ReportOutputsService) {}

  @Get('portfolio')
  @Allow(Permission.ReportsPortfolio)
  @ApiOperation({
    summary: 'How a program is doing this year, and over the years (CSR officer of its company, or admin)',
    description:
      "The year's cohort by province; MoUs active, expiring within 90 days and expired; plans by status and late ones; grant money (awarded, disbursed, accepted, balance at schools) and missing expense reports; " +
      'mentoring sessions and hours done vs planned, unconfirmed sessions, schools without contact in 60 days and overdue follow-ups; training participants and mean gain; competition entries and results; ' +
      'and the same figures for every program year since the program began. Definitions: docs/reports-guide.md. Another company\'s program answers 404. ' +
      FORMATS,
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: PortfolioReportResponse })
  @ApiProblems(404, 422)
  async portfolio(@CurrentActor() actor: Actor, @Query() query: PortfolioQuery, @AcceptHeader() accept?: string, @AcceptLanguage() language?: string) {
    return sendFile(await this.outputs.portfolio(actor, query.programId, query.year, reportOutput(query, accept, language)));
  }

  @Get('portfolio/health')
  @Allow(Permission.ReportsPortfolio)
  @ApiOperation({
    summary: "The health of a program's partnerships, lowest score first, filtered, sorted and paged (CSR officer of its company, or admin)",
    description:
      'For each active or paused partnership a score from 100 down, with the reasons that took points off: mou_lapsed 30, mou_expiring 15, plan_late 15, expense_report_overdue 15, no_contact_60_days 20, ' +
      'overdue_followups 5 each up to 15, falling_indicators 10. The points of the reasons add up to 100 − score. Reasons in the language of `locale` or Accept-Language. ' +
      'Filter by `reason`, `band` or `q` (school name or NPSN), order by `sort`; JSON answers one page (`limit`, `cursor` → `nextCursor`) with the counts by band and reason of the whole program and how many match; files hold every matching partnership. ' +
      FORMATS,
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: PortfolioHealthResponse })
  @ApiProblems(404, 422)
  async health(@CurrentActor() actor: Actor, @Query() query: HealthQuery, @AcceptHeader() accept?: string, @AcceptLanguage() language?: string) {
    const { reason, band, q, sort, limit, cursor } = query;
    return sendFile(await this.outputs.health(actor, query.programId, reportOutput(query, accept, language), { reason, band, q, sort }, { limit, cursor }));
  }

  @Get('portfolio/charts/:name')
  @Allow(Permission.ReportsPortfolio)
  @ApiOperation({
    summary: `A portfolio chart as SVG or PNG: ${CHART_NAMES.join(', ')}`,
    description:
      'grant-money-by-year: awarded, disbursed and accepted spending per year (million rupiah); cohort-by-year-province: schools in each year\'s cohort, stacked by province; ' +
      "mentoring-hours: hours done vs planned per year; competition-scores: each published entry's mean judge score per year with the year's mean. Titles, axes and legends in English or Bahasa Indonesia (`locale`).",
  })
  @ApiProduces('image/svg+xml', 'image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The chart.' })
  @ApiProblems(404, 422)
  async chart(@CurrentActor() actor: Actor, @Param('name') name: string, @Query() query: ChartQuery, @AcceptHeader() accept?: string, @AcceptLanguage() language?: string) {
    const format = query.format ?? (/\bimage\/png\b/i.test(accept ?? '') ? 'png' : 'svg');
    return sendFile(await this.outputs.chart(actor, name, query.programId, format, query.locale ?? pickLanguage(language)));
  }

  @Get('region')
  @Allow(Permission.ReportsRegion)
  @ApiOperation({
    summary: 'Which schools of a region have partners, from whom, and where support is missing or duplicated (education office; admin any region)',
    description:
      "Schools of the jurisdiction with and without a partner in the year's cohort, partners per school, the schools with several partners, the companies active in the region, and plans, grants and mentoring by regency/city with the region's totals. " +
      'A region outside the caller\'s jurisdiction answers 404. With districtCode, every figure counts only the schools of that district (kecamatan); a district outside regionCode is a 422. ' +
      FORMATS,
  })
  @ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiOkResponse({ type: RegionReportResponse })
  @ApiProblems(404, 422)
  async region(@CurrentActor() actor: Actor, @Query() query: RegionQuery, @AcceptHeader() accept?: string, @AcceptLanguage() language?: string) {
    return sendFile(await this.outputs.region(actor, query.regionCode, query.districtCode, query.year, reportOutput(query, accept, language)));
  }

  @Get('partnerships/:id/summary.pdf')
  @Allow(Permission.PartnershipsRead)
  @ApiOperation({
    summary: 'A one-page PDF summary of a partnership, for the school planning documents and the company CSR report',
    description:
      'Who and since when, the MoU in force, the health score with its reasons, and each year: plan, grant money, mentoring, training gain and competition result, with totals. Anyone who may read the partnership; others 404.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The PDF.' })
  @ApiProblems(404, 422)
  async summary(@CurrentActor() actor: Actor, @Param('id', UuidPipe) id: string, @Query() query: SummaryQuery, @AcceptLanguage() language?: string) {
    return sendFile(await this.outputs.summary(actor, id, query.locale ?? pickLanguage(language)));
  }
}
