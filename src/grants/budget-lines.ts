import type { FundingSource } from '../plans/plan-status';

/** One budget line of a plan, as a grant needs it. */
export interface PlanBudgetLine {
  id: string;
  item: string;
  /** The plan program the line belongs to. */
  programTitle: string | null;
  /** Planned whole rupiah (the line's total), as a digit string. */
  total: string;
  fundingSource: FundingSource | string;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** A digit string or a safe integer as a digit string; anything else counts as 0 planned. */
function digits(v: unknown): string {
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return BigInt(v.trim()).toString();
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  return '0';
}

/**
 * The budget lines of a plan's content (`programs[].budgetLines[]`), in plan order. The content is
 * the plans module's JSON: read defensively, so a line without an id is skipped and a total that is
 * not whole rupiah counts as 0 planned (quantity × unit cost when the total is missing).
 */
export function planBudgetLines(content: unknown): PlanBudgetLine[] {
  const programs = (content as { programs?: unknown } | null)?.programs;
  if (!Array.isArray(programs)) return [];
  const out: PlanBudgetLine[] = [];
  for (const program of programs as Array<Record<string, unknown> | null>) {
    const lines = program?.budgetLines;
    if (!Array.isArray(lines)) continue;
    const programTitle = text(program?.name) ?? text(program?.title) ?? text(program?.topic);
    for (const line of lines as Array<Record<string, unknown> | null>) {
      const id = text(line?.id);
      if (!line || !id) continue;
      let total = digits(line.total);
      if (line.total === undefined && line.quantity !== undefined && line.unitCost !== undefined) {
        total = (BigInt(digits(line.quantity)) * BigInt(digits(line.unitCost))).toString();
      }
      out.push({ id: id.toLowerCase(), item: text(line.item) ?? '(unnamed budget line)', programTitle, total, fundingSource: text(line.fundingSource) ?? 'other' });
    }
  }
  return out;
}
