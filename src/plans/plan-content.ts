import { randomUUID } from 'node:crypto';
import type { RawFieldError } from '../common/errors/app-error';
import type { Topic } from '../common/catalog/topics';
import { lineTotal, readAmount, readDecimal, sumLines } from './plan-money';
import type { SourceTotals } from './plan-money';
import type { FundingSource } from './plan-status';
import { ACCOUNT_CODE_LIST, isAccountCode, isSnpStandard, SNP_STANDARDS } from './rkas-catalog';
import type { AccountCode, SnpStandard } from './rkas-catalog';
import { isParentEngagementKind, PARENT_ENGAGEMENT_KINDS } from '../parent-engagement/parent-engagement-kinds';
import type { ParentEngagementKind } from '../parent-engagement/parent-engagement-kinds';

/** The roles counted among the participants of the planning workshop. */
export const PARTICIPANT_ROLES = ['principal', 'teachers', 'educationStaff', 'supervisors', 'parents'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The school planning documents a plan's support is written into. */
export const PLANNING_DOCUMENTS = ['RKT', 'RKAS'] as const;
export type PlanningDocument = (typeof PLANNING_DOCUMENTS)[number];

/** One planned activity; months are 1–12 of the program year. */
export interface PlanActivity {
  id: string;
  name: string;
  startMonth: number | null;
  endMonth: number | null;
  personResponsible: string | null;
  expectedOutput: string | null;
}

/**
 * One budget line: whole rupiah as digit strings; `total` is always quantity × unitCost, computed here.
 * `standard`, `accountCode` and `spendingMonth` (1–12 of the program year) are optional and feed the
 * RKAS export: the national education standard the line serves, its ARKAS expenditure account, and
 * the month it is spent.
 */
export interface PlanBudgetLine {
  id: string;
  item: string;
  unit: string | null;
  quantity: number;
  unitCost: string;
  total: string;
  fundingSource: FundingSource;
  standard: SnpStandard | null;
  accountCode: AccountCode | null;
  spendingMonth: number | null;
}

/** One success indicator; values are decimals as text (at most 2 places). */
export interface PlanIndicator {
  id: string;
  name: string;
  baseline: string | null;
  target: string | null;
  unit: string | null;
}

/** A risk and what to do about it. */
export interface PlanRisk {
  id: string;
  risk: string;
  mitigation: string | null;
}

/** One program in the plan, drafted by a group at the workshop. */
export interface PlanProgram {
  id: string;
  topic: Topic;
  name: string | null;
  goal: string | null;
  background: string | null;
  targetGroup: string | null;
  activities: PlanActivity[];
  budgetLines: PlanBudgetLine[];
  indicators: PlanIndicator[];
  risks: PlanRisk[];
}

/** The record of the planning workshop. */
export interface PlanWorkshop {
  date: string | null;
  facilitatorName: string | null;
  participants: Record<ParticipantRole, number | null>;
  reflectionNotes: string | null;
  needs: string[];
  opportunities: string[];
}

/** A line of the school's RKT or RKAS where the support appears. */
export interface PlanningDocumentLine {
  id: string;
  document: PlanningDocument;
  reference: string | null;
  description: string | null;
}

/** Where the plan is written into the school's own planning documents. */
export interface PlanningDocuments {
  rktReference: string | null;
  rkasReference: string | null;
  lines: PlanningDocumentLine[];
}

/**
 * One kind of parent engagement the school plans for the year (from the catalogue of
 * parent-engagement kinds), with its targets: how many sessions and how many parents to reach.
 */
export interface PlanParentEngagementLine {
  id: string;
  kind: ParentEngagementKind;
  sessionsTarget: number | null;
  parentsTarget: number | null;
  note: string | null;
}

/**
 * The facilitator's template as stored in plans.content: every key present, every item with an id.
 * `parentEngagement` is the one optional section: present only in plans that filled it in, so a plan
 * written before it existed reads and exports as it always did.
 */
export interface PlanContent {
  workshop: PlanWorkshop;
  programs: PlanProgram[];
  planningDocuments: PlanningDocuments;
  parentEngagement?: PlanParentEngagementLine[];
}

/** The template as a client sends it, after class-validator checked shapes, lengths and list sizes. */
export interface PlanContentInput {
  workshop?: {
    date?: string | null;
    facilitatorName?: string | null;
    participants?: Partial<Record<ParticipantRole, number | null>> | null;
    reflectionNotes?: string | null;
    needs?: string[] | null;
    opportunities?: string[] | null;
  } | null;
  programs?: Array<{
    id?: string | null;
    topic: Topic;
    name?: string | null;
    goal?: string | null;
    background?: string | null;
    targetGroup?: string | null;
    activities?: Array<{ id?: string | null; name: string; startMonth?: number | null; endMonth?: number | null; personResponsible?: string | null; expectedOutput?: string | null }> | null;
    budgetLines?: Array<{
      id?: string | null;
      item: string;
      unit?: string | null;
      quantity: number;
      unitCost: unknown;
      total?: unknown;
      fundingSource: FundingSource;
      standard?: string | null;
      accountCode?: string | null;
      spendingMonth?: number | null;
    }> | null;
    indicators?: Array<{ id?: string | null; name: string; baseline?: unknown; target?: unknown; unit?: string | null }> | null;
    risks?: Array<{ id?: string | null; risk: string; mitigation?: string | null }> | null;
  }> | null;
  planningDocuments?: {
    rktReference?: string | null;
    rkasReference?: string | null;
    lines?: Array<{ id?: string | null; document: PlanningDocument; reference?: string | null; description?: string | null }> | null;
  } | null;
  parentEngagement?: Array<{ id?: string | null; kind: string; sessionsTarget?: number | null; parentsTarget?: number | null; note?: string | null }> | null;
}

const err = (field: string, code: string, en: string, id: string): RawFieldError => ({ field, code, message: { en, id } });

/** A trimmed string, or null when it is missing or blank. */
function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** An empty template: what a new plan starts from. */
export function emptyContent(): PlanContent {
  return normalizeContent(undefined).content;
}

/**
 * Turns a client's template into the stored form: strings trimmed (blank → null), every key
 * present, every item with an id (kept when the client sends it back, so progress, results and
 * comments stay attached; a new UUID otherwise), amounts as digit strings and each line's total
 * computed as quantity × unitCost with BigInt. Lists every problem at once, by field path under
 * `prefix`: a month range that runs backwards, an amount that is not whole rupiah or too large, a
 * sent total that disagrees with quantity × unitCost, a budget line's standard or account code that
 * is not in the documented lists (rkas-catalog.ts), an id used twice.
 */
export function normalizeContent(input: PlanContentInput | null | undefined, prefix = 'content', newId: () => string = randomUUID): { content: PlanContent; errors: RawFieldError[] } {
  const errors: RawFieldError[] = [];
  const seen = new Map<string, string>();
  const idOf = (given: string | null | undefined, path: string): string => {
    if (!given) return newId();
    const id = given.toLowerCase();
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(err(`${path}.id`, 'duplicate_id', `${path}.id ${id} is already the id of ${first}; every item needs its own id (leave id out for a new item)`, `${path}.id ${id} sudah dipakai oleh ${first}; setiap butir memerlukan id sendiri (kosongkan id untuk butir baru)`));
    } else {
      seen.set(id, path);
    }
    return id;
  };
  const w = input?.workshop ?? {};
  const participants = Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, w.participants?.[r] ?? null])) as Record<ParticipantRole, number | null>;
  const list = (items: string[] | null | undefined) => (items ?? []).map((s) => s.trim()).filter((s) => s !== '');
  const workshop: PlanWorkshop = {
    date: text(w.date),
    facilitatorName: text(w.facilitatorName),
    participants,
    reflectionNotes: text(w.reflectionNotes),
    needs: list(w.needs),
    opportunities: list(w.opportunities),
  };

  const programs: PlanProgram[] = (input?.programs ?? []).map((p, i) => {
    const at = `${prefix}.programs[${i}]`;
    const id = idOf(p.id, at);
    const activities = (p.activities ?? []).map((a, j): PlanActivity => {
      const path = `${at}.activities[${j}]`;
      const startMonth = a.startMonth ?? null;
      const endMonth = a.endMonth ?? null;
      if (startMonth !== null && endMonth !== null && startMonth > endMonth) {
        errors.push(
          err(
            `${path}.endMonth`,
            'end_before_start',
            `${path}.endMonth ${endMonth} is before startMonth ${startMonth}; months run 1–12 within the program year, so give an end month of ${startMonth} or later`,
            `${path}.endMonth ${endMonth} sebelum startMonth ${startMonth}; bulan berjalan 1–12 dalam tahun program, jadi isi bulan selesai ${startMonth} atau sesudahnya`,
          ),
        );
      }
      return { id: idOf(a.id, path), name: a.name.trim(), startMonth, endMonth, personResponsible: text(a.personResponsible), expectedOutput: text(a.expectedOutput) };
    });
    const budgetLines = (p.budgetLines ?? []).map((b, j): PlanBudgetLine => {
      const path = `${at}.budgetLines[${j}]`;
      const lineId = idOf(b.id, path);
      const unitCost = readAmount(b.unitCost, `${path}.unitCost`);
      let cost = 0n;
      if ('error' in unitCost) errors.push(unitCost.error);
      else cost = unitCost.amount;
      const computed = BigInt(b.quantity) * cost;
      if (!('error' in unitCost)) {
        const sent = b.total === undefined || b.total === null ? null : readAmount(b.total, `${path}.total`);
        if (sent && 'error' in sent) errors.push(sent.error);
        else if (sent && sent.amount !== computed) {
          errors.push(
            err(
              `${path}.total`,
              'budget_line_does_not_add_up',
              `budget lines must add up: ${path} ("${b.item.trim()}") has total ${sent.amount} but quantity ${b.quantity} × unitCost ${cost} = ${computed}; send ${computed} or leave total out (the API computes it)`,
              `baris anggaran harus cocok: ${path} ("${b.item.trim()}") berjumlah ${sent.amount} padahal kuantitas ${b.quantity} × harga satuan ${cost} = ${computed}; kirim ${computed} atau kosongkan total (API menghitungnya)`,
            ),
          );
        } else if (computed > 9_000_000_000_000_000n) {
          errors.push(err(`${path}.total`, 'amount_too_large', `${path}: quantity × unitCost = ${computed} is above the limit of 9000000000000000 rupiah per line; split the line`, `${path}: kuantitas × harga satuan = ${computed} melebihi batas 9000000000000000 rupiah per baris; pecah baris ini`));
        }
      }
      const standard = text(b.standard);
      if (standard !== null && !isSnpStandard(standard)) {
        errors.push(
          err(
            `${path}.standard`,
            'unknown_standard',
            `${path}.standard "${standard}" is not a national education standard (SNP); use one of ${SNP_STANDARDS.join(', ')}, or leave it out`,
            `${path}.standard "${standard}" bukan Standar Nasional Pendidikan (SNP); pakai salah satu dari ${SNP_STANDARDS.join(', ')}, atau kosongkan`,
          ),
        );
      }
      const accountCode = text(b.accountCode);
      if (accountCode !== null && !isAccountCode(accountCode)) {
        errors.push(
          err(
            `${path}.accountCode`,
            'unknown_account_code',
            `${path}.accountCode "${accountCode}" is not in the list of ARKAS expenditure accounts (${ACCOUNT_CODE_LIST.join(', ')}); pick one of them, or leave it out and choose the account in ARKAS`,
            `${path}.accountCode "${accountCode}" tidak ada dalam daftar kode rekening belanja ARKAS (${ACCOUNT_CODE_LIST.join(', ')}); pilih salah satunya, atau kosongkan dan pilih rekening di ARKAS`,
          ),
        );
      }
      return {
        id: lineId,
        item: b.item.trim(),
        unit: text(b.unit),
        quantity: b.quantity,
        unitCost: cost.toString(),
        total: computed.toString(),
        fundingSource: b.fundingSource,
        standard: standard !== null && isSnpStandard(standard) ? standard : null,
        accountCode: accountCode !== null && isAccountCode(accountCode) ? accountCode : null,
        spendingMonth: b.spendingMonth ?? null,
      };
    });
    const indicators = (p.indicators ?? []).map((d, j): PlanIndicator => {
      const path = `${at}.indicators[${j}]`;
      const value = (v: unknown, name: string): string | null => {
        if (v === undefined || v === null || v === '') return null;
        const r = readDecimal(v, `${path}.${name}`);
        if ('error' in r) {
          errors.push(r.error);
          return null;
        }
        return r.value;
      };
      return { id: idOf(d.id, path), name: d.name.trim(), baseline: value(d.baseline, 'baseline'), target: value(d.target, 'target'), unit: text(d.unit) };
    });
    const risks = (p.risks ?? []).map((r, j): PlanRisk => ({ id: idOf(r.id, `${at}.risks[${j}]`), risk: r.risk.trim(), mitigation: text(r.mitigation) }));
    return { id, topic: p.topic, name: text(p.name), goal: text(p.goal), background: text(p.background), targetGroup: text(p.targetGroup), activities, budgetLines, indicators, risks };
  });

  const d = input?.planningDocuments ?? {};
  const planningDocuments: PlanningDocuments = {
    rktReference: text(d.rktReference),
    rkasReference: text(d.rkasReference),
    lines: (d.lines ?? []).map((l, j) => ({
      id: idOf(l.id, `${prefix}.planningDocuments.lines[${j}]`),
      document: l.document,
      reference: text(l.reference),
      description: text(l.description),
    })),
  };
  const parentEngagement = input?.parentEngagement === undefined || input.parentEngagement === null ? undefined : normalizeParentEngagement(input.parentEngagement, prefix, idOf, errors);
  return { content: { workshop, programs, planningDocuments, ...(parentEngagement ? { parentEngagement } : {}) }, errors };
}

/**
 * The parent-engagement section as stored: each kind checked against the catalogue and planned at
 * most once (one line per kind, with its targets).
 */
function normalizeParentEngagement(
  lines: NonNullable<PlanContentInput['parentEngagement']>,
  prefix: string,
  idOf: (given: string | null | undefined, path: string) => string,
  errors: RawFieldError[],
): PlanParentEngagementLine[] {
  const kinds = new Map<string, number>();
  const out: PlanParentEngagementLine[] = [];
  lines.forEach((l, i) => {
    const path = `${prefix}.parentEngagement[${i}]`;
    const id = idOf(l.id, path);
    if (!isParentEngagementKind(l.kind)) {
      errors.push(
        err(
          `${path}.kind`,
          'unknown_parent_engagement_kind',
          `${path}.kind "${l.kind}" is not a kind of parent engagement; use one of ${PARENT_ENGAGEMENT_KINDS.join(', ')}`,
          `${path}.kind "${l.kind}" bukan jenis pelibatan orang tua; pakai salah satu dari ${PARENT_ENGAGEMENT_KINDS.join(', ')}`,
        ),
      );
      return;
    }
    const first = kinds.get(l.kind);
    if (first !== undefined) {
      errors.push(
        err(
          `${path}.kind`,
          'duplicate_parent_engagement_kind',
          `${path}.kind ${l.kind} is already planned in parentEngagement[${first}]; plan each kind once, with its targets`,
          `${path}.kind ${l.kind} sudah direncanakan di parentEngagement[${first}]; rencanakan setiap jenis sekali, dengan targetnya`,
        ),
      );
      return;
    }
    kinds.set(l.kind, i);
    out.push({ id, kind: l.kind, sessionsTarget: l.sessionsTarget ?? null, parentsTarget: l.parentsTarget ?? null, note: text(l.note) });
  });
  return out;
}

/** How a program is named in messages: its position, name and topic. */
export function programLabel(p: PlanProgram, i: number): string {
  return p.name ? `programs[${i}] ("${p.name}", ${p.topic})` : `programs[${i}] (${p.topic})`;
}

/**
 * What a plan still lacks before it can be submitted, by field path: at least one program; every
 * program a goal, at least one activity and at least one indicator; every activity its start and end
 * month and a person responsible; every indicator a target and a unit; every budget line adding up
 * (total = quantity × unitCost). Empty when the plan is complete.
 */
export function missingForSubmission(content: PlanContent, prefix = 'content'): RawFieldError[] {
  const out: RawFieldError[] = [];
  const need = (field: string, code: string, en: string, id: string) => out.push(err(field, code, en, id));
  if (content.programs.length === 0) {
    need(`${prefix}.programs`, 'no_programs', 'the plan has no program yet: add at least one program drafted at the workshop', 'rencana belum memiliki program: tambahkan paling sedikit satu program yang disusun di lokakarya');
  }
  content.programs.forEach((p, i) => {
    const at = `${prefix}.programs[${i}]`;
    const label = programLabel(p, i);
    if (!p.goal) need(`${at}.goal`, 'goal_missing', `${label} has no goal: say what the program should achieve`, `${label} belum memiliki tujuan: tuliskan apa yang ingin dicapai program ini`);
    if (p.activities.length === 0) need(`${at}.activities`, 'no_activities', `${label} has no activity: add at least one, with its months and who is responsible`, `${label} belum memiliki kegiatan: tambahkan paling sedikit satu, dengan bulan pelaksanaan dan penanggung jawabnya`);
    if (p.indicators.length === 0) need(`${at}.indicators`, 'no_indicators', `${label} has no success indicator: add at least one, with a target and a unit`, `${label} belum memiliki indikator keberhasilan: tambahkan paling sedikit satu, dengan target dan satuannya`);
    p.activities.forEach((a, j) => {
      const path = `${at}.activities[${j}]`;
      if (a.startMonth === null) need(`${path}.startMonth`, 'start_month_missing', `${path} ("${a.name}") has no start month: give a month from 1 to 12`, `${path} ("${a.name}") belum memiliki bulan mulai: isi bulan 1 sampai 12`);
      if (a.endMonth === null) need(`${path}.endMonth`, 'end_month_missing', `${path} ("${a.name}") has no end month: give a month from 1 to 12`, `${path} ("${a.name}") belum memiliki bulan selesai: isi bulan 1 sampai 12`);
      if (!a.personResponsible) need(`${path}.personResponsible`, 'person_responsible_missing', `${path} ("${a.name}") has no person responsible: name who leads it`, `${path} ("${a.name}") belum memiliki penanggung jawab: sebutkan siapa yang memimpinnya`);
    });
    p.indicators.forEach((d, j) => {
      const path = `${at}.indicators[${j}]`;
      if (d.target === null) need(`${path}.target`, 'target_missing', `${path} ("${d.name}") has no target: give the value to reach by the end of the year`, `${path} ("${d.name}") belum memiliki target: isi nilai yang ingin dicapai di akhir tahun`);
      if (!d.unit) need(`${path}.unit`, 'unit_missing', `${path} ("${d.name}") has no unit: say what the values count, e.g. "%" or "students"`, `${path} ("${d.name}") belum memiliki satuan: sebutkan apa yang dihitung, misalnya "%" atau "siswa"`);
    });
    p.budgetLines.forEach((b, j) => {
      const path = `${at}.budgetLines[${j}]`;
      const computed = lineTotal(b);
      if (b.total !== computed.toString()) {
        need(
          `${path}.total`,
          'budget_line_does_not_add_up',
          `budget lines must add up: ${path} ("${b.item}") has total ${b.total} but quantity ${b.quantity} × unitCost ${b.unitCost} = ${computed}; save the plan again so the total is recomputed`,
          `baris anggaran harus cocok: ${path} ("${b.item}") berjumlah ${b.total} padahal kuantitas ${b.quantity} × harga satuan ${b.unitCost} = ${computed}; simpan rencana lagi agar total dihitung ulang`,
        );
      }
    });
  });
  return out;
}

/** The computed totals of one program. */
export interface ProgramTotals {
  programId: string;
  total: string;
  byFundingSource: SourceTotals;
}

/** The computed totals of a plan: overall, per funding source and per program. */
export interface PlanTotals {
  total: string;
  byFundingSource: SourceTotals;
  programs: ProgramTotals[];
}

/** Totals computed from the lines, never taken from the client. */
export function planTotals(content: PlanContent): PlanTotals {
  const all = sumLines(content.programs.flatMap((p) => p.budgetLines));
  return {
    ...all,
    programs: content.programs.map((p) => ({ programId: p.id, ...sumLines(p.budgetLines) })),
  };
}

/** Every activity of a plan with its program, in template order. */
export function activitiesOf(content: PlanContent): Array<{ program: PlanProgram; programIndex: number; activity: PlanActivity; index: number }> {
  return content.programs.flatMap((program, programIndex) => program.activities.map((activity, index) => ({ program, programIndex, activity, index })));
}

/** Every indicator of a plan with its program, in template order. */
export function indicatorsOf(content: PlanContent): Array<{ program: PlanProgram; programIndex: number; indicator: PlanIndicator; index: number }> {
  return content.programs.flatMap((program, programIndex) => program.indicators.map((indicator, index) => ({ program, programIndex, indicator, index })));
}

const PATH = /^[A-Za-z]+(\[\d{1,3}\])*(\.[A-Za-z]+(\[\d{1,3}\])*)*$/;

/**
 * Whether `path` (e.g. `content.programs[0].activities[1].name`, or `title`) names a field that
 * exists in the plan: the paths of comments, diffs and submission errors.
 */
export function fieldExists(plan: { title: string; content: PlanContent }, path: string): boolean {
  if (!PATH.test(path)) return false;
  let node: unknown = plan;
  for (const token of path.match(/[A-Za-z]+|\[\d+\]/g) ?? []) {
    if (token.startsWith('[')) {
      const index = Number(token.slice(1, -1));
      if (!Array.isArray(node) || index >= node.length) return false;
      node = node[index];
    } else {
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, token)) return false;
      node = (node as Record<string, unknown>)[token];
    }
  }
  return true;
}

/**
 * Reads stored content. Everything the API writes is already in the stored form (normalizeContent),
 * so values are taken as they are, amounts and totals included (submission re-checks that lines add
 * up). Objects are rebuilt in the template's key order (jsonb keeps its own), and keys a plan may
 * lack (the `{}` of a row written outside the API) fall back to the empty template.
 */
export function readStoredContent(stored: Record<string, unknown> | null | undefined): PlanContent {
  const s = (stored ?? {}) as Partial<PlanContent>;
  const w: Partial<PlanWorkshop> = s.workshop ?? {};
  const docs: Partial<PlanningDocuments> = s.planningDocuments ?? {};
  const participants: Partial<Record<ParticipantRole, number | null>> = w.participants ?? {};
  const arr = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);
  const val = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  return {
    workshop: {
      date: val(w.date),
      facilitatorName: val(w.facilitatorName),
      participants: Object.fromEntries(PARTICIPANT_ROLES.map((r) => [r, val(participants[r])])) as Record<ParticipantRole, number | null>,
      reflectionNotes: val(w.reflectionNotes),
      needs: arr(w.needs),
      opportunities: arr(w.opportunities),
    },
    programs: arr(s.programs).map((p) => ({
      id: p.id,
      topic: p.topic,
      name: val(p.name),
      goal: val(p.goal),
      background: val(p.background),
      targetGroup: val(p.targetGroup),
      activities: arr(p.activities).map((a) => ({ id: a.id, name: a.name, startMonth: val(a.startMonth), endMonth: val(a.endMonth), personResponsible: val(a.personResponsible), expectedOutput: val(a.expectedOutput) })),
      budgetLines: arr(p.budgetLines).map((b) => ({
        id: b.id,
        item: b.item,
        unit: val(b.unit),
        quantity: b.quantity,
        unitCost: b.unitCost,
        total: b.total,
        fundingSource: b.fundingSource,
        standard: val(b.standard),
        accountCode: val(b.accountCode),
        spendingMonth: val(b.spendingMonth),
      })),
      indicators: arr(p.indicators).map((d) => ({ id: d.id, name: d.name, baseline: val(d.baseline), target: val(d.target), unit: val(d.unit) })),
      risks: arr(p.risks).map((r) => ({ id: r.id, risk: r.risk, mitigation: val(r.mitigation) })),
    })),
    planningDocuments: {
      rktReference: val(docs.rktReference),
      rkasReference: val(docs.rkasReference),
      lines: arr(docs.lines).map((l) => ({ id: l.id, document: l.document, reference: val(l.reference), description: val(l.description) })),
    },
    ...(Array.isArray(s.parentEngagement)
      ? { parentEngagement: s.parentEngagement.map((l) => ({ id: l.id, kind: l.kind, sessionsTarget: val(l.sessionsTarget), parentsTarget: val(l.parentsTarget), note: val(l.note) })) }
      : {}),
  };
}
