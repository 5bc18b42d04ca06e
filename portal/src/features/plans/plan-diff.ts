import type { Language } from '../../i18n';
import { fieldPathToFormName } from '../../api/problem';
import { formatNumber, formatRupiah } from '../../ui/format';
import { monthName } from './plan-form';

type T = (key: string, params?: Record<string, string | number | null | undefined>) => string;

const ITEM_OF: Record<string, string> = { activities: 'activity', budgetLines: 'budgetLine', indicators: 'indicator', risks: 'risk', lines: 'documentLine', programs: 'program' };

/** A field's value as a person reads it: rupiah, month names, labels of codes. */
function scalar(field: string, value: unknown, t: T, lang: Language): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'unitCost' || field === 'total') return formatRupiah(value as string, lang);
  if ((field === 'startMonth' || field === 'endMonth') && typeof value === 'number') return monthName(value, lang);
  if (field === 'fundingSource') return t(`plans.source.${String(value)}`);
  if (field === 'topic') return t(`common.topic.${String(value)}`);
  if (field === 'document') return t(`plans.document.${String(value)}`);
  if (field === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) && ['baseline', 'target', 'quantity'].includes(field))) return formatNumber(value, lang);
  return String(value);
}

/**
 * One side of a change in the diff (`before` or `after`), as text: a plain value, a list of
 * entries, or a whole added or removed item written out field by field.
 */
export function diffValueText(path: string, value: unknown, t: T, lang: Language): string {
  const parts = fieldPathToFormName(path).split('.');
  const last = parts[parts.length - 1];
  if (Array.isArray(value)) return value.map((v) => `• ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n');
  if (value && typeof value === 'object') {
    // A whole item: named by the list it sits in (…activities.2 → an activity).
    const list = /^\d+$/.test(last) ? parts[parts.length - 2] : last;
    const kind = ITEM_OF[list];
    const lines: string[] = [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'id' || v === null || v === undefined || v === '') continue;
      const label = kind === 'program' && Array.isArray(v) ? t(`plans.list.${k}`) : kind ? t(`plans.field.${kind}.${k}`) : k;
      if (Array.isArray(v)) lines.push(`${label}: ${v.length}`);
      else if (typeof v !== 'object') lines.push(`${label}: ${scalar(k, v, t, lang)}`);
    }
    return lines.join('\n');
  }
  return scalar(last, value, t, lang);
}
