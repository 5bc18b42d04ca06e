import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { ParentEngagementActivity } from '../parent-engagement/parent-engagement-activity.entity';
import type { GradeCount, ParentEngagementKind } from '../parent-engagement/parent-engagement-kinds';
import { User } from '../users/user.entity';
// From demo-ids, not demo: demo.ts imports this step, and demo-ids imports nothing back.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';
import { PLAN_DEMO_IDS } from './demo-plans';

/** Activity n of a year: …e1 + the two-digit year + a counter, e.g. 00000000-0000-4000-8000-0000e1250001. */
export const parentEngagementDemoId = (year: number, n: number) => `00000000-0000-4000-8000-0000e1${String(year - 2000).padStart(2, '0')}${String(n).padStart(4, '0')}`;

/** The first (and only) program of each demo plan: the plans step gives it the plan's first item id. */
const PLAN_PROGRAM = {
  2024: { planId: PLAN_DEMO_IDS.plan2024, planProgramId: '00000000-0000-4000-8000-0000a1240001' },
  2025: { planId: PLAN_DEMO_IDS.plan2025, planProgramId: '00000000-0000-4000-8000-0000a1250001' },
  2026: { planId: PLAN_DEMO_IDS.plan2026, planProgramId: '00000000-0000-4000-8000-0000a1260001' },
} as const;

/** The audit lines' request id marks them as loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:parent-engagement';

interface DemoActivity {
  on: string;
  kind: ParentEngagementKind;
  parents: number;
  byGrade?: Array<[number, number]>;
  teachers: number;
  notes: string;
  /** Serves the year's plan program. */
  plan?: boolean;
}

/**
 * SDN Pelambuan 4's work with parents, 2024–2026, as its principal recorded it: the school
 * committee (komite sekolah) and POMG meetings that open each year, parenting classes on the year's
 * theme, the home–school communication book (buku penghubung), home visits and a clean-up day. The
 * 2024 parenting classes formed the parents' reading group that the 2026 plan builds on.
 */
const ACTIVITIES: Record<2024 | 2025 | 2026, DemoActivity[]> = {
  2024: [
    { on: '2024-01-27', kind: 'school_committee_meeting', parents: 42, teachers: 6, notes: 'Rapat komite sekolah: sosialisasi Generasi Trakindo 2024 dan rencana pojok baca kelas; komite menyetujui jadwal membaca 15 menit.' },
    { on: '2024-03-16', kind: 'parenting_class', parents: 64, byGrade: [[1, 24], [2, 22], [3, 18]], teachers: 5, plan: true, notes: 'Kelas parenting "Membacakan cerita untuk anak di rumah" untuk orang tua kelas 1–3, bersama fasilitator Edukasi 101.' },
    { on: '2024-05-04', kind: 'communication_book_check', parents: 96, byGrade: [[1, 34], [2, 31], [3, 31]], teachers: 6, plan: true, notes: 'Pemeriksaan buku penghubung kelas 1–3: orang tua mengisi jurnal membaca di rumah setiap pekan.' },
    { on: '2024-08-24', kind: 'volunteering_day', parents: 35, teachers: 8, notes: 'Kerja bakti orang tua menata pojok baca dan merapikan perpustakaan sekolah.' },
    { on: '2024-10-19', kind: 'parenting_class', parents: 51, byGrade: [[1, 15], [2, 13], [3, 12], [4, 11]], teachers: 4, plan: true, notes: 'Kelas parenting lanjutan; terbentuk paguyuban orang tua pembaca yang bergiliran mendongeng di kelas.' },
  ],
  2025: [
    { on: '2025-01-25', kind: 'school_committee_meeting', parents: 48, teachers: 7, notes: 'Rapat komite dan POMG: kesepakatan sekolah ramah anak dan dukungan untuk kotak curhat.' },
    { on: '2025-04-12', kind: 'parenting_class', parents: 72, byGrade: [[1, 14], [2, 13], [3, 12], [4, 12], [5, 11], [6, 10]], teachers: 6, plan: true, notes: 'Kelas parenting "Disiplin positif di rumah" bersama Edukasi 101.' },
    { on: '2025-09-13', kind: 'home_visit', parents: 18, byGrade: [[4, 7], [5, 6], [6, 5]], teachers: 6, plan: true, notes: 'Wali kelas 4–6 mengunjungi 18 keluarga siswa yang sering tidak masuk sekolah.' },
    { on: '2025-11-08', kind: 'communication_book_check', parents: 188, teachers: 12, notes: 'Buku penghubung kelas 1–6: catatan perilaku positif mingguan dari guru dan orang tua.' },
  ],
  2026: [
    { on: '2026-01-24', kind: 'school_committee_meeting', parents: 45, teachers: 5, notes: 'Rapat komite: menyepakati program Sehat Jiwa di Sekolah 2026 dan skrining kesejahteraan siswa.' },
    { on: '2026-03-21', kind: 'parenting_class', parents: 58, byGrade: [[3, 12], [4, 16], [5, 15], [6, 15]], teachers: 5, plan: true, notes: 'Kelas parenting "Mengenali tanda stres pada anak" bersama psikolog Puskesmas Pelambuan.' },
    { on: '2026-05-16', kind: 'learning_at_home_guidance', parents: 120, teachers: 12, plan: true, notes: 'Panduan rutinitas tenang 5 menit di rumah, dibagikan saat pengambilan rapor tengah semester.' },
    { on: '2026-08-22', kind: 'home_visit', parents: 9, byGrade: [[3, 2], [4, 3], [5, 2], [6, 2]], teachers: 3, plan: true, notes: 'Guru BK mengunjungi keluarga siswa yang dirujuk dari hasil skrining.' },
    { on: '2026-10-10', kind: 'communication_book_check', parents: 186, teachers: 21, notes: 'Buku penghubung kelas 1–6: catatan suasana hati mingguan.' },
  ],
};

/** The demo principal, who records the school's activities. */
async function principal(manager: EntityManager): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === 'principal')?.email;
  const user = email ? await manager.findOne(User, { where: { email } }) : null;
  if (!user) throw new Error(`demo:parent-engagement needs the demo principal of the foundation step (${email ?? 'no such demo user'})`);
  return user;
}

/** SDN Pelambuan 4's parent-engagement activities of 2024–2026, each recorded on the evening of its day. */
export const parentEngagementDemoStep: DemoStep = {
  name: 'demo:parent-engagement',
  async run(manager) {
    const user = await principal(manager);
    const plans = (await manager.query('SELECT id FROM plans WHERE id = ANY($1::uuid[])', [Object.values(PLAN_DEMO_IDS)])) as Array<{ id: string }>;
    if (plans.length !== 3) throw new Error('demo:parent-engagement links activities to the 2024–2026 plans of SDN Pelambuan 4; run demo:plans first');
    const rows: Array<QueryDeepPartialEntity<ParentEngagementActivity>> = [];
    const audit: Array<Partial<AuditEvent>> = [];
    for (const year of [2024, 2025, 2026] as const) {
      ACTIVITIES[year].forEach((a, i) => {
        const id = parentEngagementDemoId(year, i + 1);
        const recorded = new Date(`${a.on}T12:00:00Z`);
        const parentsByGrade: GradeCount[] | null = a.byGrade ? a.byGrade.map(([grade, parents]) => ({ grade, parents })) : null;
        const link = a.plan ? PLAN_PROGRAM[year] : { planId: null, planProgramId: null };
        const fields = { schoolId: DEMO_IDS.pelambuan4, kind: a.kind, heldOn: a.on, parentsReached: a.parents, parentsByGrade, teachersInvolved: a.teachers, notes: a.notes, ...link };
        rows.push({ id, ...fields, createdByUserId: user.id, createdAt: recorded, updatedAt: recorded } as QueryDeepPartialEntity<ParentEngagementActivity>);
        audit.push({ actorUserId: user.id, actorOrganizationId: DEMO_IDS.pelambuan4, requestId: SEED_REQUEST_ID, occurredAt: recorded, action: 'create', entityType: 'parent_engagement_activity', entityId: id, changes: fields });
      });
    }
    await manager.insert(ParentEngagementActivity, rows);
    await manager.insert(AuditEvent, audit as Array<QueryDeepPartialEntity<AuditEvent>>);
  },
};
