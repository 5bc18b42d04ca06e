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
import { SeedRun } from './seed-run.entity';

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
];
