export { READABLE_ERRORS } from './components/ReportEditor';

/** The conditions typed one per line, as the API holds them (a list, blank lines left out). */
export function conditionsOf(text: string): string[] {
  return text
    .split('\n')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The conditions as the form shows them: one per line. */
export function conditionsText(conditions: string[]): string {
  return conditions.join('\n');
}
