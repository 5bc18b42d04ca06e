import type { Topic } from '../../common/catalog/topics';
import type { Lang } from '../../common/errors/i18n';
import { planTotals } from '../plan-content';
import type { PlanContent, PlanProgram } from '../plan-content';
import { FUNDING_SOURCES } from '../plan-status';
import type { FundingSource, PlanStatus } from '../plan-status';
import type { PlanRow } from '../plans.repository';
import { writeCsv } from '../../common/export/csv';
import type { CsvSeparator } from '../../common/export/csv';
import { PdfWriter, printedDate } from '../../common/export/pdf';
import { writeXlsx } from '../../common/export/xlsx';
import type { XlsxCell } from '../../common/export/xlsx';
import { ACCOUNT_CODES, SNP_STANDARD_NAMES } from '../rkas-catalog';
import { PARENT_ENGAGEMENT_KIND_LABELS } from '../../parent-engagement/parent-engagement-kinds';

type Text = Record<Lang, string>;

const TOPIC_LABELS: Record<Topic, Text> = {
  literacy: { en: 'Literacy', id: 'Literasi' },
  project_based_learning: { en: 'Project-based learning', id: 'Pembelajaran berbasis proyek' },
  child_friendly_school: { en: 'Child-friendly school', id: 'Sekolah ramah anak' },
  student_mental_health: { en: 'Student mental health', id: 'Kesehatan mental siswa' },
  school_health_unit: { en: 'School health unit (UKS)', id: 'Usaha Kesehatan Sekolah (UKS)' },
  sanitation: { en: 'Cleanliness and sanitation', id: 'Kebersihan dan sanitasi' },
  disaster_preparedness: { en: 'Disaster preparedness', id: 'Kesiapsiagaan bencana' },
  parenting: { en: 'Parenting', id: 'Parenting (pelibatan orang tua)' },
  horizontal_learning: { en: 'Horizontal learning', id: 'Horizontal learning' },
  teacher_training: { en: 'Teacher training', id: 'Pelatihan guru' },
  infrastructure: { en: 'Infrastructure', id: 'Sarana prasarana' },
  other: { en: 'Other', id: 'Lainnya' },
};

export const FUNDING_LABELS: Record<FundingSource, Text> = {
  stimulus_grant: { en: 'Stimulus grant', id: 'Dana stimulus' },
  school_budget_bos: { en: 'School budget (BOS)', id: 'Dana BOS' },
  other: { en: 'Other', id: 'Lainnya' },
};

const STATUS_LABELS: Record<PlanStatus, Text> = {
  draft: { en: 'Draft', id: 'Draf' },
  submitted: { en: 'Submitted, in review', id: 'Diajukan, sedang ditelaah' },
  changes_requested: { en: 'Changes requested', id: 'Perlu perbaikan' },
  approved: { en: 'Approved', id: 'Disetujui' },
  in_progress: { en: 'In progress', id: 'Sedang dilaksanakan' },
  completed: { en: 'Completed', id: 'Selesai' },
  withdrawn: { en: 'Withdrawn', id: 'Ditarik' },
};

const MONTHS: Record<Lang, string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
};

const L = {
  no: { en: 'No', id: 'No' },
  program: { en: 'Program', id: 'Program' },
  item: { en: 'Item', id: 'Uraian' },
  quantity: { en: 'Quantity', id: 'Volume' },
  unit: { en: 'Unit', id: 'Satuan' },
  unitCost: { en: 'Unit cost (IDR)', id: 'Harga satuan (Rp)' },
  total: { en: 'Total (IDR)', id: 'Jumlah (Rp)' },
  source: { en: 'Funding source', id: 'Sumber dana' },
  totalOf: { en: 'Total', id: 'Total' },
  planTotal: { en: 'Plan total', id: 'Total rencana' },
  school: { en: 'School', id: 'Sekolah' },
  programYear: { en: 'Program year', id: 'Tahun program' },
  status: { en: 'Status', id: 'Status' },
  revision: { en: 'Revision', id: 'Revisi' },
  deadline: { en: 'Plan deadline', id: 'Batas pengajuan' },
  submitted: { en: 'Submitted', id: 'Diajukan' },
  late: { en: 'late', id: 'terlambat' },
  approved: { en: 'Approved', id: 'Disetujui' },
  facilitator: { en: 'Facilitator', id: 'Fasilitator' },
  workshop: { en: 'Planning workshop', id: 'Lokakarya perencanaan' },
  date: { en: 'Date', id: 'Tanggal' },
  participants: { en: 'Participants', id: 'Peserta' },
  reflection: { en: 'Reflection', id: 'Refleksi' },
  needs: { en: 'Needs', id: 'Kebutuhan' },
  opportunities: { en: 'Opportunities', id: 'Peluang' },
  goal: { en: 'Goal', id: 'Tujuan' },
  background: { en: 'Background', id: 'Latar belakang' },
  targetGroup: { en: 'Target group', id: 'Sasaran' },
  activities: { en: 'Activities', id: 'Kegiatan' },
  activity: { en: 'Activity', id: 'Kegiatan' },
  months: { en: 'Months', id: 'Bulan' },
  responsible: { en: 'Responsible', id: 'Penanggung jawab' },
  output: { en: 'Expected output', id: 'Keluaran' },
  budget: { en: 'Budget', id: 'Anggaran' },
  indicators: { en: 'Success indicators', id: 'Indikator keberhasilan' },
  indicator: { en: 'Indicator', id: 'Indikator' },
  baseline: { en: 'Baseline', id: 'Kondisi awal' },
  target: { en: 'Target', id: 'Target' },
  risks: { en: 'Risks', id: 'Risiko' },
  risk: { en: 'Risk', id: 'Risiko' },
  mitigation: { en: 'What to do about it', id: 'Penanganan' },
  summary: { en: 'Budget summary', id: 'Ringkasan anggaran' },
  documents: { en: 'School planning documents', id: 'Dokumen perencanaan sekolah' },
  document: { en: 'Document', id: 'Dokumen' },
  reference: { en: 'Reference', id: 'Rujukan' },
  description: { en: 'Description', id: 'Uraian' },
  none: { en: '(none)', id: '(tidak ada)' },
  parentEngagement: { en: 'Parent engagement', id: 'Pelibatan orang tua' },
  parentKind: { en: 'Kind', id: 'Jenis' },
  sessionsTarget: { en: 'Target sessions', id: 'Target kegiatan' },
  parentsTarget: { en: 'Target parents', id: 'Target orang tua' },
  note: { en: 'Note', id: 'Catatan' },
  page: { en: 'page', id: 'halaman' },
  roles: {
    en: { principal: 'principal', teachers: 'teachers', educationStaff: 'education staff', supervisors: 'supervisors', parents: 'parents' },
    id: { principal: 'kepala sekolah', teachers: 'guru', educationStaff: 'tenaga kependidikan', supervisors: 'pengawas', parents: 'orang tua' },
  },
} as const;

/** Whole rupiah with thousands separators: "Rp 1.500.000" in Bahasa Indonesia, "IDR 1,500,000" in English. */
export function formatRupiah(amount: string, lang: Lang): string {
  const grouped = amount.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'id' ? '.' : ',');
  return lang === 'id' ? `Rp ${grouped}` : `IDR ${grouped}`;
}

/** How a program is named in exports: its name, or its topic. */
export function programName(p: PlanProgram, index: number, lang: Lang): string {
  return `${index + 1}. ${p.name ?? TOPIC_LABELS[p.topic][lang]}`;
}

/**
 * How the RKAS export names a funding source: the company's stimulus grant is the school's CSR or
 * partner money ("CSR/mitra"), kept apart from its BOS funds, as the treasurer enters them in ARKAS
 * under different sources.
 */
export const RKAS_FUNDING_LABELS: Record<FundingSource, Text> = {
  stimulus_grant: { en: 'CSR/partner', id: 'CSR/mitra' },
  school_budget_bos: { en: 'BOS', id: 'BOS' },
  other: { en: 'Other', id: 'Lainnya' },
};

const MONTH_NAMES: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
};

/** The columns of the RKAS export, in the order a treasurer keys a line into ARKAS. */
const RKAS_COLUMNS = [
  { key: 'no', en: 'No', id: 'No' },
  { key: 'standardCode', en: 'SNP code', id: 'Kode SNP' },
  { key: 'standard', en: 'Education standard (SNP)', id: 'Standar (SNP)' },
  { key: 'activity', en: 'Activity', id: 'Kegiatan' },
  { key: 'accountCode', en: 'Account code', id: 'Kode rekening' },
  { key: 'account', en: 'Account name', id: 'Nama rekening' },
  { key: 'item', en: 'Description', id: 'Uraian' },
  { key: 'quantity', en: 'Volume', id: 'Volume' },
  { key: 'unit', en: 'Unit', id: 'Satuan' },
  { key: 'unitCost', en: 'Unit price (IDR)', id: 'Harga satuan (Rp)' },
  { key: 'total', en: 'Amount (IDR)', id: 'Jumlah (Rp)' },
  { key: 'month', en: 'Month', id: 'Bulan' },
  { key: 'source', en: 'Funding source', id: 'Sumber dana' },
] as const;
type RkasColumn = (typeof RKAS_COLUMNS)[number]['key'];
const column = (key: RkasColumn) => RKAS_COLUMNS.findIndex((c) => c.key === key);

/** A cell of the RKAS export: text, a count, or whole rupiah. */
export type RkasCell = string | number | { amount: string };

/**
 * The rows of the RKAS export: a header, one row per budget line (the standard it serves, the program
 * it belongs to as the activity, the account, description, volume, unit, unit price, amount, month and
 * funding source, with "CSR/mitra" apart from BOS), then totals per funding source and for the plan.
 * Optional fields a line lacks stay empty, for the treasurer to fill in ARKAS.
 */
export function budgetRows(content: PlanContent, lang: Lang): { header: string[]; lines: RkasCell[][]; totals: Array<[string, string]> } {
  const header = RKAS_COLUMNS.map((c) => c[lang]);
  const lines: RkasCell[][] = [];
  content.programs.forEach((p, i) => {
    for (const b of p.budgetLines) {
      const cells: Record<RkasColumn, RkasCell> = {
        no: lines.length + 1,
        standardCode: b.standard ?? '',
        standard: b.standard ? SNP_STANDARD_NAMES[b.standard][lang] : '',
        activity: programName(p, i, lang),
        accountCode: b.accountCode ?? '',
        account: b.accountCode ? ACCOUNT_CODES[b.accountCode] : '',
        item: b.item,
        quantity: b.quantity,
        unit: b.unit ?? '',
        unitCost: { amount: b.unitCost },
        total: { amount: b.total },
        month: b.spendingMonth ? MONTH_NAMES[lang][b.spendingMonth - 1] : '',
        source: RKAS_FUNDING_LABELS[b.fundingSource][lang],
      };
      lines.push(RKAS_COLUMNS.map((c) => cells[c.key]));
    }
  });
  const totals = planTotals(content);
  return {
    header,
    lines,
    totals: [...FUNDING_SOURCES.map((s): [string, string] => [`${L.totalOf[lang]} ${RKAS_FUNDING_LABELS[s][lang]}`, totals.byFundingSource[s]]), [L.planTotal[lang], totals.total]],
  };
}

/** A totals row: the label under the descriptions, the amount under the amounts. */
function totalsRow<T>(label: T, amount: T, empty: T): T[] {
  return RKAS_COLUMNS.map((_, c) => (c === column('item') ? label : c === column('total') ? amount : empty));
}

/** The RKAS export as CSV for re-keying into ARKAS: comma- or semicolon-separated, UTF-8 with BOM. */
export function budgetCsv(content: PlanContent, lang: Lang, separator: CsvSeparator): Buffer {
  const { header, lines, totals } = budgetRows(content, lang);
  const cell = (v: RkasCell) => (typeof v === 'object' ? { value: v.amount, number: true } : typeof v === 'number' ? { value: String(v), number: true } : { value: v });
  return writeCsv(
    [
      header.map((h) => ({ value: h })),
      ...lines.map((row) => row.map(cell)),
      [{ value: '' }],
      ...totals.map(([label, amount]) => totalsRow<{ value: string; number?: boolean }>({ value: label }, { value: amount, number: true }, { value: '' })),
    ],
    separator,
  );
}

/** The RKAS export as an XLSX workbook: the same rows as the CSV, amounts as rupiah numbers, the header frozen and filtered. */
export function budgetXlsx(content: PlanContent, lang: Lang, sheetName: string): Promise<Buffer> {
  const { header, lines, totals } = budgetRows(content, lang);
  const cell = (v: RkasCell): XlsxCell => (typeof v === 'object' ? { money: v.amount } : typeof v === 'number' ? { number: v } : v);
  const rows: XlsxCell[][] = [
    header.map((h) => ({ bold: h })),
    ...lines.map((row) => row.map(cell)),
    [],
    ...totals.map(([label, amount]): XlsxCell[] => totalsRow<XlsxCell>({ bold: label }, { money: amount }, null)),
  ];
  return writeXlsx([{ name: sheetName, rows, filterRows: lines.length }], lang);
}

function months(start: number | null, end: number | null, lang: Lang): string {
  if (start === null && end === null) return '';
  const m = (n: number | null) => (n === null ? '?' : MONTHS[lang][n - 1]);
  return start === end ? m(start) : `${m(start)}–${m(end)}`;
}

/** The plan as a printable A4 PDF: header, workshop, every program with its tables, budget summary, parent engagement (if planned) and planning documents. */
export function planPdf(plan: PlanRow, content: PlanContent, lang: Lang): Promise<Buffer> {
  const pdf = new PdfWriter({ title: plan.title, author: plan.schoolName, lang }, (page, pages) => `Jalin · ${plan.schoolName} · ${plan.year} · ${L.page[lang]} ${page} / ${pages}`);
  const t = (label: { en: string; id: string }) => label[lang];
  pdf.text(plan.title, { size: 16, bold: true, after: 4 });
  pdf.text(`${plan.schoolName}${plan.schoolNpsn ? ` (NPSN ${plan.schoolNpsn})` : ''} · ${plan.programName} ${plan.year}: ${plan.theme}`, { size: 10, after: 6 });
  pdf.field(t(L.status), `${STATUS_LABELS[plan.status][lang]}${plan.revision > 0 ? ` · ${t(L.revision)} ${plan.revision}` : ''}`);
  if (plan.planDeadline) pdf.field(t(L.deadline), printedDate(plan.planDeadline, lang));
  if (plan.submittedAt) pdf.field(t(L.submitted), `${printedDate(plan.submittedAt, lang)}${plan.submittedLate ? ` (${t(L.late)})` : ''}`);
  if (plan.approvedAt) pdf.field(t(L.approved), `${printedDate(plan.approvedAt, lang)}${plan.approvedByName ? ` · ${plan.approvedByName}` : ''}`);
  if (plan.facilitatorName) pdf.field(t(L.facilitator), plan.facilitatorName);
  pdf.rule();

  const w = content.workshop;
  pdf.heading(t(L.workshop));
  if (w.date) pdf.field(t(L.date), printedDate(w.date, lang));
  if (w.facilitatorName) pdf.field(t(L.facilitator), w.facilitatorName);
  const counts = (Object.keys(w.participants) as Array<keyof typeof w.participants>).filter((r) => w.participants[r] !== null).map((r) => `${L.roles[lang][r]} ${w.participants[r]}`);
  if (counts.length > 0) pdf.field(t(L.participants), counts.join(', '));
  if (w.reflectionNotes) pdf.field(t(L.reflection), w.reflectionNotes);
  if (w.needs.length > 0) pdf.field(t(L.needs), w.needs.map((n) => `• ${n}`).join('\n'));
  if (w.opportunities.length > 0) pdf.field(t(L.opportunities), w.opportunities.map((n) => `• ${n}`).join('\n'));

  const totals = planTotals(content);
  content.programs.forEach((p, i) => {
    pdf.heading(`${t(L.program)} ${programName(p, i, lang)} (${TOPIC_LABELS[p.topic][lang]})`);
    if (p.goal) pdf.field(t(L.goal), p.goal);
    if (p.background) pdf.field(t(L.background), p.background);
    if (p.targetGroup) pdf.field(t(L.targetGroup), p.targetGroup);
    pdf.table(
      [{ header: t(L.no), width: 4 }, { header: t(L.activity), width: 30 }, { header: t(L.months), width: 11 }, { header: t(L.responsible), width: 20 }, { header: t(L.output), width: 25 }],
      p.activities.map((a, j) => [String(j + 1), a.name, months(a.startMonth, a.endMonth, lang), a.personResponsible ?? '', a.expectedOutput ?? '']),
      { caption: t(L.activities) },
    );
    if (p.budgetLines.length > 0) {
      pdf.table(
        [
          { header: t(L.item), width: 34 },
          { header: t(L.quantity), width: 12, align: 'right' },
          { header: t(L.unitCost), width: 16, align: 'right' },
          { header: t(L.total), width: 18, align: 'right' },
          { header: t(L.source), width: 16 },
        ],
        [
          ...p.budgetLines.map((b) => [b.item, `${b.quantity}${b.unit ? ` ${b.unit}` : ''}`, formatRupiah(b.unitCost, lang), formatRupiah(b.total, lang), FUNDING_LABELS[b.fundingSource][lang]]),
          { bold: [t(L.totalOf), '', '', formatRupiah(totals.programs[i].total, lang), ''] },
        ],
        { caption: t(L.budget) },
      );
    }
    pdf.table(
      [{ header: t(L.indicator), width: 46 }, { header: t(L.baseline), width: 14, align: 'right' }, { header: t(L.target), width: 14, align: 'right' }, { header: t(L.unit), width: 14 }],
      p.indicators.map((d) => [d.name, d.baseline ?? '', d.target ?? '', d.unit ?? '']),
      { caption: t(L.indicators) },
    );
    if (p.risks.length > 0) {
      pdf.table([{ header: t(L.risk), width: 50 }, { header: t(L.mitigation), width: 50 }], p.risks.map((r) => [r.risk, r.mitigation ?? '']), { caption: t(L.risks) });
    }
  });

  pdf.heading(t(L.summary));
  pdf.table(
    [{ header: t(L.source), width: 60 }, { header: t(L.total), width: 40, align: 'right' }],
    [...FUNDING_SOURCES.map((s) => [FUNDING_LABELS[s][lang], formatRupiah(totals.byFundingSource[s], lang)]), { bold: [t(L.planTotal), formatRupiah(totals.total, lang)] }],
  );

  if (content.parentEngagement && content.parentEngagement.length > 0) {
    pdf.heading(t(L.parentEngagement));
    pdf.table(
      [{ header: t(L.parentKind), width: 34 }, { header: t(L.sessionsTarget), width: 15, align: 'right' }, { header: t(L.parentsTarget), width: 15, align: 'right' }, { header: t(L.note), width: 36 }],
      content.parentEngagement.map((l) => [PARENT_ENGAGEMENT_KIND_LABELS[l.kind].label[lang], l.sessionsTarget === null ? '' : String(l.sessionsTarget), l.parentsTarget === null ? '' : String(l.parentsTarget), l.note ?? '']),
    );
  }

  const d = content.planningDocuments;
  pdf.heading(t(L.documents));
  pdf.field('RKT', d.rktReference ?? t(L.none));
  pdf.field('RKAS', d.rkasReference ?? t(L.none));
  if (d.lines.length > 0) {
    pdf.table([{ header: t(L.document), width: 15 }, { header: t(L.reference), width: 20 }, { header: t(L.description), width: 65 }], d.lines.map((l) => [l.document, l.reference ?? '', l.description ?? '']));
  }
  return pdf.toBuffer();
}

/** A file name for an export: ASCII, e.g. "plan-2026-sdn-pelambuan-4-banjarmasin.pdf". */
export function exportFilename(plan: Pick<PlanRow, 'year' | 'schoolName'>, what: string, extension: string): string {
  const slug = plan.schoolName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${what}-${plan.year}-${slug || 'school'}.${extension}`;
}
