import type { CompetitionDetail, CreateCompetition } from './api';

/** The competition form as typed: numbers stay text until sent, dates are the device's local time. */
export interface CompetitionValues {
  programId: string;
  programYearId: string;
  title: string;
  level: 'national' | 'regional';
  minJudgesPerEntry: string;
  entriesOpenAt: string;
  entriesCloseAt: string;
  judgingEndsAt: string;
  categories: Array<{ name: string }>;
  criteria: Array<{ name: string; description: string; weight: string; maxScore: string }>;
}

/** "33,33" or "33.33" as a number; NaN when it is not one (the API then names the field). */
export function parseDecimal(text: string): number {
  const s = text.trim().replace(',', '.');
  return s === '' || !/^-?\d*\.?\d+$/.test(s) ? Number.NaN : Number(s);
}

/**
 * The weights typed so far, added in hundredths (as the API adds them, so 33.33 + 33.33 + 33.34 is
 * exactly 100); a preview only: the API decides when the form is saved. Unreadable weights count 0.
 */
export function weightTotal(weights: readonly string[]): number {
  return weights.reduce((sum, w) => {
    const n = parseDecimal(w);
    return Number.isFinite(n) ? sum + Math.round(n * 100) : sum;
  }, 0) / 100;
}

/** An instant as a datetime-local input shows it, in the device's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an instant (ISO 8601 with the offset); empty stays empty for the API to name. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

const numberOrText = (s: string): number => {
  const n = parseDecimal(s);
  return Number.isFinite(n) ? n : (s as unknown as number);
};

/** The body the API takes, from the form (the API checks every rule and names the field). */
export function competitionBody(v: CompetitionValues): Omit<CreateCompetition, 'programYearId'> {
  return {
    title: v.title,
    level: v.level,
    minJudgesPerEntry: numberOrText(v.minJudgesPerEntry),
    entriesOpenAt: fromLocalInput(v.entriesOpenAt),
    entriesCloseAt: fromLocalInput(v.entriesCloseAt),
    judgingEndsAt: fromLocalInput(v.judgingEndsAt),
    categories: v.categories.map((k) => ({ name: k.name })),
    criteria: v.criteria.map((c) => ({ name: c.name, description: c.description.trim() || null, weight: numberOrText(c.weight), maxScore: numberOrText(c.maxScore) })),
  };
}

export function blankCompetition(): CompetitionValues {
  return {
    programId: '',
    programYearId: '',
    title: '',
    level: 'national',
    minJudgesPerEntry: '3',
    entriesOpenAt: '',
    entriesCloseAt: '',
    judgingEndsAt: '',
    categories: [{ name: '' }],
    criteria: [{ name: '', description: '', weight: '', maxScore: '' }],
  };
}

export function competitionValues(c: CompetitionDetail): CompetitionValues {
  return {
    programId: c.program.id,
    programYearId: c.programYear.id,
    title: c.title,
    level: c.level,
    minJudgesPerEntry: String(c.minJudgesPerEntry),
    entriesOpenAt: toLocalInput(c.entriesOpenAt),
    entriesCloseAt: toLocalInput(c.entriesCloseAt),
    judgingEndsAt: toLocalInput(c.judgingEndsAt),
    categories: c.categories.map((k) => ({ name: k.name })),
    criteria: c.criteria.map((r) => ({ name: r.name, description: r.description ?? '', weight: String(r.weight), maxScore: String(r.maxScore) })),
  };
}
