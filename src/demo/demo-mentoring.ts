import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Topic } from '../common/catalog/topics';
import { MentoringAction } from '../mentoring/mentoring-action.entity';
import { MentoringAssignment } from '../mentoring/mentoring-assignment.entity';
import { MentoringSession } from '../mentoring/mentoring-session.entity';
import type { ActionOwnerSide, ActionStatus, AttendeeRole, SessionConfirmation, SessionMode } from '../mentoring/mentoring-status';
import { TrainingParticipant } from '../trainings/training-participant.entity';
import type { ParticipantRole } from '../trainings/training-participant.entity';
import { Training } from '../trainings/training.entity';
import { User } from '../users/user.entity';
// From demo-ids, not demo: demo.ts imports this step, and demo-ids imports nothing back.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** Fixed ids of the mentoring and training demo records, so they can be tried from Swagger. */
export const MENTORING_DEMO_IDS = {
  assignment: '00000000-0000-4000-8000-0000c1260001',
  /** Session n (1 = the planning workshop). */
  session: (n: number) => `00000000-0000-4000-8000-0000c126${String(1000 + n)}`,
  /** Follow-up action n. */
  action: (n: number) => `00000000-0000-4000-8000-0000c126${String(2000 + n)}`,
  training: '00000000-0000-4000-8000-0000c1263001',
  /** Training participant n (1..25). */
  participant: (n: number) => `00000000-0000-4000-8000-0000c126${String(4000 + n)}`,
} as const;

/** The audit lines' request id marks them as loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:mentoring';

const at = (isoDate: string, hour = 2) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00Z`);

/** The year, partnership and plan the mentoring happens in; fails loudly when an earlier step is missing. */
async function ground(manager: EntityManager): Promise<{ programId: string; programName: string; yearId: string; year: number; partnershipId: string }> {
  const [program] = (await manager.query(`SELECT id, name FROM programs WHERE company_id = $1 AND name = 'Generasi Trakindo' LIMIT 1`, [DEMO_IDS.trakindo])) as Array<{ id: string; name: string }>;
  if (!program) throw new Error('demo:mentoring needs the Generasi Trakindo program of PT Trakindo Utama from the programs step; run demo:programs first');
  const [year] = (await manager.query(
    `SELECT id, year FROM program_years WHERE program_id = $1 AND (year = 2026 OR status = 'running') ORDER BY (year = 2026) DESC, year DESC LIMIT 1`,
    [program.id],
  )) as Array<{ id: string; year: number }>;
  if (!year) throw new Error('demo:mentoring needs the 2026 (or a running) year of Generasi Trakindo from the programs step');
  const [partnership] = (await manager.query(`SELECT id FROM partnerships WHERE program_id = $1 AND school_id = $2`, [program.id, DEMO_IDS.pelambuan4])) as Array<{ id: string }>;
  if (!partnership) throw new Error('demo:mentoring needs the partnership of SDN Pelambuan 4 in Generasi Trakindo from the programs step');
  return { programId: program.id, programName: program.name, yearId: year.id, year: year.year, partnershipId: partnership.id };
}

async function demoUser(manager: EntityManager, role: 'csr_officer' | 'principal' | 'facilitator'): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === role)?.email;
  const user = email ? await manager.findOne(User, { where: { email } }) : null;
  if (!user) throw new Error(`demo:mentoring needs the demo ${role} of the foundation step (${email ?? 'no such demo user'})`);
  return user;
}

/** One session of the year's mentoring. */
interface DemoSession {
  on: string;
  minutes: number;
  mode: SessionMode;
  topic: Topic;
  counts: Partial<Record<AttendeeRole, number>>;
  notes: string;
  confirmation: SessionConfirmation;
  disputeReason?: string;
}

/** One follow-up from a session (by its number in the list of sessions). */
interface DemoAction {
  session: number;
  description: string;
  side: ActionOwnerSide;
  ownedByPrincipal?: boolean;
  due: string;
  status: ActionStatus;
  droppedReason?: string;
  closedOn?: string;
}

function sessions(y: number): DemoSession[] {
  const visit = (month: string, day: string, topic: Topic, notes: string, teachers: number, confirmation: SessionConfirmation = 'confirmed'): DemoSession => ({
    on: `${y}-${month}-${day}`,
    minutes: 150,
    mode: 'visit',
    topic,
    counts: { principal: 1, teachers },
    notes,
    confirmation,
  });
  const list: DemoSession[] = [
    {
      on: `${y}-01-22`,
      minutes: 720,
      mode: 'workshop',
      topic: 'student_mental_health',
      counts: { principal: 1, teachers: 18, education_staff: 3, supervisor: 1 },
      notes:
        'Lokakarya perencanaan dua hari (22–23 Januari, 6 jam per hari): refleksi bersama tentang sekolah dan program tahun lalu, curah pendapat kebutuhan, penyusunan rencana per kelompok dengan templat Edukasi 101. ' +
        'Hasil diskusi kelompok: fokus pada kesehatan mental siswa, dengan cek perasaan harian, pojok konseling dan survei kesejahteraan siswa.',
      confirmation: 'confirmed',
    },
    visit('02', '11', 'student_mental_health', 'Membahas rencana bersama para wali kelas; menyepakati pelaksanaan cek perasaan harian di kelas 1–6.', 12),
    visit('03', '11', 'student_mental_health', 'Mengamati cek perasaan di kelas 2 dan 5; membimbing dua guru cara menanggapi anak yang mengaku sedang sedih.', 8),
    visit('04', '15', 'child_friendly_school', 'Memilih ruangan untuk pojok konseling bersama kepala sekolah; mendata kebutuhan perabot dan bahan bacaan.', 6),
    visit('05', '13', 'student_mental_health', 'Meninjau catatan cek perasaan dua bulan pertama; kelas 4 perlu dibantu agar pencatatannya rutin.', 10),
    visit('06', '10', 'student_mental_health', 'Rencana kunjungan untuk membahas survei kesejahteraan siswa.', 0, 'disputed'),
    visit('07', '15', 'student_mental_health', 'Menyiapkan survei kesejahteraan siswa bersama para guru; orang tua diberi tahu melalui grup WhatsApp kelas.', 14),
    {
      on: `${y}-08-12`,
      minutes: 90,
      mode: 'online',
      topic: 'parenting',
      counts: { principal: 1, teachers: 6, parents: 22 },
      notes: 'Pertemuan daring dengan orang tua: cara membicarakan perasaan bersama anak di rumah; tanya jawab seputar survei.',
      confirmation: 'confirmed',
    },
    visit('09', '16', 'student_mental_health', 'Pojok konseling sudah dibuka; membimbing guru BK dalam menyimpan catatan yang bersifat rahasia.', 9),
    visit('10', '14', 'horizontal_learning', 'Menyiapkan presentasi praktik baik untuk kegiatan horizontal learning bersama sekolah-sekolah sekitar.', 11),
    visit('11', '11', 'student_mental_health', 'Membahas hasil survei pertama dan rencana evaluasi akhir tahun.', 12, 'pending'),
  ];
  return list.map((s, i) =>
    i === 5
      ? { ...s, disputeReason: 'Tidak ada kunjungan pada 10 Juni: pekan itu sekolah sedang melaksanakan ujian akhir semester. Fasilitator datang pada 17 Juni; mohon dicatat pada tanggal tersebut.' }
      : s,
  );
}

function actions(y: number): DemoAction[] {
  return [
    { session: 1, description: 'Memasukkan program kesehatan mental siswa ke dalam RKT dan RKAS.', side: 'school', ownedByPrincipal: true, due: `${y}-02-28`, status: 'done', closedOn: `${y}-02-25` },
    { session: 2, description: 'Mengirimkan kartu cek perasaan beserta panduan singkatnya kepada para wali kelas.', side: 'facilitator', due: `${y}-02-20`, status: 'done', closedOn: `${y}-02-18` },
    { session: 4, description: 'Menyiapkan pojok konseling di bekas gudang perpustakaan.', side: 'school', due: `${y}-06-30`, status: 'done', closedOn: `${y}-06-26` },
    {
      session: 4,
      description: 'Mengundang psikolog puskesmas untuk melatih para guru.',
      side: 'school',
      due: `${y}-05-31`,
      status: 'dropped',
      droppedReason: 'Puskesmas tidak memiliki psikolog tahun ini; pelatihan dipandu oleh guru BK dan fasilitator.',
      closedOn: `${y}-05-13`,
    },
    { session: 7, description: 'Mengumpulkan hasil survei kesejahteraan siswa dari setiap kelas dan mengirimkannya kepada fasilitator.', side: 'school', ownedByPrincipal: true, due: `${y}-09-30`, status: 'open' },
    { session: 10, description: 'Menyiapkan materi sesi evaluasi akhir tahun.', side: 'facilitator', due: `${y}-12-05`, status: 'open' },
  ];
}

/** The 25 participants of the national training: principals, teachers and parents from partner schools. */
const PARTICIPANTS: Array<{ name: string; role: ParticipantRole }> = [
  { name: 'Hj. Siti Rahmah, S.Pd.', role: 'principal' },
  { name: 'Rusdiana, S.Pd.', role: 'teacher' },
  { name: 'Ahmad Fauzi, S.Pd.', role: 'teacher' },
  { name: 'Dra. Yuliana', role: 'principal' },
  { name: 'Rini Astuti, S.Pd.', role: 'teacher' },
  { name: 'Ibu Maryam', role: 'parent' },
  { name: 'Agus Salim, S.Pd.', role: 'principal' },
  { name: 'Dewi Kartika, S.Pd.', role: 'teacher' },
  { name: 'Bapak Slamet Riyadi', role: 'parent' },
  { name: 'Nur Aini, S.Pd.', role: 'teacher' },
  { name: 'Yohanes Pratama, S.Pd.', role: 'teacher' },
  { name: 'Ibu Wulandari', role: 'parent' },
  { name: 'Drs. Made Sudarsana', role: 'principal' },
  { name: 'Ni Luh Putu Ayu, S.Pd.', role: 'teacher' },
  { name: 'Siti Nurhaliza, S.Pd.', role: 'teacher' },
  { name: 'Andi Baso, S.Pd.', role: 'teacher' },
  { name: 'Ibu Rosmini', role: 'parent' },
  { name: 'Hendra Gunawan, S.Pd.', role: 'teacher' },
  { name: 'Lestari Handayani, S.Pd.', role: 'teacher' },
  { name: 'Sri Wahyuni, S.Pd.', role: 'principal' },
  { name: 'Bambang Hermawan, S.Pd.', role: 'teacher' },
  { name: 'Ibu Sumiati', role: 'parent' },
  { name: 'Fitri Ramadhani, S.Pd.', role: 'teacher' },
  { name: 'Yusuf Hidayat, S.Pd.', role: 'teacher' },
  { name: 'Rahmawati, S.Pd.', role: 'teacher' },
];

/** Four questionnaire items, answered 1–5. */
const QUESTIONNAIRE = [
  { id: '00000000-0000-4000-8000-0000c1263101', text: 'Materinya bermanfaat untuk pekerjaan saya bersama anak-anak.' },
  { id: '00000000-0000-4000-8000-0000c1263102', text: 'Para fasilitator menjelaskan dengan jelas dan menjawab pertanyaan saya.' },
  { id: '00000000-0000-4000-8000-0000c1263103', text: 'Saya akan menerapkan apa yang saya pelajari dalam sebulan ke depan.' },
  { id: '00000000-0000-4000-8000-0000c1263104', text: 'Waktu dan tempat pelatihan sesuai bagi saya.' },
];

/**
 * The answers of participant i (0-based): deterministic and varied, most understanding rising by
 * 10–30 points, one unchanged and one slightly lower; the one absent participant (i = 17) has a
 * pre-test only and no questionnaire.
 */
function answersOf(i: number): { attended: boolean; pre: string; post: string | null; satisfaction: Record<string, number> } {
  const pre = 35 + ((i * 13) % 36); // 35..70
  if (i === 17) return { attended: false, pre: pre.toFixed(2), post: null, satisfaction: {} };
  const gain = i === 9 ? 0 : i === 20 ? -5 : 10 + ((i * 7) % 21); // 10..30
  const post = Math.min(100, pre + gain + (i % 2 === 0 ? 0.5 : 0));
  const pattern = [5, 4, 4, 5, 3, 4, 5, 4, 2, 5, 4, 4, 3, 5, 4];
  const satisfaction = Object.fromEntries(QUESTIONNAIRE.map((q, k) => [q.id, pattern[(i + k * 4) % pattern.length]]));
  // One participant skipped the last question.
  if (i === 5) delete satisfaction[QUESTIONNAIRE[3].id];
  return { attended: true, pre: pre.toFixed(2), post: post.toFixed(2), satisfaction };
}

/**
 * A year of Edukasi 101's mentoring at SDN Pelambuan 4 in Generasi Trakindo 2026: the demo
 * facilitator's assignment, the two-day planning workshop, monthly visits and an online parents'
 * meeting (confirmed by the principal; one disputed, the most recent still pending), follow-ups
 * (some done, one dropped, one overdue, one still ahead), and a one-day national teacher training
 * organised by PT Trakindo Utama with 25 participants (principals, teachers and parents from the
 * partner schools, at most 3 per school) with pre/post scores and a 4-item questionnaire.
 * Runs after the programs and plans steps and fails loudly without the program year and the
 * partnership; the session of the workshop is linked to the 2026 plan when the plans step loaded it.
 */
export const mentoringDemoStep: DemoStep = {
  name: 'demo:mentoring',
  async run(manager) {
    const g = await ground(manager);
    const y = g.year;
    const csr = await demoUser(manager, 'csr_officer');
    const principal = await demoUser(manager, 'principal');
    const facilitator = await demoUser(manager, 'facilitator');
    const audit: Array<Partial<AuditEvent>> = [];
    const log = (who: User, occurredAt: Date, action: string, entityType: string, entityId: string, changes: Record<string, unknown>) =>
      audit.push({ actorUserId: who.id, actorOrganizationId: who.organizationId, requestId: SEED_REQUEST_ID, occurredAt, action, entityType, entityId, changes });

    const assignment = {
      id: MENTORING_DEMO_IDS.assignment,
      facilitatorUserId: facilitator.id,
      facilitatorOrganizationId: facilitator.organizationId,
      schoolId: DEMO_IDS.pelambuan4,
      programYearId: g.yearId,
      partnershipId: g.partnershipId,
      plannedSessions: 12,
      plannedMinutes: 36 * 60,
    };
    await manager.insert(MentoringAssignment, { ...assignment, assignedByUserId: csr.id, createdAt: at(`${y}-01-15`), updatedAt: at(`${y}-01-15`) });
    log(csr, at(`${y}-01-15`), 'create', 'mentoring_assignment', assignment.id, assignment);

    const [plan] = (await manager.query(
      `SELECT id, content->'programs'->0->>'id' AS "programId" FROM plans WHERE school_id = $1 AND program_year_id = $2`,
      [DEMO_IDS.pelambuan4, g.yearId],
    )) as Array<{ id: string; programId: string | null }>;

    const list = sessions(y);
    for (const [i, s] of list.entries()) {
      const id = MENTORING_DEMO_IDS.session(i + 1);
      const decidedAt = s.confirmation === 'pending' ? null : at(s.on, 9);
      const linked = plan && s.topic === 'student_mental_health' ? { planId: plan.id, planProgramId: plan.programId } : { planId: null, planProgramId: null };
      const fields = {
        id,
        assignmentId: assignment.id,
        schoolId: DEMO_IDS.pelambuan4,
        heldOn: s.on,
        durationMinutes: s.minutes,
        mode: s.mode,
        topic: s.topic,
        ...linked,
        attendeeUserIds: s.confirmation === 'disputed' ? [] : [principal.id],
        attendeeCounts: s.counts,
        notes: s.notes,
      };
      await manager.insert(MentoringSession, {
        ...fields,
        confirmation: s.confirmation,
        confirmedByUserId: decidedAt ? principal.id : null,
        confirmedAt: decidedAt,
        disputeReason: s.disputeReason ?? null,
        createdByUserId: facilitator.id,
        version: decidedAt ? 2 : 1,
        createdAt: at(s.on, 8),
        updatedAt: decidedAt ?? at(s.on, 8),
      } as QueryDeepPartialEntity<MentoringSession>);
      log(facilitator, at(s.on, 8), 'create', 'mentoring_session', id, { ...fields, confirmation: 'pending' });
      if (decidedAt) {
        log(principal, decidedAt, 'state_change', 'mentoring_session', id, { confirmation: { from: 'pending', to: s.confirmation }, ...(s.disputeReason ? { reason: s.disputeReason } : {}) });
      }
    }

    for (const [i, a] of actions(y).entries()) {
      const id = MENTORING_DEMO_IDS.action(i + 1);
      const session = list[a.session - 1];
      const fields = {
        id,
        sessionId: MENTORING_DEMO_IDS.session(a.session),
        assignmentId: assignment.id,
        description: a.description,
        ownerSide: a.side,
        ownerUserId: a.ownedByPrincipal ? principal.id : null,
        dueDate: a.due,
      };
      const closedAt = a.closedOn ? at(a.closedOn, 6) : null;
      await manager.insert(MentoringAction, {
        ...fields,
        status: a.status,
        droppedReason: a.droppedReason ?? null,
        closedAt,
        createdByUserId: facilitator.id,
        version: closedAt ? 2 : 1,
        createdAt: at(session.on, 9),
        updatedAt: closedAt ?? at(session.on, 9),
      } as QueryDeepPartialEntity<MentoringAction>);
      log(facilitator, at(session.on, 9), 'create', 'mentoring_action', id, { ...fields, status: 'open' });
      if (closedAt) {
        const by = a.status === 'done' && a.side === 'school' ? principal : facilitator;
        log(by, closedAt, 'state_change', 'mentoring_action', id, { status: { from: 'open', to: a.status }, ...(a.droppedReason ? { droppedReason: a.droppedReason } : {}) });
      }
    }

    // Partner schools of the program, active ones first by name, SDN Pelambuan 4 first of all.
    const schools = (await manager.query(
      `SELECT s.id, s.name FROM partnerships p JOIN organizations s ON s.id = p.school_id
        WHERE p.program_id = $1 AND p.status = 'active' ORDER BY (s.id = $2) DESC, s.name`,
      [g.programId, DEMO_IDS.pelambuan4],
    )) as Array<{ id: string; name: string }>;
    const quota = 3;
    if (schools.length * quota < PARTICIPANTS.length) {
      throw new Error(`demo:mentoring needs at least ${Math.ceil(PARTICIPANTS.length / quota)} active partner schools in ${g.programName} for the national training; found ${schools.length}`);
    }
    const trainingDay = `${y}-07-21`;
    const training = {
      id: MENTORING_DEMO_IDS.training,
      title: 'Pelatihan Nasional Guru Generasi Trakindo: Kesehatan Mental Siswa di Kelas',
      level: 'national' as const,
      startsOn: trainingDay,
      endsOn: trainingDay,
      organiserId: DEMO_IDS.trakindo,
      programYearId: g.yearId,
      facilitatorUserIds: [facilitator.id],
      topic: 'teacher_training' as Topic,
      venue: 'Trakindo Learning Center, Cilandak, Jakarta Selatan',
      online: false,
      scoreMin: 0,
      scoreMax: 100,
      questionnaire: QUESTIONNAIRE,
      quotaPerSchool: quota,
    };
    await manager.insert(Training, { ...training, createdByUserId: csr.id, createdAt: at(`${y}-06-02`), updatedAt: at(trainingDay, 10) } as QueryDeepPartialEntity<Training>);
    const { id: _trainingId, ...trainingFields } = training;
    log(csr, at(`${y}-06-02`), 'create', 'training', training.id, trainingFields);

    // Participants in order, filling each school up to its quota; the demo principal comes as a user.
    const rows: Array<QueryDeepPartialEntity<TrainingParticipant>> = PARTICIPANTS.map((p, i) => {
      const a = answersOf(i);
      const isDemoPrincipal = i === 0;
      return {
        id: MENTORING_DEMO_IDS.participant(i + 1),
        trainingId: training.id,
        userId: isDemoPrincipal ? principal.id : null,
        externalName: isDemoPrincipal ? null : p.name,
        role: p.role,
        schoolId: schools[Math.floor(i / quota)].id,
        attended: a.attended,
        preScore: a.pre,
        postScore: a.post,
        satisfaction: a.satisfaction,
        nominatedByUserId: p.role === 'parent' ? null : csr.id,
        version: 2,
        createdAt: at(`${y}-06-${String(10 + (i % 15)).padStart(2, '0')}`),
        updatedAt: at(trainingDay, 10),
      };
    });
    await manager.insert(TrainingParticipant, rows);
    for (const r of rows) {
      log(csr, r.createdAt as Date, 'create', 'training_participant', r.id as string, { trainingId: training.id, externalName: r.externalName, userId: r.userId, role: r.role, schoolId: r.schoolId, nominated: r.nominatedByUserId !== null });
    }
    await manager.insert(AuditEvent, audit as Array<QueryDeepPartialEntity<AuditEvent>>);
  },
};
