import { AuditEvent } from '../audit/audit-event.entity';
import { AuthSession } from '../auth/auth-session.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { Contact } from '../organizations/contact.entity';
import { PartnerRecommendation } from '../partner-requests/partner-recommendation.entity';
import { PartnerRequest } from '../partner-requests/partner-request.entity';
import { Region } from '../regions/region.entity';
import { Document } from '../documents/document.entity';
import { JobRun } from '../jobs/job-run.entity';
import { MouAmendment } from '../mous/mou-amendment.entity';
import { MouObligation } from '../mous/mou-obligation.entity';
import { MouParty } from '../mous/mou-party.entity';
import { MouSignature } from '../mous/mou-signature.entity';
import { Mou } from '../mous/mou.entity';
import { Notification } from '../notifications/notification.entity';
import { PartnershipEvent } from '../partnerships/partnership-event.entity';
import { PartnershipYear } from '../partnerships/partnership-year.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramFacilitator } from '../programs/program-facilitator.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { PlanComment } from '../plans/plan-comment.entity';
import { PlanEditor } from '../plans/plan-editor.entity';
import { PlanActivityProgress, PlanIndicatorResult } from '../plans/plan-progress.entity';
import { PlanVersion } from '../plans/plan-version.entity';
import { Plan } from '../plans/plan.entity';
import { Disbursement } from '../grants/disbursement.entity';
import { ExpenseLine } from '../grants/expense-line.entity';
import { ExpenseReport } from '../grants/expense-report.entity';
import { Grant } from '../grants/grant.entity';
import { LedgerEntry } from '../grants/ledger-entry.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { CompetitionCategory } from '../competitions/competition-category.entity';
import { CompetitionEntry } from '../competitions/competition-entry.entity';
import { Competition } from '../competitions/competition.entity';
import { CompetitionJudge, CompetitionResult, ConflictDeclaration, EntryScore, JudgeAssignment } from '../competitions/judging.entities';
import { RubricCriterion } from '../competitions/rubric-criterion.entity';
import { MentoringAction } from '../mentoring/mentoring-action.entity';
import { MentoringAssignment } from '../mentoring/mentoring-assignment.entity';
import { MentoringSession } from '../mentoring/mentoring-session.entity';
import { TrainingParticipant } from '../trainings/training-participant.entity';
import { Training } from '../trainings/training.entity';
import { Practice } from '../practices/practice.entity';
import { LearningEvent, LearningEventParticipant, LearningEventPractice } from '../practices/learning-event.entity';
import { SeedRun } from './seed-run.entity';
import { FacilityConditionCheck } from '../facilities/facility-condition-check.entity';
import { FacilityItem } from '../facilities/facility-item.entity';
import { MailDigest, MailDigestItem } from '../mail/mail-digest.entities';
import { MailPreference } from '../mail/mail-preference.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { PasswordResetToken } from '../auth/password-reset-token.entity';
import { ParentEngagementActivity } from '../parent-engagement/parent-engagement-activity.entity';

/** Every entity of the schema; the migrations must produce exactly these tables. */
export const ENTITIES = [
  Organization,
  User,
  AuthSession,
  RefreshToken,
  LoginFailure,
  AuditEvent,
  SeedRun,
  Region,
  Contact,
  PartnerRequest,
  PartnerRecommendation,
  Program,
  ProgramFacilitator,
  ProgramYear,
  Partnership,
  PartnershipEvent,
  PartnershipYear,
  Mou,
  MouParty,
  MouAmendment,
  MouObligation,
  MouSignature,
  Document,
  Notification,
  JobRun,
  Plan,
  PlanVersion,
  PlanComment,
  PlanEditor,
  PlanActivityProgress,
  PlanIndicatorResult,
  Grant,
  Disbursement,
  ExpenseReport,
  ExpenseLine,
  LedgerEntry,
  IdempotencyKey,
  MentoringAssignment,
  MentoringSession,
  MentoringAction,
  Training,
  TrainingParticipant,
  Competition,
  CompetitionCategory,
  RubricCriterion,
  CompetitionEntry,
  CompetitionJudge,
  JudgeAssignment,
  ConflictDeclaration,
  EntryScore,
  CompetitionResult,
  OutboxMessage,
  MailPreference,
  MailDigestItem,
  MailDigest,
  PasswordResetToken,
  FacilityItem,
  FacilityConditionCheck,
  ParentEngagementActivity,
  Practice,
  LearningEvent,
  LearningEventParticipant,
  LearningEventPractice,
];
