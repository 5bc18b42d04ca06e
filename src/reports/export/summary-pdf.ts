import type { Lang } from '../../common/errors/i18n';
import { PLAN_STATUSES } from '../../plans/plan-status';
import type { PlanStatus } from '../../plans/plan-status';
import { PdfWriter, printedDate } from '../../common/export/pdf';
import type { TableRow } from '../../common/export/pdf';
import type { YearFigures } from '../report-figures';
import type { PartnershipSummary } from '../reports.service';

type Text = Record<Lang, string>;

const L = {
  title: { en: 'Partnership summary', id: 'Ringkasan kemitraan' },
  program: { en: 'Program', id: 'Program' },
  since: { en: 'since', id: 'sejak' },
  school: { en: 'School', id: 'Sekolah' },
  company: { en: 'Company', id: 'Perusahaan' },
  status: { en: 'Status', id: 'Status' },
  mou: { en: 'MoU in force', id: 'MoU yang berlaku' },
  until: { en: 'until', id: 'sampai' },
  none: { en: 'none', id: 'tidak ada' },
  health: { en: 'Health', id: 'Kesehatan' },
  year: { en: 'Year', id: 'Tahun' },
  theme: { en: 'Theme', id: 'Tema' },
  plan: { en: 'Plan', id: 'Rencana' },
  awarded: { en: 'Awarded (Rp)', id: 'Hibah (Rp)' },
  disbursed: { en: 'Disbursed (Rp)', id: 'Dicairkan (Rp)' },
  accepted: { en: 'Spending accepted (Rp)', id: 'Belanja diterima (Rp)' },
  inKind: { en: 'In kind (Rp)', id: 'Sarana (Rp)' },
  sessions: { en: 'Sessions', id: 'Sesi' },
  hours: { en: 'Hours', id: 'Jam' },
  gain: { en: 'Training gain', id: 'Kenaikan nilai' },
  competition: { en: 'Competition', id: 'Kompetisi' },
  quiet: { en: 'no recorded activity', id: 'tidak ada kegiatan tercatat' },
  total: { en: 'Total', id: 'Total' },
  yearByYear: { en: 'Year by year', id: 'Dari tahun ke tahun' },
  note: {
    en: 'Figures from the Jalin records as of {date}, with the definitions of the Jalin reports. For the school work program, RKT and RKAS, and the company CSR report.',
    id: 'Angka dari catatan Jalin per {date}, dengan definisi laporan Jalin. Untuk program kerja sekolah, RKT dan RKAS, serta laporan CSR perusahaan.',
  },
  band: {
    en: { healthy: 'healthy', watch: 'watch', at_risk: 'at risk' },
    id: { healthy: 'sehat', watch: 'perlu perhatian', at_risk: 'berisiko' },
  },
  statuses: {
    en: { prospective: 'prospective', active: 'active', paused: 'paused', ended: 'ended' },
    id: { prospective: 'calon mitra', active: 'aktif', paused: 'dihentikan sementara', ended: 'berakhir' },
  },
  awards: { en: { winner: 'winner', runner_up: 'runner-up', special_mention: 'special mention' }, id: { winner: 'juara 1', runner_up: 'juara 2', special_mention: 'penghargaan khusus' } },
  entries: { en: 'entry', id: 'karya' },
  late: { en: 'late', id: 'terlambat' },
} as const;

/** Rows the page holds besides everything else: older ones fold into the note. */
const MAX_ROWS = 16;

const group = (digits: string, lang: Lang) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
const number = (n: number, lang: Lang) => (lang === 'id' ? String(Math.round(n * 100) / 100).replace('.', ',') : String(Math.round(n * 100) / 100));

const PLAN_STATUS_TEXT: Record<Lang, Record<PlanStatus, string>> = {
  en: { draft: 'draft', submitted: 'submitted', changes_requested: 'changes requested', approved: 'approved', in_progress: 'in progress', completed: 'completed', withdrawn: 'withdrawn' },
  id: { draft: 'draf', submitted: 'diajukan', changes_requested: 'perlu perbaikan', approved: 'disetujui', in_progress: 'berjalan', completed: 'selesai', withdrawn: 'ditarik' },
};

function planCell(f: YearFigures, lang: Lang): string {
  const status = PLAN_STATUSES.find((s) => f.plans.byStatus[s] > 0);
  if (!status) return '';
  return `${PLAN_STATUS_TEXT[lang][status]}${f.plans.late > 0 ? ` (${L.late[lang]})` : ''}`;
}

function competitionCell(f: YearFigures, lang: Lang): string {
  const c = f.competitions;
  if (c.winners > 0) return L.awards[lang].winner;
  if (c.runnersUp > 0) return L.awards[lang].runner_up;
  if (c.specialMentions > 0) return L.awards[lang].special_mention;
  return c.entries > 0 ? `${c.entries} ${L.entries[lang]}` : '';
}

/** Whether the year has anything to show: being in the cohort alone is not an activity. */
const hasActivity = (f: YearFigures) =>
  f.plans.plans > 0 || f.grants.awarded !== '0' || f.facilities.inKindValue !== '0' || f.mentoring.sessionsDone > 0 || f.trainings.participants > 0 || f.competitions.entries > 0;

/**
 * One A4 page about a partnership, for the school's planning documents and the company's CSR report:
 * who, since when, the MoU in force, its health with the reasons, and what each year brought (plan,
 * grant money, in-kind support, mentoring, training, competition), with totals.
 */
export function summaryPdf(s: PartnershipSummary, lang: Lang): Promise<Buffer> {
  const t = (x: Text) => x[lang];
  const p = s.partnership;
  const pdf = new PdfWriter({ title: `${t(L.title)}: ${p.companyName} – ${p.schoolName}`, author: 'Jalin', lang }, () => `Jalin · ${printedDate(s.today, lang)}`);
  pdf.text(t(L.title), { size: 16, bold: true, after: 2 });
  pdf.text(`${p.companyName} – ${p.schoolName}`, { size: 12, bold: true, after: 6 });
  pdf.field(t(L.program), `${p.programName} (${t(L.since)} ${p.programStartYear})`);
  pdf.field(t(L.school), `${p.schoolName}${p.schoolNpsn ? `, NPSN ${p.schoolNpsn}` : ''}${p.regionName ? `, ${p.regionName}` : ''}`);
  pdf.field(t(L.status), `${L.statuses[lang][p.status]}${p.startedOn ? ` (${t(L.since)} ${printedDate(p.startedOn, lang)})` : ''}`);
  const mou = s.health?.mouInForce;
  pdf.field(t(L.mou), mou ? `${mou.number}, ${t(L.until)} ${printedDate(mou.expiryDate, lang)}` : t(L.none));
  if (s.health) {
    pdf.field(t(L.health), `${s.health.score}/100 (${L.band[lang][s.health.band]})`);
    for (const r of s.health.reasons) pdf.text(`–${r.points}  ${r.detail}`, { size: 8.5, indent: 12, after: 1 });
  }
  pdf.rule();

  // Each year with something in it gets a row; a run of years without anything is one line.
  const items: Array<{ from: number; to: number; row: TableRow }> = [];
  for (const y of s.series) {
    const f = y.figures;
    if (!hasActivity(f)) {
      const last = items[items.length - 1];
      if (last && 'note' in last.row && last.to === y.year - 1) last.to = y.year;
      else items.push({ from: y.year, to: y.year, row: { note: '' } });
      continue;
    }
    items.push({
      from: y.year,
      to: y.year,
      row: [
        String(y.year),
        y.theme,
        planCell(f, lang),
        group(f.grants.awarded, lang),
        group(f.grants.disbursed, lang),
        group(f.grants.accepted, lang),
        group(f.facilities.inKindValue, lang),
        String(f.mentoring.sessionsDone),
        number(f.mentoring.hoursDone, lang),
        f.trainings.meanGain === null ? '' : number(f.trainings.meanGain, lang),
        competitionCell(f, lang),
      ],
    });
  }
  for (const item of items) {
    if ('note' in item.row) item.row = { note: `${item.from === item.to ? item.from : `${item.from}–${item.to}`}: ${t(L.quiet)}` };
  }
  const shown = items.slice(-MAX_ROWS);
  const older = items.slice(0, items.length - shown.length).filter((i) => !('note' in i.row)).length;
  const active = s.series.filter((y) => hasActivity(y.figures));
  const sum = (pick: (f: YearFigures) => string) => group(active.reduce((acc, y) => acc + BigInt(pick(y.figures)), 0n).toString(), lang);
  const rows: TableRow[] = shown.map((i) => i.row);
  rows.push({
    bold: [
      t(L.total),
      '',
      '',
      sum((f) => f.grants.awarded),
      sum((f) => f.grants.disbursed),
      sum((f) => f.grants.accepted),
      sum((f) => f.facilities.inKindValue),
      String(active.reduce((acc, y) => acc + y.figures.mentoring.sessionsDone, 0)),
      number(active.reduce((acc, y) => acc + y.figures.mentoring.hoursDone, 0), lang),
      '',
      '',
    ],
  });
  pdf.table(
    [
      { header: t(L.year), width: 6 },
      { header: t(L.theme), width: 13 },
      { header: t(L.plan), width: 9 },
      { header: t(L.awarded), width: 10.5, align: 'right' },
      { header: t(L.disbursed), width: 10.5, align: 'right' },
      { header: t(L.accepted), width: 10.5, align: 'right' },
      { header: t(L.inKind), width: 10.5, align: 'right' },
      { header: t(L.sessions), width: 7, align: 'right' },
      { header: t(L.hours), width: 5.5, align: 'right' },
      { header: t(L.gain), width: 7, align: 'right' },
      { header: t(L.competition), width: 10.5 },
    ],
    rows,
    { size: 7, caption: t(L.yearByYear) },
  );
  const note =
    t(L.note).replace('{date}', printedDate(s.today, lang)) +
    (older > 0 ? ` (${older} ${lang === 'id' ? 'tahun sebelumnya termasuk dalam total' : 'earlier years are in the total'})` : '');
  pdf.text(note, { size: 7.5, after: 0, muted: true });
  return pdf.toBuffer();
}
