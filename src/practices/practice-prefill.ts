import type { SchoolLevel } from '../organizations/organization-type';
import type { PlanProgram } from '../plans/plan-content';
import type { PracticeResult } from './practice.entity';
import type { SourceEntryRow } from './practices.repository';
import type { PracticeDraftResponse } from './dto/practice.response';

const MAX_TITLE = 200;
const MAX_SUMMARY = 1000;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** The indicators of a plan program with the values the school reported; indicators without a reported value are left out. */
function resultsOf(program: PlanProgram | undefined, achieved: Map<string, string>): PracticeResult[] {
  if (!program) return [];
  return program.indicators
    .filter((i) => achieved.has(i.id))
    .map((i) => ({ indicator: i.name, value: String(Number(achieved.get(i.id))), unit: i.unit ?? null }));
}

/** What was done, as the plan program describes it: its background, then its activities with their outputs. */
function activitiesText(program: PlanProgram): string {
  const lines: string[] = [];
  if (program.background) lines.push(program.background);
  if (program.activities.length > 0) {
    lines.push('Kegiatan:');
    for (const a of program.activities) lines.push(`- ${a.name}${a.expectedOutput ? ` (${a.expectedOutput})` : ''}`);
  }
  return lines.join('\n');
}

/** A draft from a program of a completed plan: its name, goal, background and activities, and the results reported on its indicators. */
export function draftFromPlanProgram(
  plan: { id: string; year: number },
  program: PlanProgram,
  achieved: Map<string, string>,
  schoolLevel: SchoolLevel,
): PracticeDraftResponse {
  const title = program.name ?? program.goal ?? program.topic;
  return {
    title: cut(title, MAX_TITLE),
    summary: cut(program.goal ?? title, MAX_SUMMARY),
    topic: program.topic,
    schoolLevel,
    whatWasDone: activitiesText(program) || (program.goal ?? title),
    results: resultsOf(program, achieved),
    year: plan.year,
    sourcePlanId: plan.id,
    sourcePlanProgramId: program.id,
    sourceEntryId: null,
  };
}

/** A draft from a competition entry: its title and summary; topic, activities and results from the plan program it grew from, when it did. */
export function draftFromEntry(entry: SourceEntryRow, program: PlanProgram | undefined, achieved: Map<string, string>, schoolLevel: SchoolLevel): PracticeDraftResponse {
  const context = `Karya ${entry.competitionTitle}, kategori ${entry.categoryName}.`;
  return {
    title: cut(entry.title, MAX_TITLE),
    summary: cut(entry.summary, MAX_SUMMARY),
    topic: program?.topic ?? 'other',
    schoolLevel,
    whatWasDone: program ? `${context}\n${activitiesText(program)}` : `${context}\n${entry.summary}`,
    results: resultsOf(program, achieved),
    year: entry.year,
    sourcePlanId: null,
    sourcePlanProgramId: null,
    sourceEntryId: entry.id,
  };
}
