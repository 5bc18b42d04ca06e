import type { PlanStatus } from './plan-api';

/** The colour of a status badge. */
export const STATUS_COLOR: Record<PlanStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  changes_requested: 'orange',
  approved: 'teal',
  in_progress: 'cyan',
  completed: 'green',
  withdrawn: 'dark',
};

/** The workflow as the portal draws it (the API decides every step). */
export const WORKFLOW: PlanStatus[] = ['draft', 'submitted', 'approved', 'in_progress', 'completed'];

/** Where a status sits on the drawn workflow (changes requested goes back to the school, beside submitted). */
export function workflowIndex(status: PlanStatus): number {
  if (status === 'changes_requested') return 1;
  if (status === 'withdrawn') return -1;
  return WORKFLOW.indexOf(status);
}

interface Who {
  role: string;
  organizationId: string;
  canWrite: boolean;
}

/** Whether the signed-in user acts for the plan's school (its principals and editors, or admin support). */
export function actsForSchool(who: Who, schoolId: string): boolean {
  return who.canWrite && (who.role === 'admin' || who.organizationId === schoolId);
}

/**
 * What the school can be offered on a plan in this state; each button still asks the API, which
 * answers with its reason when it refuses.
 */
export function schoolActions(status: PlanStatus, revision: number, yearClosed: boolean): Array<'edit' | 'submit' | 'withdraw' | 'start' | 'revise' | 'report' | 'complete'> {
  if (yearClosed) return [];
  switch (status) {
    case 'draft':
    case 'changes_requested':
      return revision === 0 ? ['edit', 'submit', 'withdraw'] : ['edit', 'submit'];
    case 'submitted':
      return revision === 0 ? ['withdraw'] : [];
    case 'approved':
      return ['start', 'report', 'revise'];
    case 'in_progress':
      return ['report', 'complete', 'revise'];
    default:
      return [];
  }
}

/** Who may comment: everyone involved while the plan is open (education offices only read). */
export function canCommentOn(role: string, status: PlanStatus, yearClosed: boolean): boolean {
  return !yearClosed && role !== 'education_officer' && role !== 'judge' && status !== 'completed' && status !== 'withdrawn';
}

/** Progress is reported and read once a plan is approved. */
export function hasProgress(status: PlanStatus): boolean {
  return status === 'approved' || status === 'in_progress' || status === 'completed';
}
