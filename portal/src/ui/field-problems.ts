import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { fieldPathToFormName, toProblem, type FieldProblem } from '../api/problem';

/** How a form reads the API's field problems: where each belongs, and what the person calls that field. */
export interface FieldProblemMap {
  /**
   * The form's name for an API field path, or null when no field of this form shows it. By default the
   * path with dots (`teamMembers[0].name` → `teamMembers.0.name`) when the form has that field: one
   * `label` names, or (without `label`) one the form holds a value for or a nested one.
   */
  toFormName?(apiField: string): string | null;
  /** The label the person sees on a field (by form name), undefined for what is not a field of this form. */
  label?(formName: string): string | undefined;
  /** Our own words for a problem code at a field (e.g. an amount that is not whole rupiah), when the API's are too technical. */
  byCode?(code: string, formName: string): string | undefined;
}

/**
 * The API's message in the words of the form. The API starts a field's message with the field's
 * label (`label` in the problem); where it still starts with the JSON path ("studentCount tidak boleh
 * kurang dari 0"), the form's own label takes its place ("Jumlah siswa tidak boleh kurang dari 0").
 * Only a leading mention is replaced: the same word may come again as an ordinary word
 * ("email harus berupa alamat email yang valid").
 */
export function labelledMessage(problem: FieldProblem, label: string | undefined): string {
  if (!label) return problem.message;
  const message = problem.message;
  const named = [problem.label, problem.field].sort((a, b) => (b?.length ?? 0) - (a?.length ?? 0)).find((name) => name && message.toLowerCase().startsWith(name.toLowerCase()));
  const text = named ? label + message.slice(named.length) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Several problems at one field read as sentences one after another. */
function joinMessages(all: string[]): string {
  const messages = [...new Set(all)];
  if (messages.length === 1) return messages[0];
  return messages.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ');
}

/**
 * Puts the API's field problems on the form's fields, each with the field's own label, and focuses the
 * first; problems the API names at one field are shown together. Returns the problems that belong to no
 * field of this form, in the API's words, for the form-level alert.
 */
export function applyProblemToForm<T extends FieldValues>(form: UseFormReturn<T>, err: unknown, map: FieldProblemMap = {}): FieldProblem[] {
  const isField = map.label ? (name: string) => map.label?.(name) !== undefined : (name: string) => name in (form.getValues() as object) || name.includes('.');
  const toFormName =
    map.toFormName ??
    ((apiField: string) => {
      const name = fieldPathToFormName(apiField);
      return isField(name) ? name : null;
    });
  const rest: FieldProblem[] = [];
  const atField = new Map<string, string[]>();
  for (const f of toProblem(err).fields) {
    const name = toFormName(f.field);
    if (name === null) {
      rest.push(f);
      continue;
    }
    const message = map.byCode?.(f.code, name) ?? labelledMessage(f, map.label?.(name));
    atField.set(name, [...(atField.get(name) ?? []), message]);
  }
  let first = true;
  for (const [name, messages] of atField) {
    form.setError(name as Path<T>, { type: 'server', message: joinMessages(messages) }, { shouldFocus: first });
    first = false;
  }
  return rest;
}
