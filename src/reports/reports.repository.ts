import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { partnershipScope, programScope } from '../partnerships/partnership-scope';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import type { ProgramYearStatus } from '../programs/program-year-status';
import { coversRegionSql } from '../regions/jurisdiction';
import {
  assignmentStartSql,
  balanceAtSchoolSql,
  cohortCtes,
  expenseReportOverdueSql,
  indicatorFallingSql,
  MENTORING_TOTALS,
  MOU_SIGNED_STATUSES,
  mouExpiringSql,
  mouInForceSql,
  noContactSql,
  overdueFromDueDatesSql,
  planDeadlinePassedSql,
  planLateSql,
  provinceOf,
  resultsPublishedSql,
  TODAY,
} from './definitions';
import { cohortFigures, cohortSchoolFigures, competitionFigures, facilityFigures, grantFigures, Grouping, mentoringFigures, mouFigures, planFigures, trainingFigures } from './figures';
import type { FiguresRow } from './report-figures';
import { parentsReachedSql } from '../parent-engagement/parents-reached';
import type { ParentsReachedRow } from '../parent-engagement/parents-reached';
import type { HealthSignals } from './health';

/** The program a portfolio report is about. */
export interface ProgramFacts {
  id: string;
  name: string;
  startYear: number;
  endYear: number | null;
  companyId: string;
  companyName: string;
  /** The program's record of the requested year, if it has one. */
  programYearId: string | null;
  theme: string | null;
  yearStatus: ProgramYearStatus | null;
  planDeadline: string | null;
  grantReportingDeadline: string | null;
}

/** One row of a series: a program year with every domain's figures. */
export interface SeriesRow extends FiguresRow {
  programYearId: string;
  year: number;
  theme: string;
  status: ProgramYearStatus;
  /** The year's cohort by province (series of a program only). */
  provinces?: ProvinceCohort[];
  /** Parents reached by the year's cohort schools that reached any, by school name (a program's series, when asked). */
  parents?: ProgramParentsReachedRow[];
}

/** One partnership-year of a school's timeline with every domain's figures. */
export interface TimelineFiguresRow extends SeriesRow {
  partnershipId: string;
}

/** Cohort schools of one province. */
export interface ProvinceCohort {
  provinceCode: string | null;
  provinceName: string | null;
  schools: number;
}

/** One published competition result, for the scores chart. */
export interface CompetitionScoreRow {
  year: number;
  award: string | null;
  meanScore: number;
  yearMean: number;
}

/** The region a region report is about, and whether the caller may see it. */
export interface RegionFacts {
  code: string;
  name: string;
  level: 'province' | 'regency';
  visible: boolean;
}

/** The schools of one regency (or the total) by how many partners they have. */
export interface RegionSchoolsRow {
  regionCode: string | null;
  regionName: string | null;
  total: boolean;
  schools: number;
  withPartner: number;
  withoutPartner: number;
  severalPartners: number;
  /** School–company pairs: the sum of partners over the schools. */
  partnerLinks: number;
}

/** A school of the region with the companies it has in the year's cohort. */
export interface RegionPartnerSchoolRow {
  id: string;
  name: string;
  npsn: string | null;
  regionCode: string | null;
  companies: Array<{ id: string; name: string }>;
}

/** A company with schools of the region in the year's cohort. */
export interface RegionCompanyRow {
  id: string;
  name: string;
  schools: number;
  programs: string[];
}

/** One regency (or the total, `total` true) of a region figure. */
export interface RegencyFiguresRow {
  regionCode: string | null;
  total: boolean;
  figures: Record<string, unknown>;
}

/** Parents reached by one school in one program year, with the school's name. */
export interface ProgramParentsReachedRow extends ParentsReachedRow {
  schoolName: string;
}

/** The school a timeline is about. */
export interface SchoolFacts {
  id: string;
  name: string;
  npsn: string | null;
  regionCode: string | null;
  regionName: string | null;
}

/** The partnership a one-page summary is about. */
export interface PartnershipFacts {
  id: string;
  status: PartnershipStatus;
  startedOn: string | null;
  endedOn: string | null;
  programId: string;
  programName: string;
  programStartYear: number;
  companyId: string;
  companyName: string;
  schoolId: string;
  schoolName: string;
  schoolNpsn: string | null;
  regionName: string | null;
}

type Params = Record<string, string | number | null>;

const DOMAIN_BUILDERS: Array<[keyof FiguresRow, (g: Grouping) => string]> = [
  ['cohort', cohortFigures],
  ['mous', mouFigures],
  ['plans', planFigures],
  ['grants', grantFigures],
  ['facilities', facilityFigures],
  ['mentoring', mentoringFigures],
  ['trainings', trainingFigures],
  ['competitions', competitionFigures],
];

/**
 * Every domain's figures keyed by `keys`, joined to the `base` rows (which carry the same key
 * columns), one JSON object per domain: the shape of every series. One statement.
 */
function seriesSql(o: { cohortPartnerships: string; years: string; where: string; keys: Record<string, string>; base: string; order: string; provinces?: boolean; parents?: boolean }): string {
  const g: Grouping = { keys: o.keys, where: `(${o.years}) AND (${o.where})` };
  const names = Object.keys(o.keys);
  const drop = `CAST(ARRAY[${names.map((n) => `'${n}'`).join(', ')}] AS text[])`;
  const on = (alias: string) => names.map((n) => `${alias}.${n} = b.${n}`).join(' AND ');
  const ctes = DOMAIN_BUILDERS.map(([name, build]) => `f_${name} AS (${build(g)})`);
  const joins = DOMAIN_BUILDERS.map(([name]) => `LEFT JOIN f_${name} ON ${on(`f_${name}`)}`);
  const cols = DOMAIN_BUILDERS.map(([name]) => `to_jsonb(f_${name}) - ${drop} AS ${name}`);
  if (o.provinces) {
    // The cohort by province of every key, from the same cohort CTE as the cohort figures.
    const byProvince: Grouping = { keys: { ...o.keys, province: provinceOf('s') }, where: g.where };
    ctes.push(`f_provinces AS (
      SELECT ${names.map((n) => `x.${n}`).join(', ')},
             json_agg(json_build_object('provinceCode', x.province, 'provinceName', r.name, 'schools', x.schools) ORDER BY x.province) AS provinces
        FROM (${cohortSchoolFigures(byProvince)}) x LEFT JOIN regions r ON r.code = x.province
       GROUP BY ${names.map((n) => `x.${n}`).join(', ')})`);
    joins.push(`LEFT JOIN f_provinces ON ${on('f_provinces')}`);
    cols.push(`COALESCE(f_provinces.provinces, '[]') AS provinces`);
  }
  if (o.parents) {
    // Parents reached (parents-reached.ts) by the cohort's schools, from the same cohort CTE: per
    // program year, the schools that reached any, by name.
    ctes.push(`f_parents AS (
      SELECT py.id AS program_year_id,
             json_agg(json_build_object('schoolId', r.school_id, 'schoolName', ps.name, 'year', r.year, 'activities', r.activities,
                                        'mentoring', r.mentoring, 'trainings', r.trainings, 'total', r.total) ORDER BY ps.name, r.school_id) AS parents
        FROM (${parentsReachedSql('SELECT DISTINCT c.school_id, c.program_id, c.year FROM cohort c')}) r
        JOIN organizations ps ON ps.id = r.school_id
        JOIN program_years py ON py.program_id = r.program_id AND py.year = r.year
       GROUP BY py.id)`);
    joins.push(`LEFT JOIN f_parents ON f_parents.program_year_id = b.program_year_id`);
    cols.push(`COALESCE(f_parents.parents, '[]') AS parents`);
  }
  return `WITH ${cohortCtes(o.cohortPartnerships, o.years)},
    b AS (${o.base}),
    ${ctes.join(',\n')}
    SELECT b.*, ${cols.join(', ')} FROM b
    ${joins.join('\n')}
    ORDER BY ${o.order}`;
}

/** The region sections that come from one domain aggregate. */
export type RegionDomain = 'plans' | 'grants' | 'facilities' | 'mentoring';

/** The region a region report covers: a province or regency/city, optionally narrowed to one district (kecamatan). */
export interface RegionScope {
  regionCode: string;
  districtCode: string | null;
}

/** Whether the school `alias` lies in :regionCode (and in :districtCode when one is given). */
const inRegionSql = (alias: string) =>
  `(${coversRegionSql('CAST(:regionCode AS text)', `${alias}.region_code`)} AND (CAST(:districtCode AS text) IS NULL OR ${alias}.district_code = CAST(:districtCode AS text)))`;

/** The year's cohort restricted to the schools of :regionCode (and :districtCode). */
const regionCohort = () => cohortCtes(`EXISTS (SELECT 1 FROM organizations rs WHERE rs.id = p.school_id AND ${inRegionSql('rs')})`, 'y.year = :year');

const domainBuilder = (domain: keyof FiguresRow) => {
  const build = DOMAIN_BUILDERS.find(([name]) => name === domain)?.[1];
  if (!build) throw new Error(`unknown report section ${domain}`);
  return build;
};

/**
 * The reports' main statements, with named parameters (:today, :programId, :year, :regionCode,
 * :partnershipId). The repository runs them; the benchmark explains them as they are.
 */
export const REPORT_STATEMENTS = {
  /**
   * The year-by-year series of a program (of one partnership with `onePartnership`): every program
   * year with every domain's figures and its cohort by province.
   */
  series: (onePartnership = false, parents = false): string => {
    const only = onePartnership ? ' AND p.id = :partnershipId' : '';
    return seriesSql({
      cohortPartnerships: `p.program_id = :programId${only}`,
      years: 'y.program_id = :programId',
      where: `TRUE${only}`,
      keys: { program_year_id: 'y.id' },
      base: 'SELECT y.id AS program_year_id, y.year, y.theme, y.status FROM program_years y WHERE y.program_id = :programId',
      order: 'b.year',
      provinces: true,
      parents,
    });
  },

  /** Region section "schools": by regency with the total, and partners per school. */
  regionSchools: (): string => `WITH ${regionCohort()},
       sc AS (
         SELECT s.id, s.region_code, count(DISTINCT c.company_id) AS partners
           FROM organizations s LEFT JOIN cohort c ON c.school_id = s.id
          WHERE s.type = 'school' AND ${inRegionSql('s')} AND (s.archived_at IS NULL OR c.school_id IS NOT NULL)
          GROUP BY s.id, s.region_code
       ), by_regency AS (
         SELECT sc.region_code, GROUPING(sc.region_code) = 1 AS total, count(*) AS schools,
                count(*) FILTER (WHERE sc.partners > 0) AS with_partner, count(*) FILTER (WHERE sc.partners = 0) AS without_partner,
                count(*) FILTER (WHERE sc.partners > 1) AS several_partners, COALESCE(sum(sc.partners), 0) AS partner_links
           FROM sc GROUP BY GROUPING SETS ((sc.region_code), ())
       ), dist AS (
         SELECT sc.partners, count(*) AS schools FROM sc GROUP BY sc.partners
       )
       SELECT
         (SELECT json_agg(json_build_object('regionCode', b.region_code, 'regionName', r.name, 'total', b.total, 'schools', b.schools,
                                            'withPartner', b.with_partner, 'withoutPartner', b.without_partner,
                                            'severalPartners', b.several_partners, 'partnerLinks', b.partner_links) ORDER BY b.total, b.region_code)
            FROM by_regency b LEFT JOIN regions r ON r.code = b.region_code) AS regencies,
         COALESCE((SELECT json_agg(json_build_object('partners', d.partners, 'schools', d.schools) ORDER BY d.partners) FROM dist d), '[]') AS distribution`,

  /** Region section "schools with partners". */
  regionPartnerSchools: (): string => `WITH ${regionCohort()}
       SELECT s.id, s.name, s.npsn, s.region_code AS "regionCode",
              json_agg(DISTINCT jsonb_build_object('id', o.id, 'name', o.name)) AS companies
         FROM cohort c JOIN organizations s ON s.id = c.school_id JOIN organizations o ON o.id = c.company_id
        GROUP BY s.id, s.name, s.npsn, s.region_code
        ORDER BY s.region_code, s.name, s.id`,

  /** Region section "companies". */
  regionCompanies: (): string => `WITH ${regionCohort()}
       SELECT o.id, o.name, CAST(count(DISTINCT c.school_id) AS integer) AS schools, array_agg(DISTINCT pr.name) AS programs
         FROM cohort c JOIN organizations o ON o.id = c.company_id JOIN programs pr ON pr.id = c.program_id
        GROUP BY o.id, o.name
        ORDER BY schools DESC, o.name, o.id`,

  /** A region section of one domain: the year's figures by regency, with the total. */
  regionByRegency: (domain: RegionDomain): string => {
    const g: Grouping = { keys: { region_code: 's.region_code' }, where: `y.year = :year AND ${inRegionSql('s')}`, totals: true };
    return `SELECT f.region_code AS "regionCode", f.total, to_jsonb(f) - CAST(ARRAY['region_code', 'total'] AS text[]) AS figures
         FROM (${domainBuilder(domain)(g)}) f ORDER BY f.total, f.region_code`;
  },

  /**
   * The health signals of a program's live (active or paused) partnerships on today, set-based: each
   * signal grouped by partnership over the whole program, then joined to the partnerships.
   */
  healthSignals: (onePartnership = false): string => {
    const only = onePartnership ? ' AND p.id = :partnershipId' : '';
    const signed = `m.status IN ${MOU_SIGNED_STATUSES}`;
    return `WITH ps AS (
         SELECT p.id, p.status, p.school_id, s.name AS school_name, s.npsn, s.region_code
           FROM partnerships p JOIN organizations s ON s.id = p.school_id
          WHERE p.program_id = :programId AND p.status IN ('active', 'paused')${only}
       ), cur AS (
         SELECT y.id, y.year, y.plan_deadline FROM program_years y WHERE y.program_id = :programId AND y.year = :currentYear
       ), mou_now AS (
         SELECT DISTINCT ON (m.partnership_id) m.partnership_id,
                json_build_object('number', m.number, 'expiryDate', CAST(m.expiry_date AS text), 'expiring', ${mouExpiringSql('m', TODAY)}) AS info
           FROM mous m JOIN ps ON ps.id = m.partnership_id
          WHERE ${mouInForceSql('m', TODAY)}
          ORDER BY m.partnership_id, m.effective_date DESC
       ), mou_last AS (
         SELECT DISTINCT ON (m.partnership_id) m.partnership_id,
                json_build_object('number', m.number, 'terminated', m.terminated_on IS NOT NULL AND m.terminated_on <= m.expiry_date,
                                  'endedOn', CAST(CASE WHEN m.terminated_on IS NOT NULL AND m.terminated_on <= m.expiry_date THEN m.terminated_on ELSE m.expiry_date + 1 END AS text)) AS info
           FROM mous m JOIN ps ON ps.id = m.partnership_id
          WHERE ${signed} AND m.effective_date <= ${TODAY}
          ORDER BY m.partnership_id, m.effective_date DESC
       ), plan_now AS (
         SELECT ps.id AS partnership_id,
                json_build_object('year', cur.year, 'deadline', CAST(cur.plan_deadline AS text), 'status', pl.status,
                                  'late', COALESCE(${planLateSql('pl', 'cur', TODAY)}, pl.id IS NULL AND ${planDeadlinePassedSql('cur', TODAY)}, FALSE)) AS info
           -- A partnership's plan of the year is its school's plan of the program year (one per school and year).
           FROM ps CROSS JOIN cur LEFT JOIN plans pl ON pl.school_id = ps.school_id AND pl.program_year_id = cur.id
       ), reports_due AS (
         SELECT g.partnership_id,
                json_agg(json_build_object('year', y.year, 'balance', CAST(${balanceAtSchoolSql('g')} AS text), 'deadline', CAST(y.grant_reporting_deadline AS text)) ORDER BY y.year) AS info
           FROM grants g JOIN program_years y ON y.id = g.program_year_id JOIN ps ON ps.id = g.partnership_id
          WHERE y.program_id = :programId AND ${expenseReportOverdueSql('g', 'y', TODAY)}
          GROUP BY g.partnership_id
       ), assigned_now AS (
         SELECT a.id, a.partnership_id, a.created_at, a.ended_at, t.last_confirmed_on,
                max(t.last_confirmed_on) OVER (PARTITION BY a.school_id, a.program_year_id) AS school_last_confirmed
           FROM mentoring_assignments a JOIN cur ON cur.id = a.program_year_id LEFT JOIN ${MENTORING_TOTALS} t ON t.assignment_id = a.id
       ), contact AS (
         SELECT DISTINCT ON (a.partnership_id) a.partnership_id,
                json_build_object('year', cur.year, 'lastConfirmedOn', CAST(a.school_last_confirmed AS text), 'assignedOn', CAST(${assignmentStartSql('a')} AS text)) AS info
           FROM assigned_now a CROSS JOIN cur JOIN ps ON ps.id = a.partnership_id
          WHERE ${noContactSql('a', 'a.school_last_confirmed', TODAY)}
          ORDER BY a.partnership_id, a.created_at
       ), followups AS (
         SELECT a.partnership_id, CAST(sum(${overdueFromDueDatesSql('t', TODAY)}) AS integer) AS overdue
           FROM mentoring_assignments a JOIN program_years y ON y.id = a.program_year_id JOIN ${MENTORING_TOTALS} t ON t.assignment_id = a.id JOIN ps ON ps.id = a.partnership_id
          WHERE y.program_id = :programId AND cardinality(t.open_due_dates) > 0
          GROUP BY a.partnership_id
       ), falling AS (
         SELECT pl.partnership_id,
                json_agg(json_build_object('year', y.year, 'name', ind->>'name', 'baseline', ind->>'baseline', 'target', ind->>'target',
                                           'achieved', CAST(r.achieved_value AS text), 'unit', ind->>'unit') ORDER BY y.year, ind->>'name') AS info
           FROM plans pl JOIN program_years y ON y.id = pl.program_year_id JOIN ps ON ps.id = pl.partnership_id
           CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(pl.content->'programs') = 'array' THEN pl.content->'programs' ELSE CAST('[]' AS jsonb) END) prog
           CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(prog->'indicators') = 'array' THEN prog->'indicators' ELSE CAST('[]' AS jsonb) END) ind
           JOIN plan_indicator_results r ON r.plan_id = pl.id AND CAST(r.indicator_id AS text) = ind->>'id'
          WHERE y.program_id = :programId AND y.year BETWEEN CAST(:currentYear AS integer) - 1 AND CAST(:currentYear AS integer)
            AND ${indicatorFallingSql('ind', 'r')}
          GROUP BY pl.partnership_id
       )
       SELECT ps.id AS "partnershipId", ps.status, ps.school_id AS "schoolId", ps.school_name AS "schoolName", ps.npsn AS "schoolNpsn", ps.region_code AS "schoolRegionCode",
              mou_now.info AS "mouInForce", mou_last.info AS "lastMou", plan_now.info AS "plan", reports_due.info AS "overdueReports",
              contact.info AS "noContact", COALESCE(followups.overdue, 0) AS "overdueFollowUps", falling.info AS "fallingIndicators"
         FROM ps
         LEFT JOIN mou_now ON mou_now.partnership_id = ps.id
         LEFT JOIN mou_last ON mou_last.partnership_id = ps.id
         LEFT JOIN plan_now ON plan_now.partnership_id = ps.id
         LEFT JOIN reports_due ON reports_due.partnership_id = ps.id
         LEFT JOIN contact ON contact.partnership_id = ps.id
         LEFT JOIN followups ON followups.partnership_id = ps.id
         LEFT JOIN falling ON falling.partnership_id = ps.id
        ORDER BY ps.school_name, ps.id`;
  },
};

/**
 * The named SQL aggregates of the reports, read on one transaction's snapshot; every figure is
 * computed here, in SQL, from the definitions.
 */
export class ReportReader {
  constructor(private readonly manager: EntityManager) {}

  /** Runs one statement with named parameters (`:name`). */
  private async rows<T>(sql: string, params: Params): Promise<T[]> {
    const [query, values] = this.manager.connection.driver.escapeQueryWithParameters(sql, params);
    return (await this.manager.query(query, values)) as T[];
  }

  // -------------------------------------------------------------------------------------------
  // Portfolio

  /** A program the caller may report on, with its company and the record of `year`; null for missing and not-yours alike. */
  async findProgram(actor: Actor, programId: string, year: number): Promise<ProgramFacts | null> {
    const scope = programScope(actor, 'pr');
    const [row] = await this.rows<ProgramFacts>(
      `SELECT pr.id, pr.name, pr.start_year AS "startYear", pr.end_year AS "endYear", pr.company_id AS "companyId", c.name AS "companyName",
              y.id AS "programYearId", y.theme, y.status AS "yearStatus",
              CAST(y.plan_deadline AS text) AS "planDeadline", CAST(y.grant_reporting_deadline AS text) AS "grantReportingDeadline"
         FROM programs pr
         JOIN organizations c ON c.id = pr.company_id
         LEFT JOIN program_years y ON y.program_id = pr.id AND y.year = :year
        WHERE pr.id = :programId AND ${scope.sql}`,
      { programId, year, ...scope.params },
    );
    return row ?? null;
  }

  /**
   * The year-by-year series of a program since it began: every program year with every domain's
   * figures, in one statement grouped by program year. With `partnershipId`, the same for one
   * partnership only.
   */
  async series(programId: string, today: string, partnershipId?: string, options: { parents?: boolean } = {}): Promise<SeriesRow[]> {
    const rows = await this.rows<SeriesRow & { program_year_id: string }>(REPORT_STATEMENTS.series(partnershipId !== undefined, options.parents ?? false), {
      programId,
      today,
      ...(partnershipId ? { partnershipId } : {}),
    });
    return rows.map((r) => ({ ...r, programYearId: r.program_year_id }));
  }

  /** Every published result of the program's competitions with its year's mean, for the scores chart. */
  competitionScores(programId: string): Promise<CompetitionScoreRow[]> {
    return this.rows<CompetitionScoreRow>(
      `SELECT y.year, r.award, CAST(r.mean_score AS float8) AS "meanScore",
              CAST(round(avg(r.mean_score) OVER (PARTITION BY y.year), 2) AS float8) AS "yearMean"
         FROM competition_results r
         JOIN competitions co ON co.id = r.competition_id
         JOIN program_years y ON y.id = co.program_year_id
        WHERE y.program_id = :programId AND ${resultsPublishedSql('co')}
        ORDER BY y.year, r.mean_score DESC, r.id`,
      { programId },
    );
  }

  /**
   * The health signals of the program's live (active or paused) partnerships on `today`, in one
   * statement: MoU in force or lapsed, the current year's plan, grants with an overdue expense
   * report, no mentoring contact, overdue follow-ups and falling indicator results.
   */
  healthSignals(programId: string, today: string, partnershipId?: string): Promise<HealthSignals[]> {
    return this.rows<HealthSignals>(REPORT_STATEMENTS.healthSignals(partnershipId !== undefined), {
      programId,
      today,
      currentYear: Number(today.slice(0, 4)),
      ...(partnershipId ? { partnershipId } : {}),
    });
  }

  // -------------------------------------------------------------------------------------------
  // Region

  /**
   * The region and whether the caller may report on it: admins any; an education officer a region
   * their office's jurisdiction covers; anyone else none.
   */
  async findRegion(actor: Actor, regionCode: string): Promise<RegionFacts | null> {
    const [row] = await this.rows<RegionFacts>(
      `SELECT r.code, r.name, r.level,
              CASE WHEN CAST(:role AS text) = 'admin' THEN TRUE
                   WHEN CAST(:role AS text) = 'education_officer' THEN EXISTS (
                     SELECT 1 FROM organizations o WHERE o.id = :scopeOrg AND o.type = 'education_office' AND ${coversRegionSql('o.region_code', 'r.code')})
                   ELSE FALSE END AS visible
         FROM regions r WHERE r.code = :regionCode`,
      { regionCode, role: actor.role, scopeOrg: actor.organizationId },
    );
    return row ?? null;
  }

  /** A district (kecamatan) by its code, or null when there is none. */
  async findDistrict(code: string): Promise<{ code: string; name: string } | null> {
    const [row] = await this.rows<{ code: string; name: string }>(`SELECT r.code, r.name FROM regions r WHERE r.code = :code AND r.level = 'district'`, { code });
    return row ?? null;
  }

  /** The region code of the caller's education office. */
  async officeRegion(actor: Actor): Promise<string | null> {
    const [row] = await this.rows<{ regionCode: string | null }>(`SELECT o.region_code AS "regionCode" FROM organizations o WHERE o.id = :scopeOrg AND o.type = 'education_office'`, {
      scopeOrg: actor.organizationId,
    });
    return row?.regionCode ?? null;
  }

  /**
   * Section "schools": the region's schools by regency (and in total) with and without a partner in
   * the year's cohort, and how many schools have 0, 1, 2... partners. A school counts when it is not
   * archived, or when it is in the year's cohort anyway.
   */
  async regionSchools(scope: RegionScope, year: number, today: string): Promise<{ regencies: RegionSchoolsRow[]; distribution: Array<{ partners: number; schools: number }> }> {
    const [row] = await this.rows<{ regencies: RegionSchoolsRow[]; distribution: Array<{ partners: number; schools: number }> }>(REPORT_STATEMENTS.regionSchools(), { ...scope, year, today });
    return row;
  }

  /** Section "schools with partners": each school of the region in the year's cohort with its companies. */
  regionPartnerSchools(scope: RegionScope, year: number, today: string): Promise<RegionPartnerSchoolRow[]> {
    return this.rows<RegionPartnerSchoolRow>(REPORT_STATEMENTS.regionPartnerSchools(), { ...scope, year, today });
  }

  /** Section "companies": the companies with schools of the region in the year's cohort. */
  regionCompanies(scope: RegionScope, year: number, today: string): Promise<RegionCompanyRow[]> {
    return this.rows<RegionCompanyRow>(REPORT_STATEMENTS.regionCompanies(), { ...scope, year, today });
  }

  /** Section `domain` of the region report: that domain's figures of the year by regency, with the total. */
  regionByRegency(domain: RegionDomain, scope: RegionScope, year: number, today: string): Promise<RegencyFiguresRow[]> {
    return this.rows<RegencyFiguresRow>(REPORT_STATEMENTS.regionByRegency(domain), { ...scope, year, today });
  }

  // -------------------------------------------------------------------------------------------
  // School timeline and partnership summary

  /**
   * A school the caller may see the timeline of: a principal their own; an education officer one in
   * their jurisdiction; a CSR officer one their company has a partnership with; admins any.
   */
  async findSchool(actor: Actor, schoolId: string): Promise<SchoolFacts | null> {
    const [row] = await this.rows<SchoolFacts>(
      `SELECT s.id, s.name, s.npsn, s.region_code AS "regionCode", r.name AS "regionName"
         FROM organizations s LEFT JOIN regions r ON r.code = s.region_code
        WHERE s.id = :schoolId AND s.type = 'school'
          AND CASE CAST(:role AS text) WHEN 'admin' THEN TRUE
                         WHEN 'principal' THEN s.id = :scopeOrg
                         WHEN 'education_officer' THEN EXISTS (SELECT 1 FROM organizations o WHERE o.id = :scopeOrg AND ${coversRegionSql('o.region_code', 's.region_code')})
                         WHEN 'csr_officer' THEN EXISTS (SELECT 1 FROM partnerships sp WHERE sp.school_id = s.id AND sp.company_id = :scopeOrg)
                         ELSE FALSE END`,
      { schoolId, role: actor.role, scopeOrg: actor.organizationId },
    );
    return row ?? null;
  }

  /** The school's partnerships the caller may see, oldest first. */
  async schoolPartnerships(actor: Actor, schoolId: string): Promise<string[]> {
    const scope = partnershipScope(actor, 'p');
    const rows = await this.rows<{ id: string }>(`SELECT p.id FROM partnerships p WHERE p.school_id = :schoolId AND ${scope.sql} ORDER BY p.created_at, p.id`, { schoolId, ...scope.params });
    return rows.map((r) => r.id);
  }

  /**
   * Every domain's figures of each year of each of the school's partnerships the caller may see, in
   * one statement grouped by partnership and program year.
   */
  async schoolFigures(actor: Actor, schoolId: string, today: string): Promise<TimelineFiguresRow[]> {
    const scope = partnershipScope(actor, 'p');
    const only = `p.school_id = :schoolId AND ${scope.sql}`;
    const rows = await this.rows<TimelineFiguresRow & { partnership_id: string; program_year_id: string }>(
      seriesSql({
        cohortPartnerships: only,
        years: 'TRUE',
        where: only,
        keys: { partnership_id: 'p.id', program_year_id: 'y.id' },
        base: `SELECT p.id AS partnership_id, y.id AS program_year_id, y.year, y.theme, y.status
                 FROM partnerships p JOIN program_years y ON y.program_id = p.program_id WHERE ${only}`,
        order: 'b.partnership_id, b.year',
      }),
      { schoolId, today, ...scope.params },
    );
    return rows.map((r) => ({ ...r, partnershipId: r.partnership_id, programYearId: r.program_year_id }));
  }

  /** Parents reached at the school in every program year of each partnership of it the caller sees. One statement. */
  schoolParentsReached(actor: Actor, schoolId: string): Promise<Array<ProgramParentsReachedRow & { partnershipId: string }>> {
    const scope = partnershipScope(actor, 'p');
    return this.rows(
      `SELECT r.partnership_id AS "partnershipId", r.school_id AS "schoolId", '' AS "schoolName", r.year, r.activities, r.mentoring, r.trainings, r.total
         FROM (${parentsReachedSql(`SELECT p.id AS partnership_id, p.school_id, p.program_id, y.year
                                      FROM partnerships p JOIN program_years y ON y.program_id = p.program_id
                                     WHERE p.school_id = :schoolId AND ${scope.sql}`)}) r
        ORDER BY r.partnership_id, r.year`,
      { schoolId, ...scope.params },
    );
  }

  /** A partnership the caller may see, with its program, company and school; null for missing and not-yours alike. */
  async findPartnership(actor: Actor, id: string): Promise<PartnershipFacts | null> {
    const scope = partnershipScope(actor, 'p');
    const [row] = await this.rows<PartnershipFacts>(
      `SELECT p.id, p.status, CAST(p.started_on AS text) AS "startedOn", CAST(p.ended_on AS text) AS "endedOn",
              pr.id AS "programId", pr.name AS "programName", pr.start_year AS "programStartYear",
              c.id AS "companyId", c.name AS "companyName", s.id AS "schoolId", s.name AS "schoolName", s.npsn AS "schoolNpsn", r.name AS "regionName"
         FROM partnerships p
         JOIN programs pr ON pr.id = p.program_id
         JOIN organizations c ON c.id = p.company_id
         JOIN organizations s ON s.id = p.school_id
         LEFT JOIN regions r ON r.code = s.region_code
        WHERE p.id = :id AND ${scope.sql}`,
      { id, ...scope.params },
    );
    return row ?? null;
  }
}

/** Opens the snapshots the reports are read on. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `fn` on one read-only REPEATABLE READ transaction, so every section of a report (and every
   * sheet of its export) is read from the same snapshot: a figure shown twice is the same figure even
   * while others write. JIT compilation is off for it: the aggregates run in milliseconds, and
   * compiling their many expressions would cost more than a second.
   */
  snapshot<T>(fn: (reader: ReportReader) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      await manager.query('SET LOCAL jit = off');
      return fn(new ReportReader(manager));
    });
  }
}
