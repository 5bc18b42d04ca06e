import type { Topic } from '../../api/catalog';
import type { components } from '../../api/schema';
import { fieldPathToFormName } from '../../api/problem';
import { toBigInt } from '../../ui/format';
import type { ParentEngagementLineForm } from '../parent-engagement/PlanParentEngagementSection';

export type PlanDetail = components['schemas']['PlanDetailResponse'];
export type PlanSummary = components['schemas']['PlanResponse'];
export type PlanContent = components['schemas']['PlanContentResponse'];
export type PlanTotals = components['schemas']['PlanTotalsResponse'];
export type FundingSource = PlanContent['programs'][number]['budgetLines'][number]['fundingSource'];
export type PlanningDocument = PlanContent['planningDocuments']['lines'][number]['document'];
type UpdatePlanBody = components['schemas']['UpdatePlanDto'];
export type PlanContentInput = NonNullable<UpdatePlanBody['content']>;

export const FUNDING_SOURCES: FundingSource[] = ['stimulus_grant', 'school_budget_bos', 'other'];
export const PARTICIPANT_ROLES = ['principal', 'teachers', 'educationStaff', 'supervisors', 'parents'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const PLANNING_DOCUMENTS: PlanningDocument[] = ['RKT', 'RKAS'];

/** The national education standards (SNP) a budget line may serve: the API's documented list. */
export const SNP_STANDARDS = ['kompetensi_lulusan', 'isi', 'proses', 'penilaian', 'pendidik_tenaga_kependidikan', 'sarana_prasarana', 'pengelolaan', 'pembiayaan'] as const;

/** The ARKAS expenditure accounts a budget line may name, with their official names: the API's documented list. */
export const ACCOUNT_CODES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['5.1.02.01.01.0024', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor'],
  ['5.1.02.01.01.0025', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover'],
  ['5.1.02.01.01.0026', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak'],
  ['5.1.02.01.01.0029', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Komputer'],
  ['5.1.02.01.01.0030', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Perabot Kantor'],
  ['5.1.02.01.01.0031', 'Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik'],
  ['5.1.02.01.01.0052', 'Belanja Makanan dan Minuman Rapat'],
  ['5.1.02.01.01.0055', 'Belanja Makanan dan Minuman pada Fasilitas Pelayanan Urusan Pendidikan'],
  ['5.1.02.02.01.0003', 'Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia'],
  ['5.1.02.02.01.0030', 'Belanja Jasa Tenaga Kebersihan'],
  ['5.1.02.02.01.0061', 'Belanja Tagihan Listrik'],
  ['5.1.02.02.01.0063', 'Belanja Kawat/Faksimili/Internet/TV Berlangganan'],
  ['5.1.02.02.12.0003', 'Belanja Bimbingan Teknis'],
  ['5.1.02.04.01.0003', 'Belanja Perjalanan Dinas Dalam Kota'],
  ['5.2.02.10.01.0002', 'Belanja Modal Personal Computer'],
  ['5.2.05.01.01.0001', 'Belanja Modal Buku Umum'],
];

/** A budget line's optional RKAS fields as the API answers them (absent from a client generated before them). */
type RkasFields = { standard?: string | null; accountCode?: string | null; spendingMonth?: number | null };

// The form holds what a person typed, as strings; `id` is the item's id from the API (absent for a new item).
export interface ActivityForm {
  id?: string;
  name: string;
  startMonth: string;
  endMonth: string;
  personResponsible: string;
  expectedOutput: string;
}
export interface BudgetLineForm {
  id?: string;
  item: string;
  unit: string;
  quantity: string;
  unitCost: string;
  fundingSource: FundingSource;
  /** An SNP code, or '' for none. */
  standard: string;
  /** An ARKAS account code, or '' for none. */
  accountCode: string;
  /** A month 1–12 as typed, or '' for none. */
  spendingMonth: string;
}
export interface IndicatorForm {
  id?: string;
  name: string;
  baseline: string;
  target: string;
  unit: string;
}
export interface RiskForm {
  id?: string;
  risk: string;
  mitigation: string;
}
export interface ProgramForm {
  id?: string;
  topic: Topic | '';
  name: string;
  goal: string;
  background: string;
  targetGroup: string;
  activities: ActivityForm[];
  budgetLines: BudgetLineForm[];
  indicators: IndicatorForm[];
  risks: RiskForm[];
}
export interface DocumentLineForm {
  id?: string;
  document: PlanningDocument;
  reference: string;
  description: string;
}
export interface PlanFormValues {
  title: string;
  content: {
    workshop: {
      date: string;
      facilitatorName: string;
      participants: Record<ParticipantRole, string>;
      reflectionNotes: string;
      /** One entry per line. */
      needs: string;
      /** One entry per line. */
      opportunities: string;
    };
    programs: ProgramForm[];
    planningDocuments: { rktReference: string; rkasReference: string; lines: DocumentLineForm[] };
    /** The optional parent-engagement section (empty: the plan has none). */
    parentEngagement: ParentEngagementLineForm[];
  };
}

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const withId = (id: string | undefined) => (id ? { id } : {});

/** The API's template as the form shows it. */
export function toFormValues(title: string, c: PlanContent): PlanFormValues {
  const w = c.workshop;
  return {
    title,
    content: {
      workshop: {
        date: s(w.date),
        facilitatorName: s(w.facilitatorName),
        participants: Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, s(w.participants[r])])) as Record<ParticipantRole, string>,
        reflectionNotes: s(w.reflectionNotes),
        needs: w.needs.join('\n'),
        opportunities: w.opportunities.join('\n'),
      },
      programs: c.programs.map((p) => ({
        id: p.id,
        topic: p.topic,
        name: s(p.name),
        goal: s(p.goal),
        background: s(p.background),
        targetGroup: s(p.targetGroup),
        activities: p.activities.map((a) => ({ id: a.id, name: a.name, startMonth: s(a.startMonth), endMonth: s(a.endMonth), personResponsible: s(a.personResponsible), expectedOutput: s(a.expectedOutput) })),
        budgetLines: p.budgetLines.map((b: (typeof p.budgetLines)[number] & RkasFields) => ({
          id: b.id,
          item: b.item,
          unit: s(b.unit),
          quantity: s(b.quantity),
          unitCost: s(b.unitCost),
          fundingSource: b.fundingSource,
          standard: s(b.standard),
          accountCode: s(b.accountCode),
          spendingMonth: s(b.spendingMonth),
        })),
        indicators: p.indicators.map((d) => ({ id: d.id, name: d.name, baseline: s(d.baseline), target: s(d.target), unit: s(d.unit) })),
        risks: p.risks.map((r) => ({ id: r.id, risk: r.risk, mitigation: s(r.mitigation) })),
      })),
      planningDocuments: {
        rktReference: s(c.planningDocuments.rktReference),
        rkasReference: s(c.planningDocuments.rkasReference),
        lines: c.planningDocuments.lines.map((l) => ({ id: l.id, document: l.document, reference: s(l.reference), description: s(l.description) })),
      },
      parentEngagement: (c.parentEngagement ?? []).map((l) => ({ id: l.id, kind: l.kind, sessionsTarget: s(l.sessionsTarget), parentsTarget: s(l.parentsTarget), note: s(l.note) })),
    },
  };
}

/** Blank optional text travels as null. */
const opt = (v: string): string | null => (v.trim() === '' ? null : v);
/** A whole number as typed; what is not one is sent as typed, so the API names the field. */
const whole = (v: string): number | string | null => {
  const t = v.trim();
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : t;
};
/** A decimal as typed in either language ("78,5" or "78.5"). */
export function decimalInput(v: string): string | null {
  const t = v.trim().replace(/\s/g, '');
  if (t === '') return null;
  return !t.includes('.') ? t.replace(',', '.') : t;
}
const lines = (v: string): string[] =>
  v
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * The form as the API takes it (PATCH /plans/{id} `content`): item ids sent back unchanged, blank
 * optional text as null, line totals left out (the API computes them).
 */
export function toContentInput(v: PlanFormValues['content']): PlanContentInput {
  const w = v.workshop;
  return {
    workshop: {
      date: opt(w.date),
      facilitatorName: opt(w.facilitatorName),
      participants: Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, whole(w.participants[r])])),
      reflectionNotes: opt(w.reflectionNotes),
      needs: lines(w.needs),
      opportunities: lines(w.opportunities),
    },
    programs: v.programs.map((p) => ({
      ...withId(p.id),
      topic: p.topic as Topic,
      name: opt(p.name),
      goal: opt(p.goal),
      background: opt(p.background),
      targetGroup: opt(p.targetGroup),
      activities: p.activities.map((a) => ({
        ...withId(a.id),
        name: a.name,
        startMonth: whole(a.startMonth),
        endMonth: whole(a.endMonth),
        personResponsible: opt(a.personResponsible),
        expectedOutput: opt(a.expectedOutput),
      })),
      budgetLines: p.budgetLines.map((b) => ({
        ...withId(b.id),
        item: b.item,
        unit: opt(b.unit),
        quantity: whole(b.quantity),
        unitCost: b.unitCost.trim(),
        fundingSource: b.fundingSource,
        // A draft kept on the device from before these fields existed lacks them.
        standard: opt(b.standard ?? ''),
        accountCode: opt(b.accountCode ?? ''),
        spendingMonth: whole(b.spendingMonth ?? ''),
      })),
      indicators: p.indicators.map((d) => ({ ...withId(d.id), name: d.name, baseline: decimalInput(d.baseline), target: decimalInput(d.target), unit: opt(d.unit) })),
      risks: p.risks.map((r) => ({ ...withId(r.id), risk: r.risk, mitigation: opt(r.mitigation) })),
    })),
    planningDocuments: {
      rktReference: opt(v.planningDocuments.rktReference),
      rkasReference: opt(v.planningDocuments.rkasReference),
      lines: v.planningDocuments.lines.map((l) => ({ ...withId(l.id), document: l.document, reference: opt(l.reference), description: opt(l.description) })),
    },
    // Sent only when the school plans some: a plan without the section keeps none (a draft from before it existed lacks it).
    ...((v.parentEngagement ?? []).length > 0
      ? { parentEngagement: (v.parentEngagement ?? []).map((l) => ({ ...withId(l.id), kind: l.kind, sessionsTarget: whole(l.sessionsTarget), parentsTarget: whole(l.parentsTarget), note: opt(l.note) })) }
      : {}),
  } as unknown as PlanContentInput;
}

export const emptyActivity = (): ActivityForm => ({ name: '', startMonth: '', endMonth: '', personResponsible: '', expectedOutput: '' });
export const emptyBudgetLine = (): BudgetLineForm => ({ item: '', unit: '', quantity: '1', unitCost: '', fundingSource: 'stimulus_grant', standard: '', accountCode: '', spendingMonth: '' });
export const emptyIndicator = (): IndicatorForm => ({ name: '', baseline: '', target: '', unit: '' });
export const emptyRisk = (): RiskForm => ({ risk: '', mitigation: '' });
export const emptyProgram = (): ProgramForm => ({ topic: '', name: '', goal: '', background: '', targetGroup: '', activities: [], budgetLines: [], indicators: [], risks: [] });
export const emptyDocumentLine = (): DocumentLineForm => ({ document: 'RKAS', reference: '', description: '' });

// ---- Totals preview -------------------------------------------------------------------------------

export type SourceTotals = Record<FundingSource, string>;
export interface TotalsPreview {
  total: string;
  byFundingSource: SourceTotals;
  programs: Array<{ total: string; byFundingSource: SourceTotals }>;
  /** Lines whose quantity or unit cost is not a whole number yet (left out of the sums). */
  incompleteLines: number;
}

/** quantity × unit cost, exactly; null while either is not a whole number. */
export function lineTotalPreview(line: Pick<BudgetLineForm, 'quantity' | 'unitCost'>): string | null {
  const q = /^\d+$/.test(line.quantity.trim()) ? toBigInt(line.quantity.trim()) : null;
  const c = /^\d+$/.test(line.unitCost.trim()) ? toBigInt(line.unitCost.trim()) : null;
  if (q === null || c === null) return null;
  return (q * c).toString();
}

const zero = (): Record<FundingSource, bigint> => ({ stimulus_grant: 0n, school_budget_bos: 0n, other: 0n });
const asStrings = (t: Record<FundingSource, bigint>): SourceTotals => ({ stimulus_grant: t.stimulus_grant.toString(), school_budget_bos: t.school_budget_bos.toString(), other: t.other.toString() });

/**
 * The budget totals of what is typed, computed on the device with BigInt while the form is being
 * filled in; once saved, the page shows the API's own totals.
 */
export function totalsPreview(programs: Array<{ budgetLines: Array<Pick<BudgetLineForm, 'quantity' | 'unitCost' | 'fundingSource'>> }>): TotalsPreview {
  const all = zero();
  let incompleteLines = 0;
  const per = programs.map((p) => {
    const mine = zero();
    for (const line of p.budgetLines) {
      const total = lineTotalPreview(line);
      if (total === null) {
        incompleteLines += 1;
        continue;
      }
      const source: FundingSource = FUNDING_SOURCES.includes(line.fundingSource) ? line.fundingSource : 'other';
      mine[source] += BigInt(total);
      all[source] += BigInt(total);
    }
    return { total: (mine.stimulus_grant + mine.school_budget_bos + mine.other).toString(), byFundingSource: asStrings(mine) };
  });
  return { total: (all.stimulus_grant + all.school_budget_bos + all.other).toString(), byFundingSource: asStrings(all), programs: per, incompleteLines };
}

// ---- Where a field lives: anchors, steps and labels ---------------------------------------------

const PROGRAM_FIELDS = ['topic', 'name', 'goal', 'background', 'targetGroup'] as const;
export const ITEM_FIELDS = {
  activities: ['name', 'startMonth', 'endMonth', 'personResponsible', 'expectedOutput'],
  budgetLines: ['item', 'unit', 'quantity', 'unitCost', 'fundingSource', 'standard', 'accountCode', 'spendingMonth'],
  indicators: ['name', 'baseline', 'target', 'unit'],
  risks: ['risk', 'mitigation'],
} as const;
export type ItemList = keyof typeof ITEM_FIELDS;
const ITEM_LISTS = Object.keys(ITEM_FIELDS) as ItemList[];
const WORKSHOP_FIELDS = ['date', 'facilitatorName', 'reflectionNotes', 'needs', 'opportunities'] as const;

/** The shape shared by the form's values and the API's content, enough to name items. */
export interface NamedContent {
  programs: Array<{
    name?: string | null;
    topic?: string | null;
    activities: Array<{ name?: string | null }>;
    budgetLines: Array<{ item?: string | null }>;
    indicators: Array<{ name?: string | null }>;
    risks: Array<{ risk?: string | null }>;
  }>;
  planningDocuments: { lines: Array<{ document?: string | null; reference?: string | null }> };
  parentEngagement?: Array<{ kind?: string | null }>;
}

/**
 * Every place of the form a problem or a comment can point at, by form name (dots): the fields, and
 * the lists themselves (an empty list is named by the list).
 */
export function formAnchors(c: NamedContent): Set<string> {
  const out = new Set<string>(['title', 'content.programs', 'content.planningDocuments.rktReference', 'content.planningDocuments.rkasReference', 'content.planningDocuments.lines']);
  for (const f of WORKSHOP_FIELDS) out.add(`content.workshop.${f}`);
  for (const r of PARTICIPANT_ROLES) out.add(`content.workshop.participants.${r}`);
  c.programs.forEach((p, i) => {
    const at = `content.programs.${i}`;
    for (const f of PROGRAM_FIELDS) out.add(`${at}.${f}`);
    for (const list of ITEM_LISTS) {
      out.add(`${at}.${list}`);
      p[list].forEach((_, j) => {
        for (const f of ITEM_FIELDS[list]) out.add(`${at}.${list}.${j}.${f}`);
      });
    }
  });
  c.planningDocuments.lines.forEach((_, j) => {
    for (const f of ['document', 'reference', 'description']) out.add(`content.planningDocuments.lines.${j}.${f}`);
  });
  out.add('content.parentEngagement');
  (c.parentEngagement ?? []).forEach((_, j) => {
    for (const f of ['kind', 'sessionsTarget', 'parentsTarget', 'note']) out.add(`content.parentEngagement.${j}.${f}`);
  });
  return out;
}

/**
 * Where the form shows something the API said about `path` (`content.programs[0].budgetLines[2].total`):
 * the field itself, the line's unit cost for a line total, or the nearest enclosing field or list.
 */
export function anchorOf(path: string, anchors: Set<string>): string | null {
  let name = fieldPathToFormName(path);
  if (/\.budgetLines\.\d+\.total$/.test(name)) name = name.replace(/\.total$/, '.unitCost');
  // An item named as a whole (or by its id) is shown at its first field.
  const item = /^(content\.programs\.\d+\.(activities|budgetLines|indicators|risks)\.\d+)(\.id)?$/.exec(name);
  if (item) name = `${item[1]}.${ITEM_FIELDS[item[2] as ItemList][0]}`;
  const program = /^(content\.programs\.\d+)(\.id)?$/.exec(name);
  if (program) name = `${program[1]}.topic`;
  for (;;) {
    if (anchors.has(name)) return name;
    const cut = name.lastIndexOf('.');
    if (cut < 0) return null;
    name = name.slice(0, cut);
  }
}

/** The steps of the guided form, in order. */
export const STEPS = ['analysis', 'programs', 'activities', 'indicators', 'budget', 'documents'] as const;
export type Step = (typeof STEPS)[number];

/** The step of the guided form that holds a field (by form name). */
export function stepOf(name: string): number {
  if (name === 'title' || name.startsWith('content.workshop')) return 0;
  if (name.startsWith('content.planningDocuments')) return 5;
  const m = /^content\.programs\.\d+\.(activities|budgetLines|indicators|risks)/.exec(name);
  if (m) return m[1] === 'activities' ? 2 : m[1] === 'budgetLines' ? 4 : 3;
  return 1;
}

type T = (key: string, params?: Record<string, string | number | null | undefined>) => string;

const LIST_ITEM_KEY: Record<ItemList, string> = { activities: 'activity', budgetLines: 'budgetLine', indicators: 'indicator', risks: 'risk' };
const itemName = (list: ItemList, item: Record<string, unknown> | undefined): string | null => {
  if (!item) return null;
  const v = item[list === 'budgetLines' ? 'item' : list === 'risks' ? 'risk' : 'name'];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const quoted = (base: string, name: string | null) => (name ? `${base} (${name.length > 40 ? `${name.slice(0, 39)}…` : name})` : base);

/**
 * How a person reads a field's place in the plan, e.g. "Program 1 (Sehat Jiwa) › Kegiatan 2 › Nama
 * kegiatan", from a form name or an API path.
 */
export function fieldLabel(pathOrName: string, c: NamedContent | null, t: T): string {
  const parts = fieldPathToFormName(pathOrName).split('.');
  if (parts[0] === 'title') return t('plans.field.title');
  if (parts[0] !== 'content') return pathOrName;
  const out: string[] = [];
  if (parts[1] === 'workshop') {
    out.push(t('plans.section.workshop'));
    if (parts[2] === 'participants') {
      out.push(t('plans.field.participants'));
      if (parts[3]) out.push(t(`plans.participant.${parts[3]}`));
    } else if (parts[2]) out.push(t(`plans.field.workshop.${parts[2]}`));
    return out.join(' › ');
  }
  if (parts[1] === 'planningDocuments') {
    out.push(t('plans.section.documents'));
    if (parts[2] === 'lines') {
      if (parts[3] === undefined) out.push(t('plans.field.documentLines'));
      else {
        out.push(t('plans.item.documentLine', { n: Number(parts[3]) + 1 }));
        if (parts[4]) out.push(t(`plans.field.documentLine.${parts[4]}`));
      }
    } else if (parts[2]) out.push(t(`plans.field.documents.${parts[2]}`));
    return out.join(' › ');
  }
  if (parts[1] === 'parentEngagement') {
    out.push(t('parents.plan.title'));
    if (parts[2] !== undefined) out.push(t('parents.plan.lineN', { n: Number(parts[2]) + 1 }));
    if (parts[3] && parts[3] !== 'id') out.push(t(`parents.plan.${parts[3]}`));
    return out.join(' › ');
  }
  if (parts[1] === 'programs') {
    if (parts[2] === undefined) return t('plans.field.programs');
    const i = Number(parts[2]);
    const program = c?.programs[i];
    out.push(quoted(t('plans.item.program', { n: i + 1 }), program?.name?.trim() || null));
    const list = parts[3] as ItemList | undefined;
    if (list && (ITEM_LISTS as string[]).includes(list)) {
      if (parts[4] === undefined) out.push(t(`plans.list.${list}`));
      else {
        const j = Number(parts[4]);
        const item = program?.[list][j] as Record<string, unknown> | undefined;
        out.push(quoted(t(`plans.item.${LIST_ITEM_KEY[list]}`, { n: j + 1 }), itemName(list, item)));
        if (parts[5] === 'total') out.push(t('plans.field.budgetLine.total'));
        else if (parts[5] && parts[5] !== 'id') out.push(t(`plans.field.${LIST_ITEM_KEY[list]}.${parts[5]}`));
      }
    } else if (parts[3] && parts[3] !== 'id') out.push(t(`plans.field.program.${parts[3]}`));
    return out.join(' › ');
  }
  return pathOrName;
}

/** A stable id for the input of a form field, so a label, a problem and a comment can point at it. */
export function fieldId(name: string): string {
  return `plan-${name.replace(/\./g, '-')}`;
}

/** The name of month 1–12 of the program year, as the plan's PDF prints it. */
export function monthName(month: number, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 15)));
}

/**
 * The ids the API gave the items that were new in a save, as [form name, id] pairs to put into the
 * form (items are matched by position: the API keeps the order it was sent).
 */
export function newItemIds(sent: PlanFormValues['content'], saved: PlanContent): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  sent.programs.forEach((p, i) => {
    const server = saved.programs[i];
    if (!server) return;
    if (!p.id) out.push([`content.programs.${i}.id`, server.id]);
    for (const list of ITEM_LISTS) {
      p[list].forEach((item, j) => {
        const id = server[list][j]?.id;
        if (!item.id && id) out.push([`content.programs.${i}.${list}.${j}.id`, id]);
      });
    }
  });
  sent.planningDocuments.lines.forEach((l, j) => {
    const id = saved.planningDocuments.lines[j]?.id;
    if (!l.id && id) out.push([`content.planningDocuments.lines.${j}.id`, id]);
  });
  (sent.parentEngagement ?? []).forEach((l, j) => {
    const id = saved.parentEngagement?.[j]?.id;
    if (!l.id && id) out.push([`content.parentEngagement.${j}.id`, id]);
  });
  return out;
}

/** Whether a form name is a list (its problems are shown beside the list's add button). */
export function isListAnchor(name: string): boolean {
  return name === 'content.programs' || /\.(activities|budgetLines|indicators|risks|lines)$/.test(name);
}
