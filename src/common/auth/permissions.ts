import type { Role } from '../../users/role';

/**
 * Everything a route can require. A route that declares none is closed to everyone, so a new
 * endpoint is never open by accident. Per-record scope (own organisation, jurisdiction) is checked
 * by the services on top of this.
 */
export enum Permission {
  ProfileRead = 'profile:read',
  OrganizationsRead = 'organizations:read',
  /** Create, change and archive any organisation. */
  OrganizationsManage = 'organizations:manage',
  /** Change one's own organisation's profile. */
  OrganizationsEditOwn = 'organizations:edit_own',
  /** Import schools from a CSV file. */
  OrganizationsImport = 'organizations:import',
  ContactsRead = 'contacts:read',
  ContactsManage = 'contacts:manage',
  UsersRead = 'users:read',
  /** Invite, disable and re-enable users of one's own organisation. */
  UsersInvite = 'users:invite',
  /** Create and change any user. */
  UsersManage = 'users:manage',
  PartnerRequestsRead = 'partner_requests:read',
  /** Open, withdraw and close partner requests; accept or decline recommended schools. */
  PartnerRequestsManage = 'partner_requests:manage',
  /** Answer partner requests addressed to one's education office. */
  PartnerRequestsAnswer = 'partner_requests:answer',
  ProgramsRead = 'programs:read',
  /** Create and change the company's programs and program years. */
  ProgramsManage = 'programs:manage',
  PartnershipsRead = 'partnerships:read',
  /** Open partnerships, change their status and cohort years. */
  PartnershipsManage = 'partnerships:manage',
  MousRead = 'mous:read',
  /** Draft, amend, renew and terminate MoUs; upload their documents. */
  MousManage = 'mous:manage',
  /** Sign an MoU or amendment for one's own organisation. */
  MousSign = 'mous:sign',
  PlansRead = 'plans:read',
  /** Write, submit and report progress on the school's plans. */
  PlansWrite = 'plans:write',
  /** Comment on plans and request changes. */
  PlansReview = 'plans:review',
  /** Approve plans (the company's CSR officer). */
  PlansApprove = 'plans:approve',
  GrantsRead = 'grants:read',
  /** Award, change and cancel grants; record disbursements; review expense reports; settle unspent money. */
  GrantsManage = 'grants:manage',
  /** Write and submit the school's expense reports. */
  ExpenseReportsWrite = 'expense_reports:write',
  MentoringRead = 'mentoring:read',
  /** Assign facilitators to schools (the company's CSR officer). */
  MentoringAssign = 'mentoring:assign',
  /** Log sessions and follow-up actions for the schools assigned to one. */
  MentoringLog = 'mentoring:log',
  /** Confirm or dispute sessions at one's school; update the school's follow-ups. */
  MentoringConfirm = 'mentoring:confirm',
  TrainingsRead = 'trainings:read',
  /** Create trainings, manage participants, attendance and scores. */
  TrainingsManage = 'trainings:manage',
  /** Nominate teachers for a training's per-school quota. */
  TrainingsNominate = 'trainings:nominate',
  /** Enter one's own scores and satisfaction answers as a participant. */
  TrainingsRespond = 'trainings:respond',
  CompetitionsRead = 'competitions:read',
  /** Create competitions, move phases, manage judges and assignments, publish results. */
  CompetitionsManage = 'competitions:manage',
  /** Submit and edit the school's competition entries. */
  CompetitionEntriesWrite = 'competition_entries:write',
  /** Score assigned entries and declare conflicts of interest. */
  CompetitionsJudge = 'competitions:judge',
  NotificationsRead = 'notifications:read',
  AuditRead = 'audit:read',
  /** Run a daily job now (admins only). */
  JobsRun = 'jobs:run',
  /** See the e-mail outbox: sent, waiting, kept and failed messages (admins only). */
  MailRead = 'mail:read',
  FacilitiesRead = 'facilities:read',
  /** Record items of in-kind facilities support and their handovers (the company's CSR officer). */
  FacilitiesManage = 'facilities:manage',
  /** Record condition checks of the facilities the school received. */
  FacilitiesCheck = 'facilities:check',
  /** The portfolio report of a company's program: figures, series, health, exports and charts. */
  ReportsPortfolio = 'reports:portfolio',
  /** The region report of an education office's jurisdiction (admins: any region). */
  ReportsRegion = 'reports:region',
  /** A school's timeline with each of its partners, inside the caller's scope. */
  SchoolTimelineRead = 'schools:timeline_read',
  /** One's own agenda: what needs the signed-in user now. */
  AgendaRead = 'agenda:read',
  /** Read the parent-engagement activities of schools in one's scope. */
  ParentEngagementRead = 'parent_engagement:read',
  /** Record and change the school's parent-engagement activities. */
  ParentEngagementWrite = 'parent_engagement:write',
  /** Read the library of good practice: published practices of every organisation, and one's own unpublished ones. */
  PracticesRead = 'practices:read',
  /** Write the school's practices and propose them for publication. */
  PracticesWrite = 'practices:write',
  /** Publish or return practices proposed by the schools of one's programs (CSR officer) or of one's mentoring (facilitator). */
  PracticesReview = 'practices:review',
  LearningEventsRead = 'learning_events:read',
  /** Record horizontal-learning events hosted by one's school, or by a school of one's program. */
  LearningEventsManage = 'learning_events:manage',
}

const EVERYONE: Permission[] = [
  Permission.ProfileRead,
  Permission.OrganizationsRead,
  Permission.UsersRead,
  Permission.ContactsRead,
  Permission.NotificationsRead,
  Permission.AgendaRead,
  Permission.PracticesRead,
];
/** Parties of partnerships: they read programs, partnerships and MoUs in their scope, and sign MoUs. */
const PARTY: Permission[] = [Permission.ProgramsRead, Permission.PartnershipsRead, Permission.MousRead, Permission.MousSign];
const ORGANIZATION_KEEPER: Permission[] = [Permission.OrganizationsEditOwn, Permission.ContactsManage];

/** Which role holds which permission: the one table to read for "who may do what". */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(Object.values(Permission)),
  csr_officer: new Set([
    ...EVERYONE,
    ...ORGANIZATION_KEEPER,
    Permission.UsersInvite,
    Permission.PartnerRequestsRead,
    Permission.PartnerRequestsManage,
    ...PARTY,
    Permission.ProgramsManage,
    Permission.PartnershipsManage,
    Permission.MousManage,
    Permission.PlansRead,
    Permission.PlansReview,
    Permission.PlansApprove,
    Permission.GrantsRead,
    Permission.GrantsManage,
    Permission.FacilitiesRead,
    Permission.FacilitiesManage,
    Permission.MentoringRead,
    Permission.MentoringAssign,
    Permission.TrainingsRead,
    Permission.TrainingsManage,
    Permission.TrainingsNominate,
    Permission.TrainingsRespond,
    Permission.CompetitionsRead,
    Permission.CompetitionsManage,
    Permission.ReportsPortfolio,
    Permission.ParentEngagementRead,
    Permission.SchoolTimelineRead,
    Permission.PracticesReview,
    Permission.LearningEventsRead,
    Permission.LearningEventsManage,
  ]),
  principal: new Set([...EVERYONE, ...ORGANIZATION_KEEPER, ...PARTY, Permission.UsersInvite, Permission.PlansRead, Permission.PlansWrite, Permission.GrantsRead, Permission.ExpenseReportsWrite, Permission.FacilitiesRead, Permission.FacilitiesCheck,
    Permission.MentoringRead, Permission.MentoringConfirm, Permission.TrainingsRead, Permission.TrainingsRespond,
    Permission.ParentEngagementRead, Permission.ParentEngagementWrite,
    Permission.CompetitionsRead, Permission.CompetitionEntriesWrite, Permission.SchoolTimelineRead,
    Permission.PracticesWrite, Permission.LearningEventsRead, Permission.LearningEventsManage]),
  education_officer: new Set([
    ...EVERYONE,
    ...ORGANIZATION_KEEPER,
    Permission.UsersInvite,
    Permission.OrganizationsImport,
    Permission.PartnerRequestsRead,
    Permission.PartnerRequestsAnswer,
    ...PARTY,
    Permission.PlansRead,
    Permission.GrantsRead,
    Permission.FacilitiesRead,
    Permission.MentoringRead,
    Permission.TrainingsRead,
    Permission.TrainingsRespond,
    Permission.CompetitionsRead,
    Permission.ReportsRegion,
    Permission.ParentEngagementRead,
    Permission.SchoolTimelineRead,
    Permission.LearningEventsRead,
  ]),
  facilitator: new Set([...EVERYONE, ...ORGANIZATION_KEEPER, ...PARTY, Permission.PlansRead, Permission.PlansReview, Permission.GrantsRead, Permission.FacilitiesRead,
    Permission.MentoringRead, Permission.MentoringLog, Permission.ParentEngagementRead, Permission.TrainingsRead, Permission.TrainingsManage, Permission.TrainingsRespond,
    Permission.CompetitionsRead, Permission.PracticesReview, Permission.LearningEventsRead, Permission.LearningEventsManage]),
  judge: new Set([...EVERYONE, Permission.CompetitionsRead, Permission.CompetitionsJudge]),
};

/** Whether a role holds a permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}
