import type { components } from './schema';

/** A topic of the API's catalogue: a school's stated needs and a plan's programs speak these words. */
export type Topic = components['schemas']['PlanProgramDto']['topic'];

/**
 * The values of `T`, listed once: a list that leaves one out does not compile (and one the API does not
 * know is no `T`), so the list follows the generated types after `npm run api:generate`.
 */
function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
}

/** The topic catalogue, in the API's order (a unit test keeps it equal to the OpenAPI document); labels are `<area>.topic(s).<value>` strings. */
export const TOPICS = everyValueOf<Topic>()([
  'literacy',
  'project_based_learning',
  'child_friendly_school',
  'student_mental_health',
  'school_health_unit',
  'sanitation',
  'disaster_preparedness',
  'parenting',
  'horizontal_learning',
  'teacher_training',
  'infrastructure',
  'other',
]);
