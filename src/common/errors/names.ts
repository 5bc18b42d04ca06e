import { Permission, roleHas } from '../auth/permissions';
import type { OrganizationType } from '../auth/organization-type';
import type { Role } from '../../users/role';
import type { Lang } from './i18n';

/** A phrase in both languages. */
export type Words = Record<Lang, string>;

/**
 * The one place that names roles, records and permissions for people, in both languages, so that no
 * message shows `csr_officer`, `partner_requests:read` or a table name.
 */
export const ROLE_NAMES: Record<Role, { en: string; id: string; enArticle: string }> = {
  admin: { en: 'administrator', id: 'administrator', enArticle: 'an' },
  csr_officer: { en: 'CSR officer', id: 'petugas CSR', enArticle: 'a' },
  principal: { en: 'principal', id: 'kepala sekolah', enArticle: 'a' },
  education_officer: { en: 'education office officer', id: 'petugas dinas pendidikan', enArticle: 'an' },
  facilitator: { en: 'facilitator', id: 'fasilitator', enArticle: 'a' },
  judge: { en: 'judge', id: 'juri', enArticle: 'a' },
};

/** Kinds of organisation, as in "this organisation is a school" / "organisasi ini sekolah". */
export const ORGANIZATION_TYPE_NAMES: Record<OrganizationType, Words> = {
  company: { en: 'company', id: 'perusahaan' },
  school: { en: 'school', id: 'sekolah' },
  education_office: { en: 'education office', id: 'dinas pendidikan' },
  facilitator: { en: 'facilitator organisation', id: 'lembaga fasilitator' },
  other: { en: 'other organisation', id: 'organisasi lain' },
};

/** What each permission lets a person do, as the end of "A principal cannot …" / "Kepala sekolah tidak dapat …". */
export const PERMISSION_ACTIONS: Record<Permission, Words> = {
  [Permission.ProfileRead]: { en: 'see their own profile', id: 'melihat profilnya sendiri' },
  [Permission.OrganizationsRead]: { en: 'see organisations', id: 'melihat organisasi' },
  [Permission.OrganizationsManage]: { en: 'create, change or archive organisations', id: 'membuat, mengubah, atau mengarsipkan organisasi' },
  [Permission.OrganizationsEditOwn]: { en: "change their organisation's profile", id: 'mengubah profil organisasinya' },
  [Permission.OrganizationsImport]: { en: 'import schools from a file', id: 'mengimpor sekolah dari berkas' },
  [Permission.ContactsRead]: { en: 'see contacts', id: 'melihat kontak' },
  [Permission.ContactsManage]: { en: 'change contacts', id: 'mengubah kontak' },
  [Permission.UsersRead]: { en: 'see users', id: 'melihat pengguna' },
  [Permission.UsersInvite]: { en: 'invite or disable users', id: 'mengundang atau menonaktifkan pengguna' },
  [Permission.UsersManage]: { en: 'create or change any user', id: 'membuat atau mengubah pengguna mana pun' },
  [Permission.PartnerRequestsRead]: { en: 'see partner requests', id: 'melihat permintaan mitra' },
  [Permission.PartnerRequestsManage]: { en: 'open or close partner requests', id: 'membuka atau menutup permintaan mitra' },
  [Permission.PartnerRequestsAnswer]: { en: 'answer partner requests', id: 'menjawab permintaan mitra' },
  [Permission.ProgramsRead]: { en: 'see programs', id: 'melihat program' },
  [Permission.ProgramsManage]: { en: 'create or change programs', id: 'membuat atau mengubah program' },
  [Permission.PartnershipsRead]: { en: 'see partnerships', id: 'melihat kemitraan' },
  [Permission.PartnershipsManage]: { en: 'open or change partnerships', id: 'membuka atau mengubah kemitraan' },
  [Permission.MousRead]: { en: 'see MoUs', id: 'melihat MoU' },
  [Permission.MousManage]: { en: 'draft, amend or end MoUs', id: 'menyusun, mengubah, atau mengakhiri MoU' },
  [Permission.MousSign]: { en: 'sign MoUs', id: 'menandatangani MoU' },
  [Permission.PlansRead]: { en: 'see plans', id: 'melihat rencana' },
  [Permission.PlansWrite]: { en: 'write or submit plans', id: 'menulis atau mengajukan rencana' },
  [Permission.PlansReview]: { en: 'review plans', id: 'meninjau rencana' },
  [Permission.PlansApprove]: { en: 'approve plans', id: 'menyetujui rencana' },
  [Permission.GrantsRead]: { en: 'see grants', id: 'melihat hibah' },
  [Permission.GrantsManage]: { en: 'award grants or record disbursements', id: 'memberikan hibah atau mencatat pencairan' },
  [Permission.FacilitiesRead]: { en: 'see facilities support', id: 'melihat bantuan sarana prasarana' },
  [Permission.FacilitiesManage]: { en: 'record facilities support or its handover', id: 'mencatat bantuan sarana prasarana atau serah terimanya' },
  [Permission.FacilitiesCheck]: { en: 'record condition checks of facilities', id: 'mencatat pemeriksaan kondisi sarana prasarana' },
  [Permission.ExpenseReportsWrite]: { en: 'write expense reports', id: 'menulis laporan penggunaan dana' },
  [Permission.MentoringRead]: { en: 'see mentoring', id: 'melihat pendampingan' },
  [Permission.MentoringAssign]: { en: 'assign facilitators to schools', id: 'menugaskan fasilitator ke sekolah' },
  [Permission.MentoringLog]: { en: 'record mentoring sessions', id: 'mencatat sesi pendampingan' },
  [Permission.MentoringConfirm]: { en: 'confirm or dispute mentoring sessions', id: 'mengonfirmasi atau menyanggah sesi pendampingan' },
  [Permission.TrainingsRead]: { en: 'see trainings', id: 'melihat pelatihan' },
  [Permission.TrainingsManage]: { en: 'organise trainings', id: 'menyelenggarakan pelatihan' },
  [Permission.TrainingsNominate]: { en: 'nominate teachers for trainings', id: 'mengusulkan guru untuk pelatihan' },
  [Permission.TrainingsRespond]: { en: 'fill in training scores and surveys', id: 'mengisi nilai dan survei pelatihan' },
  [Permission.CompetitionsRead]: { en: 'see competitions', id: 'melihat kompetisi' },
  [Permission.CompetitionsManage]: { en: 'organise competitions', id: 'menyelenggarakan kompetisi' },
  [Permission.CompetitionEntriesWrite]: { en: 'submit competition entries', id: 'mengirim karya kompetisi' },
  [Permission.CompetitionsJudge]: { en: 'judge competition entries', id: 'menilai karya kompetisi' },
  [Permission.NotificationsRead]: { en: 'see notifications', id: 'melihat notifikasi' },
  [Permission.AuditRead]: { en: 'see the audit log', id: 'melihat log audit' },
  [Permission.JobsRun]: { en: 'run scheduled jobs', id: 'menjalankan tugas terjadwal' },
  [Permission.MailRead]: { en: 'see the e-mail outbox', id: 'melihat kotak keluar email' },
  [Permission.ReportsPortfolio]: { en: "see a program's portfolio report", id: 'melihat laporan portofolio program' },
  [Permission.ReportsRegion]: { en: 'see region reports', id: 'melihat laporan wilayah' },
  [Permission.SchoolTimelineRead]: { en: "see a school's timeline", id: 'melihat linimasa sekolah' },
  [Permission.AgendaRead]: { en: 'see an agenda', id: 'melihat agenda' },
  [Permission.ParentEngagementRead]: { en: 'see parent-engagement activities', id: 'melihat kegiatan pelibatan orang tua' },
  [Permission.ParentEngagementWrite]: { en: 'record parent-engagement activities', id: 'mencatat kegiatan pelibatan orang tua' },
  [Permission.PracticesRead]: { en: 'see the library of good practice', id: 'melihat pustaka praktik baik' },
  [Permission.PracticesWrite]: { en: "write or propose the school's good practices", id: 'menulis atau mengusulkan praktik baik sekolah' },
  [Permission.PracticesReview]: { en: 'publish or return proposed good practices', id: 'menerbitkan atau mengembalikan usulan praktik baik' },
  [Permission.LearningEventsRead]: { en: 'see horizontal-learning events', id: 'melihat kegiatan belajar horizontal' },
  [Permission.LearningEventsManage]: { en: 'record horizontal-learning events', id: 'mencatat kegiatan belajar horizontal' },
};

/**
 * Records as people call them, keyed by the name services give `AppError.notFound` (English, in
 * lower case). Unlisted names fall back to "record" / "data".
 */
export const RECORD_NAMES: Record<string, Words> = {
  MoU: { en: 'MoU', id: 'MoU' },
  'MoU amendment': { en: 'MoU amendment', id: 'adendum MoU' },
  competition: { en: 'competition', id: 'kompetisi' },
  'competition entry': { en: 'competition entry', id: 'karya kompetisi' },
  'competition results': { en: 'competition results', id: 'hasil kompetisi' },
  contact: { en: 'contact', id: 'kontak' },
  disbursement: { en: 'disbursement', id: 'pencairan' },
  document: { en: 'document', id: 'dokumen' },
  'expense line': { en: 'expense line', id: 'baris pengeluaran' },
  'expense report': { en: 'expense report', id: 'laporan penggunaan dana' },
  grant: { en: 'grant', id: 'hibah' },
  'judge assignment': { en: 'judge assignment', id: 'penugasan juri' },
  'judge on this panel': { en: 'judge on this panel', id: 'juri dalam panel ini' },
  'mentoring action': { en: 'follow-up action', id: 'tindak lanjut' },
  'mentoring assignment': { en: 'mentoring assignment', id: 'penugasan pendampingan' },
  'mentoring session': { en: 'mentoring session', id: 'sesi pendampingan' },
  notification: { en: 'notification', id: 'notifikasi' },
  organization: { en: 'organisation', id: 'organisasi' },
  'partner recommendation': { en: 'school recommendation', id: 'rekomendasi sekolah' },
  'partner request': { en: 'partner request', id: 'permintaan mitra' },
  partnership: { en: 'partnership', id: 'kemitraan' },
  'parent-engagement activity': { en: 'parent-engagement activity', id: 'kegiatan pelibatan orang tua' },
  'plan activity': { en: 'plan activity', id: 'kegiatan rencana' },
  'plan editor': { en: 'plan editor', id: 'editor rencana' },
  'plan indicator': { en: 'plan indicator', id: 'indikator rencana' },
  'plan version': { en: 'plan version', id: 'versi rencana' },
  plan: { en: 'plan', id: 'rencana' },
  practice: { en: 'good practice', id: 'praktik baik' },
  'learning event': { en: 'horizontal-learning event', id: 'kegiatan belajar horizontal' },
  'program year': { en: 'program year', id: 'tahun program' },
  program: { en: 'program', id: 'program' },
  receipt: { en: 'receipt', id: 'bukti pembayaran' },
  region: { en: 'region', id: 'wilayah' },
  school: { en: 'school', id: 'sekolah' },
  'training participant': { en: 'training participant', id: 'peserta pelatihan' },
  training: { en: 'training', id: 'pelatihan' },
  user: { en: 'user', id: 'pengguna' },
};

/** The states records move through, as people say them; one table, since the words mean the same on every record. */
export const STATUS_NAMES: Record<string, Words> = {
  draft: { en: 'draft', id: 'draf' },
  submitted: { en: 'submitted', id: 'diajukan' },
  changes_requested: { en: 'returned for changes', id: 'perlu perbaikan' },
  approved: { en: 'approved', id: 'disetujui' },
  in_progress: { en: 'in progress', id: 'sedang berjalan' },
  completed: { en: 'completed', id: 'selesai' },
  withdrawn: { en: 'withdrawn', id: 'ditarik' },
  planning: { en: 'planning', id: 'perencanaan' },
  running: { en: 'running', id: 'berjalan' },
  evaluating: { en: 'evaluating', id: 'evaluasi' },
  closed: { en: 'closed', id: 'ditutup' },
  prospective: { en: 'prospective', id: 'prospektif' },
  active: { en: 'active', id: 'aktif' },
  paused: { en: 'paused', id: 'dijeda' },
  ended: { en: 'ended', id: 'berakhir' },
  pending: { en: 'pending', id: 'menunggu keputusan' },
  accepted: { en: 'accepted', id: 'diterima' },
  declined: { en: 'declined', id: 'ditolak' },
  returned: { en: 'returned', id: 'dikembalikan' },
  open: { en: 'open', id: 'terbuka' },
  answered: { en: 'answered', id: 'dijawab' },
  expired: { en: 'expired', id: 'kedaluwarsa' },
  done: { en: 'done', id: 'selesai' },
  dropped: { en: 'dropped', id: 'dibatalkan' },
  awarded: { en: 'awarded', id: 'diberikan' },
  disbursing: { en: 'being disbursed', id: 'sedang dicairkan' },
  fully_disbursed: { en: 'fully disbursed', id: 'sudah dicairkan seluruhnya' },
  reporting: { en: 'reporting', id: 'pelaporan' },
  cancelled: { en: 'cancelled', id: 'dibatalkan' },
  awaiting_signatures: { en: 'awaiting signatures', id: 'menunggu tanda tangan' },
  terminated: { en: 'terminated', id: 'diakhiri' },
  superseded: { en: 'superseded', id: 'digantikan' },
};

/** Where the money of a plan's budget line comes from. */
export const FUNDING_SOURCE_NAMES: Record<string, Words> = {
  stimulus_grant: { en: 'the stimulus grant', id: 'dana hibah stimulus' },
  school_budget_bos: { en: 'the school budget (BOS)', id: 'dana BOS sekolah' },
  other: { en: 'another source', id: 'sumber lain' },
};

/** A funding source in one language; an unknown value is shown as it is. */
export function fundingSourceName(source: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(FUNDING_SOURCE_NAMES, source) ? FUNDING_SOURCE_NAMES[source][lang] : source;
}

/** A record's state in one language ("in progress" / "sedang berjalan"); an unknown value is shown as it is. */
export function statusName(status: string, lang: Lang): string {
  return Object.prototype.hasOwnProperty.call(STATUS_NAMES, status) ? STATUS_NAMES[status][lang] : status;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const ROLES = Object.keys(ROLE_NAMES) as Role[];

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PERMISSION_ACTIONS, value);
}

/** A role as the subject of a sentence: "A principal" / "Kepala sekolah"; "Your role" for an unknown one. */
export function roleSubject(role: unknown, lang: Lang): string {
  if (!isRole(role)) return lang === 'en' ? 'Your role' : 'Peran Anda';
  const name = ROLE_NAMES[role];
  return lang === 'en' ? capital(`${name.enArticle} ${name.en}`) : capital(name.id);
}

/** A role's name in a list ("CSR officer" / "petugas CSR"). */
export function roleName(role: Role, lang: Lang): string {
  return ROLE_NAMES[role][lang];
}

/** A kind of organisation in one language ("education office" / "dinas pendidikan"). */
export function organizationTypeName(type: OrganizationType, lang: Lang): string {
  return ORGANIZATION_TYPE_NAMES[type]?.[lang] ?? (lang === 'en' ? 'organisation' : 'organisasi');
}

/** A record's name in one language; unknown names read as "record" / "data". */
export function recordName(resource: unknown, lang: Lang): string {
  const words = typeof resource === 'string' ? RECORD_NAMES[resource] : undefined;
  if (words) return words[lang];
  return lang === 'en' ? 'record' : 'data';
}

function joinOr(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const or = lang === 'en' ? ' or ' : ' atau ';
  return `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`;
}

/**
 * "A principal cannot approve plans. Ask a CSR officer." in one language. `permission` is a Permission
 * value; an action without one comes as `actionEn`/`actionId` parameters.
 */
export function forbiddenSentence(p: Record<string, string | number>, lang: Lang): string {
  const subject = roleSubject(p.role, lang);
  const permission = p.permission;
  let action: string | undefined;
  let holders: Role[] = [];
  if (isPermission(permission)) {
    action = PERMISSION_ACTIONS[permission][lang];
    holders = ROLES.filter((r) => r !== 'admin' && roleHas(r, permission));
  } else if (typeof p.actionEn === 'string' && typeof p.actionId === 'string') {
    action = lang === 'en' ? p.actionEn : p.actionId;
  }
  const first = action
    ? lang === 'en'
      ? `${subject} cannot ${action}.`
      : `${subject} tidak dapat ${action}.`
    : lang === 'en'
      ? `${subject} does not allow this.`
      : `${subject} tidak mengizinkan tindakan ini.`;
  const ask =
    holders.length > 0
      ? lang === 'en'
        ? `Ask ${joinOr(
            holders.map((r) => `${ROLE_NAMES[r].enArticle} ${ROLE_NAMES[r].en}`),
            lang,
          )} to do it.`
        : `Minta ${joinOr(
            holders.map((r) => ROLE_NAMES[r].id),
            lang,
          )} untuk melakukannya.`
      : lang === 'en'
        ? 'Ask a user whose role allows it.'
        : 'Minta pengguna dengan peran yang sesuai.';
  return `${first} ${ask}`;
}
