import { fieldPathToFormName } from '../../api/problem';
import { sumRupiah } from '../../ui/format';
import type { LineBody, ReportDetail } from './api';

/** One line of spending as the form holds it; `key` names it on this device (and is its Idempotency-Key until saved). */
export interface LineValues {
  key: string;
  /** The server's id, once the line is saved. */
  lineId: string | null;
  budgetLineId: string;
  description: string;
  spentOn: string;
  /** Whole rupiah as a digit string ('' while empty). */
  amount: string;
}

/** An expense report as the form holds it. `tranche` is the tranche number as text, '' for none. */
export interface ReportValues {
  title: string;
  tranche: string;
  lines: LineValues[];
}

/** Today on this device, as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newKey(): string {
  return crypto.randomUUID();
}

/** A blank line, dated today, on the given budget line when there is only one to choose. */
export function emptyLine(today: string, budgetLineId = ''): LineValues {
  return { key: newKey(), lineId: null, budgetLineId, description: '', spentOn: today, amount: '' };
}

/** The form's values for a report as the server has it. */
export function toFormValues(r: ReportDetail): ReportValues {
  return {
    title: r.title,
    tranche: r.trancheNumber === null ? '' : String(r.trancheNumber),
    lines: r.lines.map((l) => ({ key: l.id, lineId: l.id, budgetLineId: l.budgetLineId, description: l.description, spentOn: l.spentOn, amount: l.amount })),
  };
}

/** The live total of what is typed (a preview: the server's total is shown once saved). */
export function previewTotal(values: Pick<ReportValues, 'lines'>): string {
  return sumRupiah(values.lines.map((l) => (/^\d+$/.test(l.amount) ? l.amount : '0')));
}

export function lineBody(l: LineValues): LineBody {
  return { spentOn: l.spentOn, description: l.description.trim(), budgetLineId: l.budgetLineId, amount: l.amount };
}

/** The body that starts a report with its lines. */
export function createBody(values: ReportValues): { title: string; trancheNumber?: number; lines: LineBody[] } {
  return {
    title: values.title.trim(),
    ...(values.tranche ? { trancheNumber: Number(values.tranche) } : {}),
    lines: values.lines.map(lineBody),
  };
}

/** What saving the form means for the server, step by step. */
export interface ReportChanges {
  /** Title or tranche changed (sent with the version read). */
  report: { title?: string; trancheNumber?: number | null } | null;
  /** Saved lines the person removed. */
  deletes: string[];
  /** Saved lines that changed: only the fields that differ. */
  patches: Array<{ index: number; lineId: string; changes: Partial<LineBody> }>;
  /** New lines, each with the key that makes a retry safe. */
  posts: Array<{ index: number; key: string; body: LineBody }>;
}

/** Compares the form with the report as the server last answered it. */
export function changesToSave(server: ReportDetail, values: ReportValues): ReportChanges {
  const report: { title?: string; trancheNumber?: number | null } = {};
  if (values.title.trim() !== server.title) report.title = values.title.trim();
  const tranche = values.tranche ? Number(values.tranche) : null;
  if (tranche !== server.trancheNumber) report.trancheNumber = tranche;

  const kept = new Set(values.lines.map((l) => l.lineId).filter((id): id is string => id !== null));
  const deletes = server.lines.filter((l) => !kept.has(l.id)).map((l) => l.id);
  const byId = new Map(server.lines.map((l) => [l.id, l]));
  const patches: ReportChanges['patches'] = [];
  const posts: ReportChanges['posts'] = [];
  values.lines.forEach((l, index) => {
    const saved = l.lineId === null ? undefined : byId.get(l.lineId);
    const body = lineBody(l);
    if (!saved) {
      posts.push({ index, key: l.key, body });
      return;
    }
    const changes: Partial<LineBody> = {};
    for (const f of ['spentOn', 'description', 'budgetLineId', 'amount'] as const) if (body[f] !== saved[f]) changes[f] = body[f];
    if (Object.keys(changes).length > 0) patches.push({ index, lineId: saved.id, changes });
  });
  return { report: Object.keys(report).length > 0 ? report : null, deletes, patches, posts };
}

export function hasChanges(c: ReportChanges): boolean {
  return c.report !== null || c.deletes.length > 0 || c.patches.length > 0 || c.posts.length > 0;
}

const LINE_FIELDS = new Set(['spentOn', 'description', 'budgetLineId', 'amount']);

/**
 * Where an API field problem belongs in the form. `line` is the form index of the line a
 * line-level call was about (its problems name bare fields such as `amount`).
 */
export function formNameOf(apiField: string, line?: number): string | null {
  if (apiField === 'title') return 'title';
  if (apiField === 'trancheNumber') return 'tranche';
  if (line !== undefined && LINE_FIELDS.has(apiField)) return `lines.${line}.${apiField}`;
  // Submit names a line without a field when its receipt is missing.
  const whole = /^lines\[(\d+)\]$/.exec(apiField);
  if (whole) return `lines.${whole[1]}.receipts`;
  const nested = /^lines\[(\d+)\]\.(\w+)$/.exec(apiField);
  if (nested && LINE_FIELDS.has(nested[2])) return fieldPathToFormName(apiField);
  return null;
}
