import { MailPreferencesDigest1796492923672 } from './1796492923672-MailPreferencesDigest';
import { Districts1796491626222 } from './1796491626222-Districts';
import { MailOutboxPasswordReset1796490121238 } from './1796490121238-MailOutboxPasswordReset';
import { UserLocale1795551200000 } from './1795551200000-UserLocale';
import { NotificationParams1795552000000 } from './1795552000000-NotificationParams';
import { ReportIndexes1795550003778 } from './1795550003778-ReportIndexes';
import { MentoringTrainingsCompetitions1795546640738 } from './1795546640738-MentoringTrainingsCompetitions';
import { Grants1795546497907 } from './1795546497907-Grants';
import { Plans1795546412547 } from './1795546412547-Plans';
import { ProgramsPartnershipsMous1795545855586 } from './1795545855586-ProgramsPartnershipsMous';
import { Partners1795545291536 } from './1795545291536-Partners';
import { Foundation1795544857592 } from './1795544857592-Foundation';
import { FacilitiesSupport1796500000000 } from './1796500000000-FacilitiesSupport';
import { PracticeLibrary1796500100000 } from './1796500100000-PracticeLibrary';
import { ParentEngagement1796500200000 } from './1796500200000-ParentEngagement';
import { MentoringTotalsParents1796500300000 } from './1796500300000-MentoringTotalsParents';
import { AssignmentReplacedByIndex1796500400000 } from './1796500400000-AssignmentReplacedByIndex';
/** Every migration, oldest first. `npm run migration:generate -- Name` appends to this list. */
export const MIGRATIONS: Function[] = [
  Foundation1795544857592,
  Partners1795545291536,
  ProgramsPartnershipsMous1795545855586,
  Plans1795546412547,
  Grants1795546497907,
  MentoringTrainingsCompetitions1795546640738,
  ReportIndexes1795550003778,
  UserLocale1795551200000,
  NotificationParams1795552000000,
  MailOutboxPasswordReset1796490121238,
  Districts1796491626222,
  MailPreferencesDigest1796492923672,
  FacilitiesSupport1796500000000,
  PracticeLibrary1796500100000,
  ParentEngagement1796500200000,
  MentoringTotalsParents1796500300000,
  AssignmentReplacedByIndex1796500400000,
];
