import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { planTotals, normalizeContent } from '../plans/plan-content';
import type { PlanContent, PlanContentInput } from '../plans/plan-content';
import { PlanComment } from '../plans/plan-comment.entity';
import { PlanActivityProgress, PlanIndicatorResult } from '../plans/plan-progress.entity';
import { isLateSubmission } from '../plans/plan-status';
import type { ActivityProgress, PlanStatus } from '../plans/plan-status';
import { PlanVersion } from '../plans/plan-version.entity';
import { Plan } from '../plans/plan.entity';
import { User } from '../users/user.entity';
// From demo-ids, not demo: demo.ts imports this step, and demo-ids imports nothing back.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** Fixed ids of the plan demo records, so they can be tried from Swagger. */
export const PLAN_DEMO_IDS = {
  plan2024: '00000000-0000-4000-8000-0000a1240000',
  plan2025: '00000000-0000-4000-8000-0000a1250000',
  plan2026: '00000000-0000-4000-8000-0000a1260000',
} as const;

/** The audit lines' request id marks them as loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:plans';

/** Item ids of one plan's template: …a1 + the two-digit year + a counter. */
function itemIds(year: number): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-0000a1${String(year - 2000).padStart(2, '0')}${String(++n).padStart(4, '0')}`;
}

function content(input: PlanContentInput, newId: () => string): PlanContent {
  const { content: c, errors } = normalizeContent(input, 'content', newId);
  if (errors.length > 0) throw new Error(`demo plan content is invalid: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`);
  return c;
}

const at = (isoDate: string, hour = 2) => new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00Z`);

const PARTICIPANTS = { principal: 1, teachers: 19, educationStaff: 3, supervisors: 1, parents: 4 };

function literacy2024(newId: () => string): PlanContent {
  return content(
    {
      workshop: {
        date: '2024-01-22',
        facilitatorName: 'Dewi Lestari (Edukasi 101)',
        participants: PARTICIPANTS,
        reflectionNotes:
          'Minat baca siswa kelas 1–3 masih rendah; perpustakaan jarang dikunjungi dan buku bacaan sesuai jenjang terbatas. Program literasi 2016 meninggalkan pojok baca di 4 kelas yang perlu dihidupkan kembali.',
        needs: ['Buku bacaan berjenjang untuk kelas rendah', 'Pojok baca di setiap kelas', 'Pelatihan guru membimbing membaca'],
        opportunities: ['Orang tua bersedia menjadi relawan pendamping membaca', 'Perpustakaan daerah meminjamkan koleksi bergilir'],
      },
      programs: [
        {
          topic: 'literacy',
          name: 'Gerakan Literasi Sekolah: Pojok Baca Kelas',
          goal: 'Seluruh siswa kelas 1–3 membaca lancar dan setiap kelas memiliki pojok baca yang dipakai setiap hari.',
          background: 'Hasil asesmen membaca awal tahun: 42% siswa kelas 1–3 membaca lancar. Waktu membaca belum terjadwal.',
          targetGroup: 'Siswa kelas 1–3 (186 siswa) dan 9 guru kelas',
          activities: [
            { name: 'Membaca 15 menit sebelum pelajaran', startMonth: 3, endMonth: 11, personResponsible: 'Noor Hidayah, S.Pd. (wali kelas 2)', expectedOutput: 'Jurnal membaca per kelas' },
            { name: 'Penataan pojok baca di 12 kelas', startMonth: 3, endMonth: 4, personResponsible: 'Budi Santoso (operator sekolah)', expectedOutput: '12 pojok baca dengan 40 buku masing-masing' },
            { name: 'Pelatihan guru: membaca terbimbing', startMonth: 4, endMonth: 4, personResponsible: 'Kepala sekolah bersama Edukasi 101', expectedOutput: '9 guru terlatih' },
          ],
          budgetLines: [
            { item: 'Buku bacaan berjenjang', unit: 'buku', quantity: 480, unitCost: 35000, fundingSource: 'stimulus_grant', standard: 'sarana_prasarana', accountCode: '5.2.05.01.01.0001', spendingMonth: 2 },
            { item: 'Rak buku kelas', unit: 'rak', quantity: 12, unitCost: 450000, fundingSource: 'stimulus_grant', standard: 'sarana_prasarana', accountCode: '5.1.02.01.01.0030', spendingMonth: 2 },
            { item: 'Konsumsi pelatihan guru', unit: 'orang', quantity: 12, unitCost: 50000, fundingSource: 'school_budget_bos', standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.01.01.0052', spendingMonth: 3 },
            { item: 'Cetak jurnal membaca', unit: 'eksemplar', quantity: 186, unitCost: 7500, fundingSource: 'school_budget_bos', standard: 'proses', accountCode: '5.1.02.01.01.0026', spendingMonth: 4 },
          ],
          indicators: [
            { name: 'Siswa kelas 1–3 yang membaca lancar', baseline: 42, target: 75, unit: '%' },
            { name: 'Rata-rata peminjaman buku per bulan', baseline: 35, target: 150, unit: 'buku' },
          ],
          risks: [
            { risk: 'Waktu guru terbatas di luar jam mengajar', mitigation: 'Waktu membaca masuk jadwal pelajaran, bukan kegiatan tambahan' },
            { risk: 'Buku cepat rusak', mitigation: 'Siswa piket pustaka tiap kelas; perbaikan buku sebulan sekali' },
          ],
        },
      ],
      planningDocuments: {
        rktReference: 'RKT SDN Pelambuan 4 Tahun 2024',
        rkasReference: 'RKAS SDN Pelambuan 4 Tahun 2024',
        lines: [
          { document: 'RKT', reference: 'Program 3.1', description: 'Peningkatan budaya literasi siswa' },
          { document: 'RKAS', reference: '5.2.1', description: 'Pengembangan perpustakaan dan pojok baca kelas' },
        ],
      },
    },
    newId,
  );
}

function childFriendly2025(newId: () => string): PlanContent {
  return content(
    {
      workshop: {
        date: '2025-01-22',
        facilitatorName: 'Dewi Lestari (Edukasi 101)',
        participants: { ...PARTICIPANTS, parents: 6 },
        reflectionNotes: 'Masih ada perundungan verbal di kelas atas dan siswa belum punya saluran aman untuk melapor. Halaman sekolah sering tergenang sehingga siswa bermain di koridor.',
        needs: ['Kesepakatan kelas yang disusun bersama siswa', 'Saluran pengaduan yang aman', 'Guru paham disiplin positif'],
        opportunities: ['Puskesmas Pelambuan bersedia memberi penyuluhan', 'Komite sekolah mendukung perbaikan halaman'],
      },
      programs: [
        {
          topic: 'child_friendly_school',
          name: 'Sekolah Ramah Anak: Kelas Tanpa Perundungan',
          goal: 'Setiap kelas memiliki kesepakatan kelas dan siswa tahu ke mana melapor bila mengalami perundungan.',
          background: 'Survei iklim sekolah Januari 2025: 31% siswa kelas 4–6 pernah diejek berulang; hanya 20% tahu cara melapor.',
          targetGroup: 'Seluruh siswa (412) dan 21 guru',
          activities: [
            { name: 'Menyusun kesepakatan kelas bersama siswa', startMonth: 3, endMonth: 3, personResponsible: 'Wali kelas 1–6', expectedOutput: '12 kesepakatan kelas terpajang' },
            { name: 'Pelatihan disiplin positif untuk guru', startMonth: 4, endMonth: 5, personResponsible: 'Kepala sekolah bersama Edukasi 101', expectedOutput: '21 guru terlatih' },
            { name: 'Kotak curhat dan piket konselor sebaya', startMonth: 5, endMonth: 11, personResponsible: 'Guru BK dan OSIS SD', expectedOutput: 'Laporan bulanan kotak curhat' },
          ],
          budgetLines: [
            { item: 'Honor narasumber disiplin positif', unit: 'sesi', quantity: 4, unitCost: 750000, fundingSource: 'stimulus_grant', standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.02.01.0003', spendingMonth: 4 },
            { item: 'Media kesepakatan kelas (banner)', unit: 'kelas', quantity: 12, unitCost: 150000, fundingSource: 'stimulus_grant', standard: 'sarana_prasarana', accountCode: '5.1.02.01.01.0026', spendingMonth: 5 },
            { item: 'Kotak curhat dan alat tulis', unit: 'paket', quantity: 4, unitCost: 200000, fundingSource: 'school_budget_bos', standard: 'sarana_prasarana', accountCode: '5.1.02.01.01.0024', spendingMonth: 5 },
          ],
          indicators: [
            { name: 'Siswa kelas 4–6 yang tahu cara melapor', baseline: 20, target: 80, unit: '%' },
            { name: 'Kasus perundungan yang tertangani dalam seminggu', baseline: 0, target: 90, unit: '%' },
          ],
          risks: [{ risk: 'Siswa takut melapor', mitigation: 'Kotak curhat anonim dan konselor sebaya' }],
        },
      ],
      planningDocuments: {
        rktReference: 'RKT SDN Pelambuan 4 Tahun 2025',
        rkasReference: 'RKAS SDN Pelambuan 4 Tahun 2025',
        lines: [{ document: 'RKAS', reference: '3.4.2', description: 'Kegiatan pembinaan karakter dan sekolah ramah anak' }],
      },
      parentEngagement: [
        { id: '00000000-0000-4000-8000-0000a125e001', kind: 'school_committee_meeting', sessionsTarget: 2, parentsTarget: 40, note: 'Komite dan POMG menyepakati aturan sekolah ramah anak' },
        { id: '00000000-0000-4000-8000-0000a125e002', kind: 'parenting_class', sessionsTarget: 2, parentsTarget: 120, note: 'Disiplin positif di rumah, bersama Edukasi 101' },
        { id: '00000000-0000-4000-8000-0000a125e003', kind: 'home_visit', sessionsTarget: 1, parentsTarget: 15, note: 'Keluarga siswa yang sering tidak masuk' },
        { id: '00000000-0000-4000-8000-0000a125e004', kind: 'communication_book_check', sessionsTarget: 30, parentsTarget: 180, note: 'Buku penghubung diperiksa setiap pekan' },
      ],
    },
    newId,
  );
}

/** The 2026 plan as first submitted: the facilitator found the screening target too ambitious. */
function mentalHealth2026(newId: () => string): PlanContent {
  return content(
    {
      workshop: {
        date: '2026-01-22',
        facilitatorName: 'Dewi Lestari (Edukasi 101)',
        participants: { ...PARTICIPANTS, teachers: 21, parents: 5 },
        reflectionNotes: 'Guru melihat makin banyak siswa yang menarik diri dan sulit berkonsentrasi; belum ada guru BK penuh waktu dan orang tua jarang dilibatkan.',
        needs: ['Guru mampu mengenali tanda awal masalah kesehatan mental', 'Rujukan ke psikolog puskesmas', 'Kegiatan kelas yang menenangkan'],
        opportunities: ['Psikolog Puskesmas Pelambuan membuka jadwal kunjungan sekolah', 'Program parenting 2024 sudah membentuk paguyuban orang tua'],
      },
      programs: [
        {
          topic: 'student_mental_health',
          name: 'Sehat Jiwa di Sekolah',
          goal: 'Siswa yang membutuhkan bantuan dikenali sejak dini dan dirujuk, dan setiap kelas mempunyai rutinitas menenangkan diri.',
          background: 'Catatan wali kelas 2025: 27 siswa menunjukkan tanda menarik diri; hanya 3 yang mendapat pendampingan.',
          targetGroup: 'Siswa kelas 3–6 (270 siswa), 21 guru dan orang tua',
          activities: [
            { name: 'Pelatihan guru: pertolongan pertama psikologis', startMonth: 3, endMonth: 3, personResponsible: 'Kepala sekolah bersama Edukasi 101', expectedOutput: '21 guru terlatih' },
            { name: 'Skrining kesejahteraan siswa', startMonth: 4, endMonth: 5, personResponsible: 'Guru BK dengan psikolog puskesmas', expectedOutput: 'Data skrining kelas 3–6' },
            { name: 'Rutinitas tenang 5 menit di kelas', startMonth: 4, endMonth: 11, personResponsible: 'Wali kelas 3–6', expectedOutput: 'Jurnal kelas' },
          ],
          budgetLines: [
            { item: 'Honor psikolog untuk pelatihan dan skrining', unit: 'kunjungan', quantity: 6, unitCost: 1000000, fundingSource: 'school_budget_bos', standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.02.01.0003', spendingMonth: 3 },
            { item: 'Modul pelatihan guru', unit: 'eksemplar', quantity: 25, unitCost: 60000, fundingSource: 'stimulus_grant', standard: 'pendidik_tenaga_kependidikan', accountCode: '5.1.02.01.01.0026', spendingMonth: 3 },
            { item: 'Pertemuan orang tua', unit: 'kali', quantity: 3, unitCost: 500000, fundingSource: 'stimulus_grant', standard: 'pengelolaan', accountCode: '5.1.02.01.01.0052', spendingMonth: 8 },
          ],
          indicators: [
            { name: 'Siswa kelas 3–6 yang mengikuti skrining', baseline: 0, target: 100, unit: '%' },
            { name: 'Siswa terindikasi yang dirujuk dan didampingi', baseline: 11, target: 80, unit: '%' },
          ],
          risks: [{ risk: 'Stigma: orang tua menolak anaknya dirujuk', mitigation: 'Pertemuan orang tua sebelum skrining; hasil dibahas secara pribadi' }],
        },
      ],
      planningDocuments: {
        rktReference: 'RKT SDN Pelambuan 4 Tahun 2026',
        rkasReference: 'RKAS SDN Pelambuan 4 Tahun 2026',
        lines: [{ document: 'RKAS', reference: '3.4.5', description: 'Layanan bimbingan dan kesehatan mental siswa' }],
      },
      parentEngagement: [
        { id: '00000000-0000-4000-8000-0000a126e001', kind: 'school_committee_meeting', sessionsTarget: 2, parentsTarget: 40, note: 'Komite menyepakati program Sehat Jiwa di Sekolah' },
        { id: '00000000-0000-4000-8000-0000a126e002', kind: 'parenting_class', sessionsTarget: 3, parentsTarget: 150, note: 'Mengenali tanda stres pada anak, bersama psikolog Puskesmas Pelambuan' },
        { id: '00000000-0000-4000-8000-0000a126e003', kind: 'learning_at_home_guidance', sessionsTarget: 2, parentsTarget: 200, note: 'Rutinitas tenang 5 menit di rumah' },
        { id: '00000000-0000-4000-8000-0000a126e004', kind: 'home_visit', sessionsTarget: 1, parentsTarget: 10, note: 'Keluarga siswa yang dirujuk hasil skrining' },
      ],
    },
    newId,
  );
}

/** The 2026 plan as resubmitted: a realistic screening target, the psychologist paid by the grant, a parents indicator. */
function mentalHealth2026Revised(first: PlanContent, newId: () => string): PlanContent {
  const c = JSON.parse(JSON.stringify(first)) as PlanContent;
  const p = c.programs[0];
  p.indicators[0].target = '60';
  p.budgetLines[0].fundingSource = 'stimulus_grant';
  p.indicators.push({ id: newId(), name: 'Orang tua yang hadir dalam pertemuan', baseline: null, target: '70', unit: '%' });
  return c;
}

/** Who did what: the demo's principal, CSR officer and facilitator, looked up by email. */
async function demoUsers(manager: EntityManager): Promise<Record<'principal' | 'csr_officer' | 'facilitator', User>> {
  const find = async (role: 'principal' | 'csr_officer' | 'facilitator') => {
    const email = DEMO_USERS.find((u) => u.role === role)?.email;
    const user = email ? await manager.findOne(User, { where: { email } }) : null;
    if (!user) throw new Error(`demo:plans needs the demo ${role} of the foundation step (${email ?? 'no such demo user'})`);
    return user;
  };
  return { principal: await find('principal'), csr_officer: await find('csr_officer'), facilitator: await find('facilitator') };
}

/** SDN Pelambuan 4's partnership with PT Trakindo Utama and the years 2024–2026 of its program. */
async function ground(manager: EntityManager): Promise<{ partnershipId: string; programName: string; years: Map<number, { id: string; planDeadline: string | null }> }> {
  const [partnership] = (await manager.query(
    `SELECT p.id, pr.id AS "programId", pr.name FROM partnerships p JOIN programs pr ON pr.id = p.program_id
      WHERE p.company_id = $1 AND p.school_id = $2 ORDER BY pr.start_year LIMIT 1`,
    [DEMO_IDS.trakindo, DEMO_IDS.pelambuan4],
  )) as Array<{ id: string; programId: string; name: string }>;
  if (!partnership) {
    throw new Error('demo:plans needs the partnership of SDN Pelambuan 4 with PT Trakindo Utama (Generasi Trakindo) from the programs step; run demo:programs first');
  }
  const rows = (await manager.query(
    `SELECT id, year, CAST(plan_deadline AS text) AS "planDeadline" FROM program_years WHERE program_id = $1 AND year IN (2024, 2025, 2026)`,
    [partnership.programId],
  )) as Array<{ id: string; year: number; planDeadline: string | null }>;
  const years = new Map(rows.map((r) => [r.year, { id: r.id, planDeadline: r.planDeadline }]));
  const missing = [2024, 2025, 2026].filter((y) => !years.has(y));
  if (missing.length > 0) throw new Error(`demo:plans needs the ${missing.join(', ')} year(s) of ${partnership.name} from the programs step`);
  return { partnershipId: partnership.id, programName: partnership.name, years };
}

type Who = Pick<User, 'id' | 'organizationId'>;

/**
 * SDN Pelambuan 4's plans for the last three program years of Generasi Trakindo, reviewed by the
 * demo facilitator (Edukasi 101): 2024 literacy, completed with progress and every indicator's
 * result; 2025 child-friendly school, approved and in progress with progress reported; 2026 student
 * mental health, in review after one round of requested changes, with threaded comments of the
 * facilitator, the CSR officer and the principal. Runs after the programs step and fails loudly
 * without it.
 */
export const plansDemoStep: DemoStep = {
  name: 'demo:plans',
  async run(manager) {
    const { partnershipId, years } = await ground(manager);
    const users = await demoUsers(manager);
    const audit: Array<Partial<AuditEvent>> = [];
    const log = (who: Who, on: Date, action: string, entityType: string, entityId: string, changes: Record<string, unknown>) =>
      audit.push({ actorUserId: who.id, actorOrganizationId: who.organizationId, requestId: SEED_REQUEST_ID, occurredAt: on, action, entityType, entityId, changes });
    const state = (who: Who, on: Date, planId: string, from: PlanStatus, to: PlanStatus, extra: Record<string, unknown> = {}) =>
      log(who, on, 'state_change', 'plan', planId, { status: { from, to }, ...extra });

    const insertPlan = async (year: number, id: string, title: string, c: PlanContent, fields: Partial<Plan>, created: Date) => {
      const y = years.get(year);
      if (!y) throw new Error(`no program year ${year}`);
      await manager.insert(Plan, {
        id,
        schoolId: DEMO_IDS.pelambuan4,
        programYearId: y.id,
        partnershipId,
        facilitatorUserId: users.facilitator.id,
        title,
        content: c as unknown as Record<string, unknown>,
        createdByUserId: users.principal.id,
        createdAt: created,
        ...fields,
      } as QueryDeepPartialEntity<Plan>);
      log(users.principal, created, 'create', 'plan', id, { schoolId: DEMO_IDS.pelambuan4, programYearId: y.id, title, status: 'draft', budgetTotal: planTotals(c).total });
      return y;
    };
    const version = async (planId: string, number: number, revision: number, title: string, c: PlanContent, on: Date, deadline: string | null) => {
      const late = isLateSubmission(on.toISOString().slice(0, 10), deadline, revision);
      await manager.insert(PlanVersion, { planId, number, revision, title, content: c as unknown as Record<string, unknown>, submittedByUserId: users.principal.id, submittedAt: on, late } as QueryDeepPartialEntity<PlanVersion>);
      return late;
    };
    const progress = async (planId: string, c: PlanContent, statuses: Array<[ActivityProgress, string] | null>, on: Date) => {
      const rows = c.programs[0].activities
        .map((a, i) => ({ a, s: statuses[i] }))
        .filter((x): x is { a: (typeof x)['a']; s: [ActivityProgress, string] } => x.s !== null && x.s !== undefined)
        .map(({ a, s }) => ({ planId, activityId: a.id, status: s[0], note: s[1], evidenceDocumentId: null, updatedByUserId: users.principal.id, updatedAt: on }));
      if (rows.length === 0) return;
      const inserted = await manager.insert(PlanActivityProgress, rows);
      rows.forEach((r, i) =>
        log(users.principal, on, 'create', 'plan_activity_progress', String(inserted.identifiers[i].id), { planId, activityId: r.activityId, status: { from: 'not_started', to: r.status }, note: r.note }),
      );
    };

    // 2024: literacy, completed.
    {
      const title = 'Rencana Program 2024: Gerakan Literasi Sekolah';
      const c = literacy2024(itemIds(2024));
      const id = PLAN_DEMO_IDS.plan2024;
      const submitted = at('2024-02-20');
      const approved = at('2024-03-01');
      const completed = at('2024-12-05');
      const y = await insertPlan(2024, id, title, c, { status: 'completed', revision: 0, submittedAt: submitted, approvedAt: approved, approvedByUserId: users.csr_officer.id, completedAt: completed, version: 5, updatedAt: completed }, at('2024-01-23'));
      const late = await version(id, 1, 0, title, c, submitted, y.planDeadline);
      await manager.update(Plan, { id }, { submittedLate: late });
      state(users.principal, submitted, id, 'draft', 'submitted', { versionNumber: 1, revision: 0, late, deadline: y.planDeadline });
      state(users.csr_officer, approved, id, 'submitted', 'approved', { versionNumber: 1, revision: 0 });
      state(users.principal, at('2024-03-04'), id, 'approved', 'in_progress');
      await progress(
        id,
        c,
        [
          ['done', 'Berjalan di 12 kelas sejak Maret; jurnal membaca terisi rutin.'],
          ['done', '12 pojok baca tertata dengan 40 buku per kelas.'],
          ['done', '9 guru kelas rendah dan 3 guru mapel mengikuti pelatihan.'],
        ],
        at('2024-11-25'),
      );
      const results: Array<[string, string]> = [
        ['78', 'Asesmen membaca November 2024.'],
        ['164', 'Rata-rata Agustus–November dari buku peminjaman perpustakaan.'],
      ];
      const rows = c.programs[0].indicators.map((ind, i) => ({ planId: id, indicatorId: ind.id, achievedValue: results[i][0], note: results[i][1], updatedByUserId: users.principal.id, updatedAt: at('2024-11-28') }));
      const inserted = await manager.insert(PlanIndicatorResult, rows);
      rows.forEach((r, i) =>
        log(users.principal, at('2024-11-28'), 'create', 'plan_indicator_result', String(inserted.identifiers[i].id), { planId: id, indicatorId: r.indicatorId, achievedValue: r.achievedValue, note: r.note }),
      );
      state(users.principal, completed, id, 'in_progress', 'completed', { indicators: rows.length, activities: 3 });
    }

    // 2025: child-friendly school, approved and in progress.
    {
      const title = 'Rencana Program 2025: Sekolah Ramah Anak';
      const c = childFriendly2025(itemIds(2025));
      const id = PLAN_DEMO_IDS.plan2025;
      const submitted = at('2025-02-21');
      const approved = at('2025-03-03');
      const y = await insertPlan(2025, id, title, c, { status: 'in_progress', revision: 0, submittedAt: submitted, approvedAt: approved, approvedByUserId: users.csr_officer.id, version: 4, updatedAt: at('2025-03-05') }, at('2025-01-23'));
      const late = await version(id, 1, 0, title, c, submitted, y.planDeadline);
      await manager.update(Plan, { id }, { submittedLate: late });
      state(users.principal, submitted, id, 'draft', 'submitted', { versionNumber: 1, revision: 0, late, deadline: y.planDeadline });
      state(users.csr_officer, approved, id, 'submitted', 'approved', { versionNumber: 1, revision: 0 });
      state(users.principal, at('2025-03-05'), id, 'approved', 'in_progress');
      await progress(
        id,
        c,
        [
          ['done', 'Kesepakatan kelas tersusun dan terpajang di 12 kelas.'],
          ['in_progress', 'Dua dari empat sesi pelatihan sudah berjalan.'],
          null,
        ],
        at('2025-05-15'),
      );
    }

    // 2026: student mental health, in review after one round of changes.
    {
      const title = 'Rencana Program 2026: Kesehatan Mental Siswa';
      const ids = itemIds(2026);
      const first = mentalHealth2026(ids);
      const revised = mentalHealth2026Revised(first, ids);
      const id = PLAN_DEMO_IDS.plan2026;
      const v1 = at('2026-02-16');
      const v2 = at('2026-02-25');
      const y = await insertPlan(2026, id, title, revised, { status: 'submitted', revision: 0, submittedAt: v2, version: 6, updatedAt: v2 }, at('2026-01-23'));
      const late1 = await version(id, 1, 0, title, first, v1, y.planDeadline);
      await version(id, 2, 0, title, revised, v2, y.planDeadline);
      await manager.update(Plan, { id }, { submittedLate: late1 });
      state(users.principal, v1, id, 'draft', 'submitted', { versionNumber: 1, revision: 0, late: late1, deadline: y.planDeadline });

      const comment = (n: number) => `00000000-0000-4000-8000-0000a126c${String(n).padStart(3, '0')}`;
      const comments: Array<Partial<PlanComment>> = [
        {
          id: comment(1),
          versionNumber: 1,
          fieldPath: 'content.programs[0].indicators[0].target',
          parentId: null,
          authorUserId: users.facilitator.id,
          body: 'Skrining 100% siswa kelas 3–6 dalam dua bulan berat dengan satu guru BK paruh waktu. Bagaimana kalau 60% dulu, dan sisanya semester berikutnya?',
          createdAt: at('2026-02-17'),
        },
        {
          id: comment(2),
          versionNumber: 1,
          fieldPath: 'content.programs[0].indicators[0].target',
          parentId: comment(1),
          authorUserId: users.principal.id,
          body: 'Setuju, kami turunkan menjadi 60% dan mulai dari kelas 5–6.',
          createdAt: at('2026-02-18'),
        },
        {
          id: comment(3),
          versionNumber: 1,
          fieldPath: null,
          parentId: null,
          authorUserId: users.csr_officer.id,
          body: 'Mohon honor psikolog dipindah ke dana stimulus (BOS sudah penuh untuk 2026) dan tambahkan indikator keterlibatan orang tua.',
          createdAt: at('2026-02-19'),
        },
        {
          id: comment(4),
          versionNumber: 2,
          fieldPath: null,
          parentId: null,
          authorUserId: users.facilitator.id,
          body: 'Revisi sudah menjawab semua catatan; target skrining kini realistis. Saya rekomendasikan untuk disetujui.',
          createdAt: at('2026-03-02'),
        },
        {
          id: comment(5),
          versionNumber: 2,
          fieldPath: null,
          parentId: comment(4),
          authorUserId: users.csr_officer.id,
          body: 'Terima kasih. Kami cocokkan dulu dengan pagu dana stimulus 2026 minggu ini.',
          createdAt: at('2026-03-03'),
        },
      ];
      await manager.insert(PlanComment, comments.map((cm) => ({ ...cm, planId: id })) as Array<QueryDeepPartialEntity<PlanComment>>);
      const byAuthor = (userId: string | undefined) => [users.principal, users.csr_officer, users.facilitator].find((u) => u.id === userId) ?? users.principal;
      for (const cm of comments) {
        log(byAuthor(cm.authorUserId), cm.createdAt as Date, 'create', 'plan_comment', cm.id as string, { planId: id, versionNumber: cm.versionNumber, fieldPath: cm.fieldPath, parentId: cm.parentId, body: cm.body });
      }
      state(users.csr_officer, at('2026-02-19', 3), id, 'submitted', 'changes_requested', { versionNumber: 1, commentId: comment(3) });
      log(users.principal, at('2026-02-24'), 'update', 'plan', id, {
        content: { changed: ['content.programs[0].budgetLines[0].fundingSource changed', 'content.programs[0].indicators[0].target changed', 'content.programs[0].indicators[2] added'] },
      });
      state(users.principal, v2, id, 'changes_requested', 'submitted', { versionNumber: 2, revision: 0, late: false, deadline: y.planDeadline });
    }

    audit.sort((a, b) => (a.occurredAt as Date).getTime() - (b.occurredAt as Date).getTime());
    // One statement, so the ids (the tie-breaker of equal times) follow the order above.
    await manager.insert(AuditEvent, audit as Array<QueryDeepPartialEntity<AuditEvent>>);
  },
};
