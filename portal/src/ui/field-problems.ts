import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { toProblem, type FieldProblem } from '../api/problem';

/** How a form reads the API's field problems: where each belongs, and what the person calls it. */
export interface FieldProblemMap {
  /** The form's name for an API field path (`lines[1].amount` → `lines.1.amount`), or null when the form has no such field. */
  toFormName(apiField: string): string | null;
  /** The label the person sees on that field. */
  label(formName: string): string;
  /** Our own words for a problem code at a field (e.g. an amount that is not whole rupiah), when the API's are too technical. */
  byCode?(code: string, formName: string): string | undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The API's message in words for people: its JSON path ("lines[1].description wajib diisi")
 * becomes the field's label ("Uraian wajib diisi").
 */
export function humanFieldMessage(problem: FieldProblem, label: string): string {
  const text = problem.message.replace(new RegExp(escapeRegExp(problem.field), 'g'), label);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Puts the API's field problems on the form's fields, each in words for people and with the
 * field's own label; focuses the first. Returns the problems that belong to no field of this form
 * (for the form-level alert).
 */
export function applyFieldProblems<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, map: FieldProblemMap): FieldProblem[] {
  const rest: FieldProblem[] = [];
  let first = true;
  for (const f of toProblem(err).fields) {
    const name = map.toFormName(f.field);
    if (name === null) {
      rest.push(f);
      continue;
    }
    const message = map.byCode?.(f.code, name) ?? humanFieldMessage(f, map.label(name));
    form.setError(name as Path<T>, { type: 'server', message }, { shouldFocus: first });
    first = false;
  }
  return rest;
}
