/**
 * The topic catalogue: a school's stated needs, a partner request's needs, and later a program's
 * focus areas and a plan's programs all speak these words.
 */
export const TOPICS = [
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
] as const;
export type Topic = (typeof TOPICS)[number];
