import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { AppError } from '../common/errors/app-error';
import { pickLanguage } from '../common/errors/i18n';
import type { Lang } from '../common/errors/i18n';
import { chartSpec } from './charts/chart-specs';
import { ChartRenderer } from './charts/chart-renderer';
import type { PortfolioHealthResponse } from './dto/health.response';
import type { PortfolioReportResponse } from './dto/portfolio-report.response';
import type { ChartFormat, ReportFormat, ReportLocale, ReportOutputQuery } from './dto/report-queries';
import type { RegionReportResponse } from './dto/region-report.response';
import type { SchoolTimelineResponse } from './dto/school-timeline.response';
import { reportFile, XLSX_MEDIA_TYPE } from './export/report-files';
import type { ReportFile } from './export/report-files';
import { healthTables, portfolioTables, regionTables, timelineTables } from './export/report-tables';
import { summaryPdf } from './export/summary-pdf';
import { CHART_NAMES, ReportsService } from './reports.service';
import type { ChartName, HealthView } from './reports.service';

/** How the caller asked for a report: the format and the language of files. */
export interface ReportOutput {
  format: ReportFormat;
  locale: ReportLocale;
}

/** The format of a report: ?format= first, then the Accept header (CSV or XLSX), JSON otherwise. */
export function reportOutput(query: ReportOutputQuery, accept?: string, acceptLanguage?: string): ReportOutput {
  const wants = (type: string) => (accept ?? '').toLowerCase().split(',').some((part) => part.trim().split(';')[0] === type);
  const format = query.format ?? (wants('text/csv') ? 'csv' : wants(XLSX_MEDIA_TYPE) ? 'xlsx' : 'json');
  return { format, locale: query.locale ?? pickLanguage(acceptLanguage) };
}

/** A name for files: lower case, ASCII letters and digits joined by dashes. */
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'report';

/**
 * The reports in every form they are given out in: JSON as the service builds it, CSV and XLSX
 * files from the same answer (so a file never shows other numbers than the JSON), charts as SVG or
 * PNG, and the one-page partnership PDF.
 */
@Injectable()
export class ReportOutputsService {
  constructor(
    private readonly reports: ReportsService,
    private readonly renderer: ChartRenderer,
  ) {}

  /** The portfolio report as JSON, CSV or XLSX. */
  async portfolio(actor: Actor, programId: string, year: number | undefined, out: ReportOutput): Promise<PortfolioReportResponse | ReportFile> {
    const report = await this.reports.portfolio(actor, programId, year);
    if (out.format === 'json') return report;
    return reportFile(portfolioTables(report), out.format, out.locale, `portfolio-${slug(report.program.name)}-${report.year}`);
  }

  /** Partnership health as JSON (one page) or CSV or XLSX (every matching partnership), filtered and ordered by `view`, reasons in the output's language. */
  async health(actor: Actor, programId: string, out: ReportOutput, view: HealthView = {}, page: { limit?: number; cursor?: string } = {}): Promise<PortfolioHealthResponse | ReportFile> {
    // JSON answers one page; a file every matching partnership.
    const report = await this.reports.health(actor, programId, out.locale, view, out.format === 'json' ? page : undefined);
    if (out.format === 'json') return report;
    return reportFile(healthTables(report), out.format, out.locale, `health-${slug(report.program.name)}-${report.asOf}`);
  }

  /** The region report as JSON, CSV or XLSX. */
  async region(actor: Actor, regionCode: string | undefined, districtCode: string | undefined, year: number | undefined, out: ReportOutput): Promise<RegionReportResponse | ReportFile> {
    const report = await this.reports.region(actor, regionCode, districtCode, year);
    if (out.format === 'json') return report;
    return reportFile(regionTables(report), out.format, out.locale, `region-${(report.district?.code ?? report.region.code).replaceAll('.', '-')}-${report.year}`);
  }

  /** A school's timeline as JSON, CSV or XLSX, its events told in the output's language. */
  async schoolTimeline(actor: Actor, schoolId: string, out: ReportOutput): Promise<SchoolTimelineResponse | ReportFile> {
    const report = await this.reports.schoolTimeline(actor, schoolId, out.locale);
    if (out.format === 'json') return report;
    return reportFile(timelineTables(report), out.format, out.locale, `timeline-${slug(report.school.name)}`);
  }

  /** A portfolio chart as SVG or PNG, titled and labelled in `lang`. */
  async chart(actor: Actor, name: string, programId: string, format: ChartFormat, lang: Lang): Promise<ReportFile> {
    if (!(CHART_NAMES as readonly string[]).includes(name)) {
      throw AppError.field('name', 'unknown_chart', `name must be one of ${CHART_NAMES.join(', ')}`, `name harus salah satu dari ${CHART_NAMES.join(', ')}`);
    }
    const data = await this.reports.chartData(actor, name as ChartName, programId);
    const spec = chartSpec(data, lang);
    const base = `${name}-${slug(data.program.name)}-${lang}`;
    if (format === 'png') return { content: await this.renderer.png(spec), contentType: 'image/png', filename: `${base}.png` };
    return { content: Buffer.from(await this.renderer.svg(spec), 'utf8'), contentType: 'image/svg+xml', filename: `${base}.svg` };
  }

  /** The one-page summary of a partnership as a PDF. */
  async summary(actor: Actor, partnershipId: string, lang: Lang): Promise<ReportFile> {
    const data = await this.reports.partnershipSummary(actor, partnershipId, lang);
    const p = data.partnership;
    return { content: await summaryPdf(data, lang), contentType: 'application/pdf', filename: `${lang === 'id' ? 'ringkasan' : 'summary'}-${slug(p.companyName)}-${slug(p.schoolName)}.pdf` };
  }
}
