import { Injectable } from '@nestjs/common';
import { ParentsReachedResponse } from '../parent-engagement/dto/parents-reached.response';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import type { Lang } from '../common/errors/i18n';
import type { TimelineYearResponse } from '../partnerships/dto/partnership-timeline.response';
import { PartnershipsService } from '../partnerships/partnerships.service';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../common/pagination/pagination';
import type { HealthCountsResponse, PortfolioHealthResponse, PartnershipHealthResponse } from './dto/health.response';
import type { HealthSort } from './dto/report-queries';
import type { PortfolioReportResponse, ReportProgramResponse, SeriesYearResponse } from './dto/portfolio-report.response';
import type { RegencyReportResponse, RegionReportResponse, RegionSchoolResponse } from './dto/region-report.response';
import type { SchoolTimelineResponse, SchoolTimelineYearResponse } from './dto/school-timeline.response';
import { HEALTH_BANDS, HEALTH_POINTS, HEALTH_REASON_CODES, scoreHealth } from './health';
import type { HealthBand, HealthReasonCode, HealthScore, HealthSignals } from './health';
import { readFacilities, readGrants, readMentoring, readPlans, readYearFigures } from './report-figures';
import type { YearFigures } from './report-figures';
import { coversRegion } from '../regions/jurisdiction';
import { ReportReader, ReportsRepository } from './reports.repository';
import type { CompetitionScoreRow, PartnershipFacts, ProgramFacts, RegencyFiguresRow, SeriesRow } from './reports.repository';

/** The day a year's figures are taken on: today for the current and later years, the year's last day before. */
export function asOfDay(year: number, today: string): string {
  const last = `${year}-12-31`;
  return today < last ? today : last;
}

const programOf = (p: ProgramFacts): ReportProgramResponse => ({ id: p.id, name: p.name, startYear: p.startYear, endYear: p.endYear, company: { id: p.companyId, name: p.companyName } });

/** Everything the one-page partnership summary shows. */
export interface PartnershipSummary {
  partnership: PartnershipFacts;
  today: string;
  series: Array<SeriesRow & { figures: YearFigures }>;
  /** Null when the partnership is neither active nor paused. */
  health: (HealthScore & { mouInForce: HealthSignals['mouInForce'] }) | null;
}

/** The filters and order of the health list. */
export interface HealthView {
  reason?: HealthReasonCode;
  band?: HealthBand;
  /** Part of the school's name, or its NPSN. */
  q?: string;
  sort?: HealthSort;
}

/** What a row of the health list is ordered by (a cursor holds the same three values). */
type HealthKey = Pick<PartnershipHealthResponse, 'score' | 'partnershipId'> & { school: { name: string } };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of `sort` as a total order: ties by school name, then by partnership id. */
export function healthOrder(sort: HealthSort): (a: HealthKey, b: HealthKey) => number {
  const byName = (a: HealthKey, b: HealthKey) => compareText(a.school.name, b.school.name) || compareText(a.partnershipId, b.partnershipId);
  switch (sort) {
    case 'score':
      return (a, b) => a.score - b.score || byName(a, b);
    case '-score':
      return (a, b) => b.score - a.score || byName(a, b);
    case 'school':
      return byName;
    case '-school':
      return (a, b) => byName(b, a);
  }
}

/** How many live partnerships are in each band and have each reason. */
function healthCounts(rows: PartnershipHealthResponse[]): HealthCountsResponse {
  const byBand = Object.fromEntries(HEALTH_BANDS.map((b) => [b, rows.filter((p) => p.band === b).length])) as Record<HealthBand, number>;
  const byReason = Object.fromEntries(HEALTH_REASON_CODES.map((c) => [c, rows.filter((p) => p.reasons.some((r) => r.code === c)).length])) as Record<HealthReasonCode, number>;
  return { partnerships: rows.length, byBand, byReason };
}

/** What a portfolio chart draws. */
export type ChartData =
  | { name: 'grant-money-by-year'; program: ReportProgramResponse; series: SeriesYearResponse[] }
  | { name: 'mentoring-hours'; program: ReportProgramResponse; series: SeriesYearResponse[] }
  | { name: 'cohort-by-year-province'; program: ReportProgramResponse; series: SeriesYearResponse[] }
  | { name: 'competition-scores'; program: ReportProgramResponse; rows: CompetitionScoreRow[] };

export const CHART_NAMES = ['grant-money-by-year', 'cohort-by-year-province', 'mentoring-hours', 'competition-scores'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/**
 * Assembles the reports from the repository's sections. Every figure comes from SQL; the service
 * only checks scope, picks the year and the day, and puts the sections together.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly partnerships: PartnershipsService,
    private readonly clock: Clock,
  ) {}

  /** The program if the caller may report on it; 404 for missing and not-yours alike. */
  private async program(r: ReportReader, actor: Actor, programId: string, year: number): Promise<ProgramFacts> {
    const program = await r.findProgram(actor, programId, year);
    if (!program) throw AppError.notFound('program', programId);
    return program;
  }

  private seriesYear(r: SeriesRow, today: string): SeriesYearResponse {
    const figures = readYearFigures(r);
    return {
      year: r.year,
      programYearId: r.programYearId,
      theme: r.theme,
      status: r.status,
      asOf: asOfDay(r.year, today),
      ...figures,
      cohort: { ...figures.cohort, byProvince: r.provinces ?? [] },
    };
  }

  /**
   * The portfolio of a program (CSR officer of its company, or admin): the year's cohort by
   * province, MoUs, plans, grants, mentoring, trainings and competitions, the same figures year by
   * year since the program began, and the parents reached by its schools. One statement, grouped by
   * program year (the series); the year's figures are its row of the series, so they cannot differ
   * from it.
   */
  async portfolio(actor: Actor, programId: string, yearAsked?: number): Promise<PortfolioReportResponse> {
    const today = this.clock.today();
    const year = yearAsked ?? Number(today.slice(0, 4));
    const { program, series } = await this.reports.snapshot(async (r) => ({
      program: await this.program(r, actor, programId, year),
      series: await r.series(programId, today, undefined, { parents: true }),
    }));
    const parents = series.flatMap((r) => r.parents ?? []);
    const row = series.find((r) => r.year === year);
    const figures = readYearFigures(row ?? emptyRow);
    return {
      program: programOf(program),
      year,
      asOf: asOfDay(year, today),
      programYear: program.programYearId
        ? { id: program.programYearId, theme: program.theme ?? '', status: program.yearStatus ?? 'planning', planDeadline: program.planDeadline, grantReportingDeadline: program.grantReportingDeadline }
        : null,
      cohort: { ...figures.cohort, byProvince: row?.provinces ?? [] },
      mous: figures.mous,
      plans: figures.plans,
      grants: figures.grants,
      facilities: figures.facilities,
      mentoring: figures.mentoring,
      trainings: figures.trainings,
      competitions: figures.competitions,
      series: series.map((r) => this.seriesYear(r, today)),
      parentsReached: parents.map((p) => ({ school: { id: p.schoolId, name: p.schoolName }, year: p.year, ...ParentsReachedResponse.of(p) })),
    };
  }

  /**
   * The health of the program's active and paused partnerships on today: each a score from 100 down
   * with the reasons that took the points off (details in `lang`), the counts by band and reason of
   * the whole program, and the partnerships matching `view`'s filters in its order. With a `page`,
   * one keyset page of them (the cursor is the last row's score, school name and id); without, all.
   */
  async health(actor: Actor, programId: string, lang: Lang, view: HealthView = {}, page?: { limit?: number; cursor?: string }): Promise<PortfolioHealthResponse> {
    const today = this.clock.today();
    const after = page ? (decodeCursor(page.cursor, ['int', 'string', 'uuid']) as [number | string, string, string] | null) : null;
    const { program, signals } = await this.reports.snapshot(async (r) => ({
      program: await this.program(r, actor, programId, Number(today.slice(0, 4))),
      signals: await r.healthSignals(programId, today),
    }));
    const all: PartnershipHealthResponse[] = signals.map((s) => ({
      partnershipId: s.partnershipId,
      school: { id: s.schoolId, name: s.schoolName, npsn: s.schoolNpsn, regionCode: s.schoolRegionCode },
      status: s.status,
      ...scoreHealth(s, today, lang),
    }));
    const counts = healthCounts(all);
    const order = healthOrder(view.sort ?? 'score');
    const q = view.q?.trim().toLocaleLowerCase('id');
    const matching = all
      .filter((p) => (!view.reason || p.reasons.some((r) => r.code === view.reason)) && (!view.band || p.band === view.band))
      .filter((p) => !q || p.school.name.toLocaleLowerCase('id').includes(q) || p.school.npsn === view.q?.trim())
      .sort(order);
    const base = { program: programOf(program), asOf: today, rule: HEALTH_POINTS, counts, matching: matching.length };
    if (!page) return { ...base, partnerships: matching, nextCursor: null };
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const cursorRow = after ? { score: Number(after[0]), school: { name: after[1] }, partnershipId: after[2] } : null;
    const rest = cursorRow ? matching.filter((p) => order(p, cursorRow) > 0) : matching;
    const items = rest.slice(0, limit);
    const last = items[items.length - 1];
    return { ...base, partnerships: items, nextCursor: rest.length > limit ? encodeCursor([last.score, last.school.name, last.partnershipId]) : null };
  }

  /**
   * The region report (education officer for their jurisdiction, admin any region): schools with and
   * without a partner in the year's cohort, partners per school, the companies active, and plans,
   * grants and mentoring by regency/city with the region's totals.
   */
  async region(actor: Actor, regionCodeAsked: string | undefined, districtCode: string | undefined, yearAsked?: number): Promise<RegionReportResponse> {
    const today = this.clock.today();
    const year = yearAsked ?? Number(today.slice(0, 4));
    return this.reports.snapshot((r) => this.readRegion(r, actor, regionCodeAsked, districtCode ?? null, year, today));
  }

  private async readRegion(r: ReportReader, actor: Actor, regionCodeAsked: string | undefined, districtCode: string | null, year: number, today: string): Promise<RegionReportResponse> {
    const regionCode = regionCodeAsked ?? (actor.role === 'education_officer' ? await r.officeRegion(actor) : null);
    if (!regionCode) {
      throw AppError.field(
        'regionCode',
        'region_required',
        'regionCode is required: give a province (e.g. 63) or regency/city code (e.g. 63.71)',
        'regionCode wajib diisi: isi kode provinsi (misalnya 63) atau kabupaten/kota (misalnya 63.71)',
      );
    }
    const region = await r.findRegion(actor, regionCode);
    if (!region || !region.visible) throw AppError.notFound('region', regionCode);
    const district = districtCode ? await this.districtOf(r, regionCode, districtCode) : null;
    const scope = { regionCode, districtCode };
    const schools = await r.regionSchools(scope, year, today);
    const partnerSchools = await r.regionPartnerSchools(scope, year, today);
    const companies = await r.regionCompanies(scope, year, today);
    const plans = await r.regionByRegency('plans', scope, year, today);
    const grants = await r.regionByRegency('grants', scope, year, today);
    const facilities = await r.regionByRegency('facilities', scope, year, today);
    const mentoring = await r.regionByRegency('mentoring', scope, year, today);
    const figuresOf = (rows: RegencyFiguresRow[], code: string | null) => rows.find((r) => (code === null ? r.total : !r.total && r.regionCode === code))?.figures;
    const counts = (code: string | null) => {
      const row = schools.regencies.find((r) => (code === null ? r.total : !r.total && r.regionCode === code));
      return {
        schools: row?.schools ?? 0,
        withPartner: row?.withPartner ?? 0,
        withoutPartner: row?.withoutPartner ?? 0,
        severalPartners: row?.severalPartners ?? 0,
        partnerLinks: row?.partnerLinks ?? 0,
      };
    };
    const codes = new Set<string>();
    for (const r of [...schools.regencies, ...plans, ...grants, ...facilities, ...mentoring]) if (!r.total && r.regionCode) codes.add(r.regionCode);
    const names = new Map(schools.regencies.map((r) => [r.regionCode, r.regionName]));
    const regencies: RegencyReportResponse[] = [...codes].sort().map((code) => ({
      code,
      name: names.get(code) ?? null,
      ...counts(code),
      plans: readPlans(figuresOf(plans, code)),
      grants: readGrants(figuresOf(grants, code)),
      facilities: readFacilities(figuresOf(facilities, code)),
      mentoring: readMentoring(figuresOf(mentoring, code)),
    }));
    const schoolsWithPartners: RegionSchoolResponse[] = partnerSchools.map((s) => ({ ...s, companies: [...s.companies].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)) }));
    return {
      region: { code: region.code, name: region.name, level: region.level },
      district,
      year,
      asOf: asOfDay(year, today),
      totals: {
        ...counts(null),
        plans: readPlans(figuresOf(plans, null)),
        grants: readGrants(figuresOf(grants, null)),
        facilities: readFacilities(figuresOf(facilities, null)),
        mentoring: readMentoring(figuresOf(mentoring, null)),
      },
      regencies,
      partnersPerSchool: schools.distribution,
      duplicated: schoolsWithPartners.filter((s) => s.companies.length > 1),
      schoolsWithPartners,
      companies: companies.map((c) => ({ ...c, programs: [...c.programs].sort() })),
    };
  }

  /** The district a region report is narrowed to: it must lie inside the (visible) region and exist. */
  private async districtOf(r: ReportReader, regionCode: string, districtCode: string): Promise<{ code: string; name: string }> {
    const outside = () =>
      AppError.field(
        'districtCode',
        'district_outside_region',
        `districtCode ${districtCode} is not a district (kecamatan) of region ${regionCode}: pick one from GET /api/v1/regions?regencyCode=${districtCode.slice(0, 5)}`,
        `districtCode ${districtCode} bukan kecamatan di wilayah ${regionCode}: pilih kecamatan dari daftar kecamatan wilayah itu`,
      );
    if (!coversRegion(regionCode, districtCode.slice(0, 5))) throw outside();
    const district = await r.findDistrict(districtCode);
    if (!district) throw outside();
    return district;
  }

  /**
   * A school's timeline with each partner the caller may see (principal: their school; CSR officer:
   * their company's partnerships; education officer: schools of their jurisdiction; admin: all):
   * the partnership timeline of the partnerships module, each year with the year's figures; event
   * titles and details in `lang`.
   */
  async schoolTimeline(actor: Actor, schoolId: string, lang: Lang): Promise<SchoolTimelineResponse> {
    const today = this.clock.today();
    const { school, ids, figures, parents } = await this.reports.snapshot(async (r) => {
      const found = await r.findSchool(actor, schoolId);
      if (!found) throw AppError.notFound('school', schoolId);
      return {
        school: found,
        ids: await r.schoolPartnerships(actor, schoolId),
        figures: await r.schoolFigures(actor, schoolId, today),
        parents: await r.schoolParentsReached(actor, schoolId),
      };
    });
    const parentsByYear = new Map(parents.map((p) => [`${p.partnershipId}/${p.year}`, p]));
    const parentsOf = (partnershipId: string, year: number) => ParentsReachedResponse.of(parentsByYear.get(`${partnershipId}/${year}`));
    // The partnerships module builds each timeline (a fixed number of queries per partnership).
    const timelines = await Promise.all(ids.map((id) => this.partnerships.timeline(actor, id, lang)));
    return {
      school: { id: school.id, name: school.name, npsn: school.npsn, regionCode: school.regionCode },
      asOf: today,
      partnerships: timelines.map((t) => {
        const mine = new Map(figures.filter((f) => f.partnershipId === t.partnershipId).map((f) => [f.year, f]));
        const years: SchoolTimelineYearResponse[] = t.years.map((y: TimelineYearResponse) => {
          const f = mine.get(y.year);
          mine.delete(y.year);
          return { ...y, figures: readYearFigures(f ?? emptyRow), parentsReached: parentsOf(t.partnershipId, y.year) };
        });
        // Program years outside the timeline's span (e.g. next year's plan already written) still count.
        for (const f of mine.values()) {
          const figuresOfYear = readYearFigures(f);
          if (isEmpty(figuresOfYear)) continue;
          years.push({ year: f.year, programYearId: f.programYearId, theme: f.theme, yearStatus: f.status, inCohort: figuresOfYear.cohort.partnerships > 0, events: [], figures: figuresOfYear, parentsReached: parentsOf(t.partnershipId, f.year) });
        }
        years.sort((a, b) => a.year - b.year);
        return { partnershipId: t.partnershipId, program: t.program, company: t.company, status: t.status, years };
      }),
    };
  }

  /** The data of a portfolio chart (CSR officer of the program's company, or admin). */
  async chartData(actor: Actor, name: ChartName, programId: string): Promise<ChartData> {
    const today = this.clock.today();
    return this.reports.snapshot(async (r): Promise<ChartData> => {
      const program = programOf(await this.program(r, actor, programId, Number(today.slice(0, 4))));
      switch (name) {
        case 'grant-money-by-year':
        case 'mentoring-hours':
        case 'cohort-by-year-province':
          return { name, program, series: (await r.series(programId, today)).map((row) => this.seriesYear(row, today)) };
        case 'competition-scores':
          return { name, program, rows: await r.competitionScores(programId) };
      }
    });
  }

  /** What the one-page summary of a partnership shows (anyone who may see the partnership). */
  async partnershipSummary(actor: Actor, partnershipId: string, lang: Lang): Promise<PartnershipSummary> {
    const today = this.clock.today();
    const { partnership, series, signals } = await this.reports.snapshot(async (r) => {
      const found = await r.findPartnership(actor, partnershipId);
      if (!found) throw AppError.notFound('partnership', partnershipId);
      return { partnership: found, series: await r.series(found.programId, today, partnershipId), signals: await r.healthSignals(found.programId, today, partnershipId) };
    });
    const signal = signals[0];
    return {
      partnership,
      today,
      series: series.map((r) => ({ ...r, figures: readYearFigures(r) })),
      health: signal ? { ...scoreHealth(signal, today, lang), mouInForce: signal.mouInForce } : null,
    };
  }
}

const emptyRow = { cohort: null, mous: null, plans: null, grants: null, facilities: null, mentoring: null, trainings: null, competitions: null };

/** A year with nothing in it: no cohort, no records of any kind. */
function isEmpty(f: YearFigures): boolean {
  return (
    f.cohort.partnerships === 0 &&
    f.mous.active + f.mous.expired === 0 &&
    f.plans.plans === 0 &&
    f.grants.grants === 0 &&
    f.grants.awarded === '0' &&
    f.facilities.itemsHandedOver + f.facilities.itemsAwaitingHandover === 0 &&
    f.mentoring.schoolsAssigned === 0 &&
    f.trainings.participants === 0 &&
    f.competitions.entries === 0
  );
}
