import type { Lang } from '../../common/errors/i18n';
import { PLAN_STATUSES } from '../../plans/plan-status';
import type { PlanStatus } from '../../plans/plan-status';
import type { PortfolioHealthResponse } from '../dto/health.response';
import type { PortfolioReportResponse, SeriesYearResponse } from '../dto/portfolio-report.response';
import type { RegionReportResponse } from '../dto/region-report.response';
import type { SchoolTimelineResponse } from '../dto/school-timeline.response';
import type { YearFigures } from '../report-figures';

/**
 * The reports as plain tables, the shape both file formats write: a CSV stacks them (title row,
 * header row, rows, blank line), an XLSX workbook gives each its own sheet. Each cell says what it
 * is, so every format writes it right: text, a whole number, rupiah, a decimal or a date.
 */
export type Cell = { text: string } | { label: Text } | { year: number } | { int: number } | { money: string } | { decimal: number } | { date: string } | null;

/** A label in both languages; the file shows the one asked for. */
export type Text = Record<Lang, string>;

/** One table of a report file. */
export interface ReportTable {
  title: Text;
  columns: Text[];
  rows: Cell[][];
}

const text = (value: string | null | undefined): Cell => (value === null || value === undefined ? null : { text: value });
const int = (value: number): Cell => ({ int: value });
const year = (value: number): Cell => ({ year: value });
const money = (value: string): Cell => ({ money: value });
const decimal = (value: number | null): Cell => (value === null ? null : { decimal: value });
const date = (value: string): Cell => ({ date: value });
const label = (value: Text): Cell => ({ label: value });
const yesNo = (value: boolean): Cell => label(value ? { en: 'yes', id: 'ya' } : { en: 'no', id: 'tidak' });

const L = {
  report: { en: 'Report', id: 'Laporan' },
  field: { en: 'Field', id: 'Keterangan' },
  value: { en: 'Value', id: 'Nilai' },
  figure: { en: 'Figure', id: 'Angka' },
  program: { en: 'Program', id: 'Program' },
  company: { en: 'Company', id: 'Perusahaan' },
  year: { en: 'Year', id: 'Tahun' },
  asOf: { en: 'As of', id: 'Per tanggal' },
  theme: { en: 'Theme', id: 'Tema' },
  status: { en: 'Status', id: 'Status' },
  province: { en: 'Province', id: 'Provinsi' },
  provinceCode: { en: 'Province code', id: 'Kode provinsi' },
  region: { en: 'Region', id: 'Wilayah' },
  regionCode: { en: 'Region code', id: 'Kode wilayah' },
  district: { en: 'District', id: 'Kecamatan' },
  regency: { en: 'Regency/city', id: 'Kabupaten/kota' },
  school: { en: 'School', id: 'Sekolah' },
  npsn: { en: 'NPSN', id: 'NPSN' },
  companies: { en: 'Companies', id: 'Perusahaan mitra' },
  partners: { en: 'Partners', id: 'Jumlah mitra' },
  programs: { en: 'Programs', id: 'Program' },
  total: { en: 'Total', id: 'Total' },
  parentActivities: { en: "Parents at the school's own activities", id: 'Orang tua di kegiatan sekolah' },
  parentsAtMentoring: { en: 'Parents at mentoring sessions', id: 'Orang tua di sesi pendampingan' },
  parentsAtTrainings: { en: 'Parents at trainings', id: 'Orang tua di pelatihan' },
  score: { en: 'Score', id: 'Skor' },
  band: { en: 'Band', id: 'Kategori' },
  reasons: { en: 'Reasons', id: 'Alasan' },
  inCohort: { en: 'In cohort', id: 'Dalam kohort' },
  date: { en: 'Date', id: 'Tanggal' },
  kind: { en: 'Kind', id: 'Jenis' },
  title: { en: 'Title', id: 'Judul' },
  detail: { en: 'Detail', id: 'Rincian' },
  // Figures
  cohortSchools: { en: 'Cohort schools', id: 'Sekolah dalam kohort' },
  cohortPartnerships: { en: 'Cohort partnerships', id: 'Kemitraan dalam kohort' },
  missingPlans: { en: 'Cohort partnerships without a plan after the deadline', id: 'Kemitraan kohort tanpa rencana setelah tenggat' },
  mousActive: { en: 'MoUs active', id: 'MoU berlaku' },
  mousExpiring: { en: 'MoUs expiring within 90 days', id: 'MoU berakhir dalam 90 hari' },
  mousExpired: { en: 'MoUs expired', id: 'MoU kedaluwarsa' },
  plans: { en: 'Plans', id: 'Rencana' },
  latePlans: { en: 'Late plans', id: 'Rencana terlambat' },
  grants: { en: 'Grants', id: 'Hibah' },
  awarded: { en: 'Awarded (IDR)', id: 'Diberikan (Rp)' },
  disbursed: { en: 'Disbursed (IDR)', id: 'Dicairkan (Rp)' },
  accepted: { en: 'Accepted spending (IDR)', id: 'Belanja diterima (Rp)' },
  returned: { en: 'Returned (IDR)', id: 'Dikembalikan (Rp)' },
  carriedOver: { en: 'Carried over (IDR)', id: 'Dialihkan (Rp)' },
  balance: { en: 'Balance at schools (IDR)', id: 'Saldo di sekolah (Rp)' },
  reportsMissing: { en: 'Missing expense reports', id: 'Laporan pengeluaran belum masuk' },
  itemsHandedOver: { en: 'Facility items handed over', id: 'Barang sarana prasarana diserahterimakan' },
  inKindValue: { en: 'In-kind support delivered (IDR)', id: 'Bantuan sarana prasarana diserahkan (Rp)' },
  itemsAwaitingHandover: { en: 'Facility items awaiting handover', id: 'Barang sarana prasarana menunggu serah terima' },
  awaitingHandoverValue: { en: 'In-kind support awaiting handover (IDR)', id: 'Bantuan sarana prasarana menunggu serah terima (Rp)' },
  schoolsAssigned: { en: 'Schools with a facilitator', id: 'Sekolah dengan fasilitator' },
  plannedSessions: { en: 'Sessions planned', id: 'Sesi direncanakan' },
  sessionsDone: { en: 'Sessions done', id: 'Sesi terlaksana' },
  plannedHours: { en: 'Hours planned', id: 'Jam direncanakan' },
  hoursDone: { en: 'Hours done', id: 'Jam terlaksana' },
  unconfirmed: { en: 'Unconfirmed sessions', id: 'Sesi belum dikonfirmasi' },
  disputed: { en: 'Disputed sessions', id: 'Sesi disanggah' },
  noContact: { en: 'Schools without contact in 60 days', id: 'Sekolah tanpa kontak 60 hari' },
  overdue: { en: 'Overdue follow-ups', id: 'Tindak lanjut terlambat' },
  trainings: { en: 'Trainings', id: 'Pelatihan' },
  participants: { en: 'Training participants', id: 'Peserta pelatihan' },
  attended: { en: 'Participants attended', id: 'Peserta hadir' },
  paired: { en: 'Participants with pre and post scores', id: 'Peserta dengan nilai awal dan akhir' },
  meanGain: { en: 'Mean gain (points)', id: 'Rata-rata peningkatan (poin)' },
  competitions: { en: 'Competitions', id: 'Kompetisi' },
  entries: { en: 'Competition entries', id: 'Karya kompetisi' },
  schoolsEntered: { en: 'Schools entered', id: 'Sekolah peserta' },
  results: { en: 'Published results', id: 'Hasil diumumkan' },
  winners: { en: 'Winners', id: 'Juara' },
  runnersUp: { en: 'Runners-up', id: 'Juara kedua' },
  specialMentions: { en: 'Special mentions', id: 'Penghargaan khusus' },
  meanScore: { en: 'Mean score', id: 'Rata-rata nilai' },
  withPartner: { en: 'Schools with a partner', id: 'Sekolah bermitra' },
  withoutPartner: { en: 'Schools without a partner', id: 'Sekolah belum bermitra' },
  severalPartners: { en: 'Schools with several partners', id: 'Sekolah dengan beberapa mitra' },
  schools: { en: 'Schools', id: 'Sekolah' },
  partnerLinks: { en: 'School–company pairs', id: 'Pasangan sekolah–perusahaan' },
} satisfies Record<string, Text>;

const PLAN_STATUS_LABELS: Record<PlanStatus, Text> = {
  draft: { en: 'Plans in draft', id: 'Rencana draf' },
  submitted: { en: 'Plans submitted', id: 'Rencana diajukan' },
  changes_requested: { en: 'Plans with changes requested', id: 'Rencana perlu perbaikan' },
  approved: { en: 'Plans approved', id: 'Rencana disetujui' },
  in_progress: { en: 'Plans in progress', id: 'Rencana berjalan' },
  completed: { en: 'Plans completed', id: 'Rencana selesai' },
  withdrawn: { en: 'Plans withdrawn', id: 'Rencana ditarik' },
};

/** The figures of a year as (label, cell) pairs, the same order everywhere. */
function figureCells(f: YearFigures): Array<[Text, Cell]> {
  return [
    [L.cohortSchools, int(f.cohort.schools)],
    [L.cohortPartnerships, int(f.cohort.partnerships)],
    [L.missingPlans, int(f.cohort.missingPlans)],
    [L.mousActive, int(f.mous.active)],
    [L.mousExpiring, int(f.mous.expiring)],
    [L.mousExpired, int(f.mous.expired)],
    [L.plans, int(f.plans.plans)],
    ...PLAN_STATUSES.map((s): [Text, Cell] => [PLAN_STATUS_LABELS[s], int(f.plans.byStatus[s])]),
    [L.latePlans, int(f.plans.late)],
    [L.grants, int(f.grants.grants)],
    [L.awarded, money(f.grants.awarded)],
    [L.disbursed, money(f.grants.disbursed)],
    [L.accepted, money(f.grants.accepted)],
    [L.returned, money(f.grants.returned)],
    [L.carriedOver, money(f.grants.carriedOver)],
    [L.balance, money(f.grants.balanceAtSchools)],
    [L.reportsMissing, int(f.grants.expenseReportsMissing)],
    [L.itemsHandedOver, int(f.facilities.itemsHandedOver)],
    [L.inKindValue, money(f.facilities.inKindValue)],
    [L.itemsAwaitingHandover, int(f.facilities.itemsAwaitingHandover)],
    [L.awaitingHandoverValue, money(f.facilities.awaitingHandoverValue)],
    [L.schoolsAssigned, int(f.mentoring.schoolsAssigned)],
    [L.plannedSessions, int(f.mentoring.plannedSessions)],
    [L.sessionsDone, int(f.mentoring.sessionsDone)],
    [L.plannedHours, decimal(f.mentoring.plannedHours)],
    [L.hoursDone, decimal(f.mentoring.hoursDone)],
    [L.unconfirmed, int(f.mentoring.unconfirmedSessions)],
    [L.disputed, int(f.mentoring.disputedSessions)],
    [L.noContact, int(f.mentoring.schoolsWithoutContact)],
    [L.overdue, int(f.mentoring.overdueFollowUps)],
    [L.trainings, int(f.trainings.trainings)],
    [L.participants, int(f.trainings.participants)],
    [L.attended, int(f.trainings.attended)],
    [L.paired, int(f.trainings.paired)],
    [L.meanGain, decimal(f.trainings.meanGain)],
    [L.competitions, int(f.competitions.competitions)],
    [L.entries, int(f.competitions.entries)],
    [L.schoolsEntered, int(f.competitions.schoolsEntered)],
    [L.results, int(f.competitions.results)],
    [L.winners, int(f.competitions.winners)],
    [L.runnersUp, int(f.competitions.runnersUp)],
    [L.specialMentions, int(f.competitions.specialMentions)],
    [L.meanScore, decimal(f.competitions.meanScore)],
  ];
}

/** The labels of figureCells, for table headers. */
const FIGURE_LABELS: Text[] = figureCells(emptyFigures()).map(([label]) => label);

function emptyFigures(): YearFigures {
  const plans = Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;
  return {
    cohort: { schools: 0, partnerships: 0, missingPlans: 0 },
    mous: { active: 0, expiring: 0, expired: 0 },
    plans: { plans: 0, byStatus: plans, late: 0 },
    grants: { grants: 0, awarded: '0', disbursed: '0', accepted: '0', returned: '0', carriedOver: '0', balanceAtSchools: '0', expenseReportsMissing: 0 },
    facilities: { itemsHandedOver: 0, inKindValue: '0', itemsAwaitingHandover: 0, awaitingHandoverValue: '0' },
    mentoring: { schoolsAssigned: 0, plannedSessions: 0, plannedHours: 0, sessionsDone: 0, hoursDone: 0, unconfirmedSessions: 0, disputedSessions: 0, schoolsWithoutContact: 0, overdueFollowUps: 0 },
    trainings: { trainings: 0, participants: 0, attended: 0, paired: 0, meanGain: null },
    competitions: { competitions: 0, entries: 0, schoolsEntered: 0, results: 0, winners: 0, runnersUp: 0, specialMentions: 0, meanScore: null },
  };
}

const seriesRow = (s: SeriesYearResponse): Cell[] => [year(s.year), text(s.theme), text(s.status), date(s.asOf), ...figureCells(s).map(([, cell]) => cell)];

/** The portfolio as tables: the report's facts, the year's figures, the cohort by province, the series. */
export function portfolioTables(r: PortfolioReportResponse): ReportTable[] {
  const figures: YearFigures = { cohort: r.cohort, mous: r.mous, plans: r.plans, grants: r.grants, facilities: r.facilities, mentoring: r.mentoring, trainings: r.trainings, competitions: r.competitions };
  return [
    {
      title: L.report,
      columns: [L.field, L.value],
      rows: [
        [label(L.program), text(r.program.name)],
        [label(L.company), text(r.program.company.name)],
        [label(L.year), year(r.year)],
        [label(L.asOf), date(r.asOf)],
        [label(L.theme), text(r.programYear?.theme)],
      ],
    },
    { title: { en: `Figures ${r.year}`, id: `Angka ${r.year}` }, columns: [L.figure, L.value], rows: figureCells(figures).map(([name, cell]) => [label(name), cell]) },
    {
      title: { en: 'Cohort by province', id: 'Kohort per provinsi' },
      columns: [L.provinceCode, L.province, L.cohortSchools],
      rows: [...r.cohort.byProvince.map((p) => [text(p.provinceCode), text(p.provinceName), int(p.schools)]), [null, label(L.total), int(r.cohort.schools)]],
    },
    { title: { en: 'Series', id: 'Seri tahunan' }, columns: [L.year, L.theme, L.status, L.asOf, ...FIGURE_LABELS], rows: r.series.map(seriesRow) },
    {
      title: { en: 'Parents reached', id: 'Orang tua terjangkau' },
      columns: [L.school, L.year, L.parentActivities, L.parentsAtMentoring, L.parentsAtTrainings, L.total],
      rows: r.parentsReached.map((p) => [text(p.school.name), year(p.year), int(p.activities), int(p.mentoring), int(p.trainings), int(p.total)]),
    },
  ];
}

/** The region report as tables: facts, regencies with the total, partners per school, schools with partners, companies. */
export function regionTables(r: RegionReportResponse): ReportTable[] {
  const regencyCells = (x: RegionReportResponse['totals']): Cell[] => [
    int(x.schools),
    int(x.withPartner),
    int(x.withoutPartner),
    int(x.severalPartners),
    int(x.partnerLinks),
    int(x.plans.plans),
    int(x.plans.late),
    money(x.grants.awarded),
    money(x.grants.disbursed),
    money(x.grants.accepted),
    money(x.grants.balanceAtSchools),
    int(x.grants.expenseReportsMissing),
    money(x.facilities.inKindValue),
    int(x.mentoring.sessionsDone),
    decimal(x.mentoring.hoursDone),
    decimal(x.mentoring.plannedHours),
    int(x.mentoring.schoolsWithoutContact),
  ];
  return [
    {
      title: L.report,
      columns: [L.field, L.value],
      rows: [
        [label(L.regionCode), text(r.region.code)],
        [label(L.region), text(r.region.name)],
        ...(r.district ? [[label(L.district), text(`${r.district.code} ${r.district.name}`)]] : []),
        [label(L.year), year(r.year)],
        [label(L.asOf), date(r.asOf)],
      ],
    },
    {
      title: { en: 'Regencies', id: 'Kabupaten-kota' },
      columns: [
        L.regionCode,
        L.regency,
        L.schools,
        L.withPartner,
        L.withoutPartner,
        L.severalPartners,
        L.partnerLinks,
        L.plans,
        L.latePlans,
        L.awarded,
        L.disbursed,
        L.accepted,
        L.balance,
        L.reportsMissing,
        L.inKindValue,
        L.sessionsDone,
        L.hoursDone,
        L.plannedHours,
        L.noContact,
      ],
      rows: [...r.regencies.map((g) => [text(g.code), text(g.name), ...regencyCells(g)]), [null, label(L.total), ...regencyCells(r.totals)]],
    },
    { title: { en: 'Partners per school', id: 'Mitra per sekolah' }, columns: [L.partners, L.schools], rows: r.partnersPerSchool.map((d) => [int(d.partners), int(d.schools)]) },
    {
      title: { en: 'Schools with partners', id: 'Sekolah bermitra' },
      columns: [L.npsn, L.school, L.regionCode, L.partners, L.companies],
      rows: r.schoolsWithPartners.map((s) => [text(s.npsn), text(s.name), text(s.regionCode), int(s.companies.length), text(s.companies.map((c) => c.name).join('; '))]),
    },
    { title: { en: 'Companies', id: 'Perusahaan' }, columns: [L.company, L.schools, L.programs], rows: r.companies.map((c) => [text(c.name), int(c.schools), text(c.programs.join('; '))]) },
  ];
}

/** Partnership health as one table: a row per partnership with its reasons. */
export function healthTables(r: PortfolioHealthResponse): ReportTable[] {
  return [
    {
      title: { en: 'Partnership health', id: 'Kesehatan kemitraan' },
      columns: [L.npsn, L.school, L.regionCode, L.status, L.score, L.band, L.reasons],
      rows: r.partnerships.map((p) => [
        text(p.school.npsn),
        text(p.school.name),
        text(p.school.regionCode),
        text(p.status),
        int(p.score),
        text(p.band),
        text(p.reasons.map((x) => `${x.code} −${x.points}: ${x.detail}`).join(' | ')),
      ]),
    },
  ];
}

/** A school's timeline as tables: the years with their figures, and every event. */
export function timelineTables(r: SchoolTimelineResponse): ReportTable[] {
  return [
    {
      title: { en: 'Years', id: 'Tahun' },
      columns: [L.company, L.program, L.year, L.theme, L.inCohort, ...FIGURE_LABELS],
      rows: r.partnerships.flatMap((p) => p.years.map((y) => [text(p.company.name), text(p.program.name), year(y.year), text(y.theme), yesNo(y.inCohort), ...figureCells(y.figures).map(([, c]) => c)])),
    },
    {
      title: { en: 'Events', id: 'Peristiwa' },
      columns: [L.company, L.date, L.kind, L.title, L.detail],
      rows: r.partnerships.flatMap((p) => p.years.flatMap((y) => y.events.map((e) => [text(p.company.name), date(e.date), text(e.kind), text(e.title), text(e.detail)]))),
    },
  ];
}
