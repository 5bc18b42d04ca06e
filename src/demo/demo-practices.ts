import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { readStoredContent } from '../plans/plan-content';
import { LearningEvent, LearningEventParticipant, LearningEventPractice } from '../practices/learning-event.entity';
import { PRACTICE_EXAMPLE_IDS } from '../practices/practice-examples';
import { Practice } from '../practices/practice.entity';
import { COMPETITION_DEMO_IDS } from './demo-competitions';
import { DEMO_IDS, DEMO_USERS, DemoStep } from './demo-ids';
import { PLAN_DEMO_IDS } from './demo-plans';

/** The practices and the sharing session of the demo, with fixed ids (the OpenAPI examples name them). */
export const PRACTICE_DEMO_IDS = {
  pojokBaca: PRACTICE_EXAMPLE_IDS.pojokBaca,
  kelasRamahAnak: PRACTICE_EXAMPLE_IDS.kelasRamahAnak,
  otherSchool: PRACTICE_EXAMPLE_IDS.otherSchool,
  draft: PRACTICE_EXAMPLE_IDS.draft,
  event: PRACTICE_EXAMPLE_IDS.event,
} as const;

const SEED_REQUEST_ID = 'demo:practices';
const at = (iso: string) => new Date(iso);

/**
 * Horizontal learning in the reference case: three published practices grown from the demo's plans and
 * competition entries (SDN Pelambuan 4's 2024 reading corners from its completed literacy plan, its
 * 2025 anti-bullying classes from its competition entry, and another cohort school's disaster
 * preparedness entry), each proposed by the school and published by Trakindo's CSR officer; one
 * sharing session hosted by SDN Pelambuan 4 for two Kalimantan schools and the company; and SDN
 * Pelambuan 4's draft on class waste banks, which stays private to the school.
 */
export const practicesDemoStep: DemoStep = {
  name: 'demo:practices',
  async run(manager: EntityManager) {
    const userId = async (role: string) => {
      const email = DEMO_USERS.find((u) => u.role === role)?.email;
      const [row] = (await manager.query('SELECT id FROM users WHERE email = $1', [email])) as Array<{ id: string }>;
      if (!row) throw new Error(`demo:practices needs the demo ${role}: run the foundation step first`);
      return row.id;
    };
    const principal = await userId('principal');
    const csr = await userId('csr_officer');

    // 2024: the reading corners, from the literacy program of the completed 2024 plan and its reported results.
    const [plan] = (await manager.query('SELECT content FROM plans WHERE id = $1', [PLAN_DEMO_IDS.plan2024])) as Array<{ content: Record<string, unknown> }>;
    if (!plan) throw new Error('demo:practices needs the 2024 plan of SDN Pelambuan 4: run the plans demo step first');
    const literacy = readStoredContent(plan.content).programs[0];
    const achieved = new Map(
      ((await manager.query('SELECT indicator_id AS id, CAST(achieved_value AS text) AS value FROM plan_indicator_results WHERE plan_id = $1', [PLAN_DEMO_IDS.plan2024])) as Array<{ id: string; value: string }>).map((r) => [r.id, String(Number(r.value))]),
    );
    const literacyResults = literacy.indicators.filter((i) => achieved.has(i.id)).map((i) => ({ indicator: `${i.name} (awal ${i.baseline ?? '-'}, target ${i.target ?? '-'})`, value: achieved.get(i.id) as string, unit: i.unit }));

    // 2025: the competition entries of SDN Pelambuan 4 (child-friendly school) and of the first other school in the disaster-preparedness category.
    const entries = (await manager.query(
      `SELECT e.id, e.title, e.summary, e.school_id AS "schoolId", e.submitted_by_user_id AS "userId", cc.name AS category
         FROM competition_entries e JOIN competition_categories cc ON cc.id = e.category_id JOIN organizations s ON s.id = e.school_id
        WHERE e.competition_id = $1
        ORDER BY (e.school_id = $2) DESC, (cc.name = 'Kesiapsiagaan bencana') DESC, s.name`,
      [COMPETITION_DEMO_IDS.national2025, DEMO_IDS.pelambuan4],
    )) as Array<{ id: string; title: string; summary: string; schoolId: string; userId: string; category: string }>;
    const ownEntry = entries.find((e) => e.schoolId === DEMO_IDS.pelambuan4);
    const otherEntry = entries.find((e) => e.schoolId !== DEMO_IDS.pelambuan4 && e.category === 'Kesiapsiagaan bencana');
    if (!ownEntry || !otherEntry) throw new Error('demo:practices needs the 2025 competition entries: run the competitions demo step first');

    const published = (created: string, proposed: string, publishedAt: string) => ({
      status: 'published' as const,
      proposedAt: at(proposed),
      publishedAt: at(publishedAt),
      reviewedByUserId: csr,
      createdAt: at(created),
      updatedAt: at(publishedAt),
      version: 3,
    });
    const practices: Array<Partial<Practice> & { id: string }> = [
      {
        id: PRACTICE_DEMO_IDS.pojokBaca,
        schoolId: DEMO_IDS.pelambuan4,
        title: 'Pojok Baca Kelas: 15 Menit Membaca Setiap Pagi',
        summary:
          'Setiap kelas 1–6 memiliki pojok baca berisi 40 buku berjenjang, dan seluruh siswa membaca 15 menit sebelum pelajaran pertama. Dalam satu tahun, siswa kelas 1–3 yang membaca lancar naik dari 42% menjadi 78%.',
        topic: 'literacy',
        schoolLevel: 'SD',
        whatWasDone:
          'Guru, operator sekolah dan relawan orang tua menata pojok baca di 12 kelas dengan rak sederhana dan 480 buku berjenjang dari dana stimulus. ' +
          'Wali kelas memandu membaca 15 menit setiap pagi; siswa mencatat judul dan satu kalimat tentang bacaannya di jurnal membaca kelas. ' +
          'Sembilan guru kelas rendah dan tiga guru mapel mengikuti pelatihan membaca terbimbing bersama Edukasi 101. ' +
          'Perpustakaan daerah meminjamkan koleksi bergilir setiap tiga bulan, dan siswa piket pustaka merawat buku yang rusak sebulan sekali.',
        results: literacyResults.length > 0 ? literacyResults : [{ indicator: 'Siswa kelas 1–3 yang membaca lancar', value: '78', unit: '%' }],
        year: 2024,
        sourcePlanId: PLAN_DEMO_IDS.plan2024,
        sourcePlanProgramId: literacy.id,
        createdByUserId: principal,
        ...published('2024-12-09T02:00:00Z', '2024-12-10T03:00:00Z', '2024-12-16T04:00:00Z'),
      },
      {
        id: PRACTICE_DEMO_IDS.kelasRamahAnak,
        schoolId: DEMO_IDS.pelambuan4,
        title: 'Kelas Tanpa Perundungan: Kesepakatan Kelas dan Konselor Sebaya',
        summary:
          'Setiap kelas menyusun kesepakatan kelas bersama siswa, guru dilatih disiplin positif, dan siswa kelas 4–6 dilatih menjadi konselor sebaya yang menjaga kotak curhat. Siswa yang tahu cara melapor perundungan naik dari 20% menjadi 83%.',
        topic: 'child_friendly_school',
        schoolLevel: 'SD',
        whatWasDone:
          'Pada minggu pertama tahun ajaran, wali kelas 1–6 menyusun kesepakatan kelas bersama siswa dan memajangnya di dinding kelas. ' +
          'Dua puluh satu guru mengikuti pelatihan disiplin positif dua hari bersama Edukasi 101. ' +
          'Guru BK melatih 24 siswa kelas 4–6 sebagai konselor sebaya; mereka piket bergiliran saat istirahat dan membuka kotak curhat setiap Jumat bersama guru BK. ' +
          'Setiap laporan perundungan ditangani dalam seminggu dan dicatat dalam buku kasus sekolah. Karya ini diikutkan dalam Lomba Inovasi Sekolah Nasional Generasi Trakindo 2025.',
        results: [
          { indicator: 'Siswa kelas 4–6 yang tahu cara melapor perundungan (awal 20, target 80)', value: '83', unit: '%' },
          { indicator: 'Kasus perundungan yang tertangani dalam seminggu', value: '92', unit: '%' },
          { indicator: 'Konselor sebaya terlatih', value: '24', unit: 'siswa' },
        ],
        year: 2025,
        sourceEntryId: ownEntry.id,
        createdByUserId: principal,
        ...published('2025-12-15T02:00:00Z', '2025-12-16T03:00:00Z', '2025-12-19T04:00:00Z'),
      },
      {
        id: PRACTICE_DEMO_IDS.otherSchool,
        schoolId: otherEntry.schoolId,
        title: otherEntry.title,
        summary: otherEntry.summary.slice(0, 1000),
        topic: 'disaster_preparedness',
        schoolLevel: 'SD',
        whatWasDone:
          'Sekolah memetakan risiko bencana di sekitar sekolah bersama siswa kelas 5 dan BPBD setempat, lalu memasang rambu jalur evakuasi dan titik kumpul. ' +
          'Simulasi evakuasi dilakukan setiap bulan dengan tanda sirene sekolah; setiap kelas memiliki tas siaga berisi senter, P3K dan daftar nomor darurat. ' +
          'Orang tua dilibatkan dalam simulasi semester dan menerima panduan tas siaga keluarga.',
        results: [
          { indicator: 'Waktu evakuasi seluruh warga sekolah ke titik kumpul', value: '4', unit: 'menit' },
          { indicator: 'Kelas yang memiliki tas siaga lengkap', value: '12 dari 12', unit: null },
          { indicator: 'Simulasi evakuasi dalam setahun', value: '10', unit: 'kali' },
        ],
        year: 2025,
        sourceEntryId: otherEntry.id,
        createdByUserId: otherEntry.userId,
        ...published('2025-12-17T02:00:00Z', '2025-12-17T06:00:00Z', '2025-12-22T04:00:00Z'),
      },
      {
        id: PRACTICE_DEMO_IDS.draft,
        schoolId: DEMO_IDS.pelambuan4,
        title: 'Bank Sampah Kelas',
        summary: 'Setiap kelas mengumpulkan sampah plastik dan kertas terpilah; hasil penjualannya dipakai untuk membeli sabun cuci tangan dan tanaman kelas.',
        topic: 'sanitation',
        schoolLevel: 'SD',
        whatWasDone:
          'Siswa membawa botol plastik dan kertas bekas dari rumah setiap Senin, menimbangnya bersama petugas piket, dan mencatatnya di buku tabungan sampah kelas. ' +
          'Bank sampah kelurahan menjemput sampah terpilah sebulan sekali.',
        results: [{ indicator: 'Sampah terpilah terkumpul per bulan', value: '38', unit: 'kg' }],
        year: 2026,
        status: 'draft',
        createdByUserId: principal,
        createdAt: at('2026-10-05T02:00:00Z'),
        updatedAt: at('2026-10-05T02:00:00Z'),
        version: 1,
      },
    ];
    await manager.insert(Practice, practices as Array<QueryDeepPartialEntity<Practice>>);

    await manager.insert(LearningEvent, {
      id: PRACTICE_DEMO_IDS.event,
      hostSchoolId: DEMO_IDS.pelambuan4,
      title: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak',
      heldOn: '2026-02-12',
      place: 'Aula SDN Pelambuan 4, Jl. Barito Hilir, Banjarmasin Barat',
      notes:
        'Sekolah tamu mengamati membaca pagi di kelas 2 dan 5, lalu berdiskusi dengan konselor sebaya. Perwakilan PT Trakindo Utama cabang Banjarmasin dan Dinas Pendidikan Kota Banjarmasin hadir. Sekolah tamu sepakat mencoba pojok baca di dua kelas mulai semester genap.',
      attendees: [
        { role: 'principals', count: 3 },
        { role: 'teachers', count: 14 },
        { role: 'supervisors', count: 1 },
        { role: 'company_staff', count: 2 },
        { role: 'office_staff', count: 2 },
        { role: 'parents', count: 6 },
      ],
      createdByUserId: principal,
      createdAt: at('2026-02-12T08:00:00Z'),
      updatedAt: at('2026-02-12T08:00:00Z'),
    });
    await manager.insert(LearningEventParticipant, [
      { eventId: PRACTICE_DEMO_IDS.event, organizationId: DEMO_IDS.sungaiMiai5, kind: 'school' },
      { eventId: PRACTICE_DEMO_IDS.event, organizationId: PRACTICE_EXAMPLE_IDS.guntungManggis1, kind: 'school' },
      { eventId: PRACTICE_DEMO_IDS.event, organizationId: DEMO_IDS.trakindo, kind: 'company' },
    ]);
    await manager.insert(LearningEventPractice, [
      { eventId: PRACTICE_DEMO_IDS.event, practiceId: PRACTICE_DEMO_IDS.pojokBaca },
      { eventId: PRACTICE_DEMO_IDS.event, practiceId: PRACTICE_DEMO_IDS.kelasRamahAnak },
    ]);

    // The audit trail the API would have written.
    const audit: Array<Partial<AuditEvent>> = [];
    for (const p of practices) {
      audit.push({ occurredAt: p.createdAt, actorUserId: p.createdByUserId, actorOrganizationId: p.schoolId, requestId: SEED_REQUEST_ID, action: 'create', entityType: 'practice', entityId: p.id, changes: { title: p.title, status: 'draft' } });
      if (p.status !== 'published') continue;
      audit.push({ occurredAt: p.proposedAt as Date, actorUserId: p.createdByUserId, actorOrganizationId: p.schoolId, requestId: SEED_REQUEST_ID, action: 'state_change', entityType: 'practice', entityId: p.id, changes: { status: { from: 'draft', to: 'proposed' } } });
      audit.push({ occurredAt: p.publishedAt as Date, actorUserId: csr, actorOrganizationId: DEMO_IDS.trakindo, requestId: SEED_REQUEST_ID, action: 'state_change', entityType: 'practice', entityId: p.id, changes: { status: { from: 'proposed', to: 'published' } } });
    }
    audit.push({ occurredAt: at('2026-02-12T08:00:00Z'), actorUserId: principal, actorOrganizationId: DEMO_IDS.pelambuan4, requestId: SEED_REQUEST_ID, action: 'create', entityType: 'learning_event', entityId: PRACTICE_DEMO_IDS.event, changes: { title: 'Berbagi Praktik Baik: Pojok Baca dan Kelas Ramah Anak' } });
    await manager.insert(AuditEvent, audit as Array<QueryDeepPartialEntity<AuditEvent>>);
  },
};
