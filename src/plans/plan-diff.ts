/** How one field differs between two versions. */
export const DIFF_CHANGES = ['added', 'removed', 'changed'] as const;
export type DiffChange = (typeof DIFF_CHANGES)[number];

/** One field that differs: its path (as in comments and submission errors), both values and the kind of change. */
export interface DiffEntry {
  path: string;
  change: DiffChange;
  before: unknown;
  after: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const absent = (v: unknown): boolean => v === undefined || v === null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown): v is { id: string } => isObject(v) && typeof v.id === 'string';
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function diffArrays(before: unknown[], after: unknown[], path: string, out: DiffEntry[]): void {
  if (before.length === 0 && after.length === 0) return;
  if (before.every(hasId) && after.every(hasId)) {
    // Items with ids are matched by id, so inserting or removing one does not shift every later item.
    const beforeIndex = new Map(before.map((item, i) => [item.id, i]));
    const afterIds = new Set(after.map((item) => item.id));
    after.forEach((item, j) => {
      const i = beforeIndex.get(item.id);
      if (i === undefined) out.push({ path: `${path}[${j}]`, change: 'added', before: null, after: item });
      else diffValue(before[i], item, `${path}[${j}]`, out);
    });
    before.forEach((item, i) => {
      if (!afterIds.has(item.id)) out.push({ path: `${path}[${i}]`, change: 'removed', before: item, after: null });
    });
    return;
  }
  const structured = [...before, ...after].some((v) => typeof v === 'object' && v !== null);
  if (!structured) {
    // A list of plain values (needs, opportunities) reads best as one field.
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, change: 'changed', before, after });
    return;
  }
  for (let i = 0; i < Math.max(before.length, after.length); i += 1) diffValue(before[i], after[i], `${path}[${i}]`, out);
}

function diffValue(before: unknown, after: unknown, path: string, out: DiffEntry[]): void {
  if (absent(before) && absent(after)) return;
  if (absent(before)) {
    out.push({ path, change: 'added', before: null, after });
    return;
  }
  if (absent(after)) {
    out.push({ path, change: 'removed', before, after: null });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    for (const key of keys) diffValue(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(before, after, path, out);
    return;
  }
  if (before !== after && JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, change: 'changed', before, after });
}

/**
 * The field-level difference between two JSON documents, e.g. two submitted versions of a plan
 * (`{ title, content }`). Objects are compared key by key; lists of items with an `id` are matched
 * by id, so an inserted or removed item is one `added` or `removed` entry holding the whole item
 * (its path has the item's position in the newer version, or in the older one when removed); lists
 * of plain values are compared as one field; null and a missing key both mean "no value", so filling
 * in a field is `added` and clearing it `removed`. Paths read like `content.programs[0].goal`.
 */
export function diffDocuments(before: Json | Record<string, unknown> | null, after: Json | Record<string, unknown> | null): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffValue(before ?? {}, after ?? {}, '', out);
  return out;
}
