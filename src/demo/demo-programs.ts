import type { EntityManager } from 'typeorm';
import type { Topic } from '../common/catalog/topics';
import { Organization } from '../organizations/organization.entity';
import { PartnershipEvent } from '../partnerships/partnership-event.entity';
import type { PartnershipStatus } from '../partnerships/partnership-status';
import { PartnershipYear } from '../partnerships/partnership-year.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { ProgramFacilitator } from '../programs/program-facilitator.entity';
import { ProgramYear } from '../programs/program-year.entity';
import { Program } from '../programs/program.entity';
import { User } from '../users/user.entity';
// From demo-ids, not demo: demo.ts imports this step, and demo-ids imports nothing back.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** The first and last year of Generasi Trakindo in the demo. */
const FIRST_YEAR = 2012;
const LAST_YEAR = 2026;

/** Fixed ids of the program demo records: the program, its years by year, the new schools and the partnerships by school. */
export const PROGRAM_DEMO_IDS = {
  generasiTrakindo: '00000000-0000-4000-8000-000000000801',
  /** The year record of `year` (2012 → …0812, 2026 → …0826). */
  year: (year: number) => `00000000-0000-4000-8000-0000000008${String(year - 2000).padStart(2, '0')}`,
  /** The partnership of a school of the demo: its id with 9 in place of the 2 (…0201 → …0901). */
  partnershipOf: (schoolId: string) => `${schoolId.slice(0, -3)}9${schoolId.slice(-2)}`,
  guntungManggis1: '00000000-0000-4000-8000-000000000206',
} as const;

/**
 * The themes of the years. They are illustrative examples drawn from the topics of the published
 * case study, not the program's recorded themes.
 */
const THEMES: Record<number, [string, Topic]> = {
  2012: ['Pelatihan guru serta visi dan misi sekolah', 'teacher_training'],
  2013: ['Unit Kesehatan Sekolah (UKS): visi, misi dan programnya', 'school_health_unit'],
  2014: ['Literasi: pojok baca dan pembiasaan membaca setiap hari', 'literacy'],
  2015: ['Sekolah ramah anak', 'child_friendly_school'],
  2016: ['Inovasi literasi: setiap kelas menjadi komunitas literasi', 'literacy'],
  2017: ['Pembelajaran berbasis proyek', 'project_based_learning'],
  2018: ['Kebersihan dan sanitasi: perilaku hidup bersih dan sehat di sekolah', 'sanitation'],
  2019: ['Inovasi kesiapsiagaan bencana', 'disaster_preparedness'],
  2020: ['Belajar dari rumah: pengasuhan anak selama sekolah ditutup', 'parenting'],
  2021: ['Kesehatan mental siswa setelah masa penutupan sekolah', 'student_mental_health'],
  2022: ['Pembelajaran berbasis proyek dalam kurikulum baru', 'project_based_learning'],
  2023: ['Horizontal learning: sekolah mitra berbagi praktik baik', 'horizontal_learning'],
  2024: ['Inovasi literasi: orang tua sebagai pendamping membaca', 'literacy'],
  2025: ['Sekolah ramah anak: belajar yang aman, inklusif dan menyenangkan', 'child_friendly_school'],
  2026: ['Kesehatan mental dan kesejahteraan siswa', 'student_mental_health'],
};

/** One school of the cohort and its partnership's story. */
interface CohortSchool {
  id: string;
  /** For schools this step adds; the first five come from the foundation. */
  profile?: Pick<Organization, 'name' | 'npsn' | 'regionCode' | 'address' | 'studentCount' | 'teacherCount'>;
  history: Array<{ to: PartnershipStatus; on: string; reason?: string }>;
}

const school = (n: number) => `00000000-0000-4000-8000-000000000${n}`;
const newSchool = (
  n: number,
  name: string,
  npsn: string,
  regionCode: string,
  address: string,
  studentCount: number,
  teacherCount: number,
  history: CohortSchool['history'],
): CohortSchool => ({ id: school(n), profile: { name, npsn, regionCode, address, studentCount, teacherCount }, history });
const joined = (on: string): CohortSchool['history'] => [{ to: 'active', on }];

/**
 * The cohort: three Kalimantan schools in 2012, growing to about twenty schools across the country.
 * Two of the three original schools left (2016 and 2019), so SDN Pelambuan 4 is now the only active
 * one in Kalimantan. Names, addresses and NPSNs of the added schools are examples.
 */
function cohort(): CohortSchool[] {
  return [
    {
      id: DEMO_IDS.pelambuan4,
      history: [
        { to: 'prospective', on: '2012-03-05' },
        { to: 'active', on: '2012-03-12' },
      ],
    },
    {
      id: DEMO_IDS.sungaiMiai5,
      history: [
        { to: 'active', on: '2012-03-19' },
        {
          to: 'ended',
          on: '2019-06-28',
          reason:
            'Diakhiri atas kesepakatan bersama pada akhir tahun ajaran 2018/2019: perusahaan memusatkan dukungannya di Kalimantan pada SDN Pelambuan 4 sebagai sekolah model, dan SDN Sungai Miai 5 melanjutkan programnya bersama Dinas Pendidikan Kota.',
        },
      ],
    },
    newSchool(206, 'SDN Guntung Manggis 1 Banjarbaru', '30305206', '63.72', 'Jl. Guntung Manggis, Landasan Ulin, Banjarbaru', 236, 13, [
      { to: 'active', on: '2012-03-19' },
      { to: 'ended', on: '2016-12-16', reason: 'Diakhiri setelah tahun program 2016: pemerintah kota menggabungkan sekolah ini dengan sekolah di dekatnya, yang sudah memiliki mitra sendiri.' },
    ]),
    { id: DEMO_IDS.cakungBarat03, history: joined('2014-02-10') },
    { id: DEMO_IDS.rungkut1, history: joined('2015-02-09') },
    newSchool(207, 'SDN Papanggo 01 Jakarta', '20105207', '31.72', 'Jl. Papanggo Raya, Tanjung Priok, Jakarta Utara', 498, 24, joined('2016-02-08')),
    newSchool(208, 'SDN Cihampelas 2 Bandung', '20205208', '32.73', 'Jl. Cihampelas, Coblong, Bandung', 410, 20, joined('2016-02-08')),
    newSchool(209, 'SDN Pedurungan Kidul 01 Semarang', '20305209', '33.74', 'Jl. Brigjen Sudiarto, Pedurungan, Semarang', 372, 18, joined('2017-02-06')),
    newSchool(210, 'SDN Tamalanrea 3 Makassar', '40305210', '73.71', 'Jl. Perintis Kemerdekaan, Tamalanrea, Makassar', 455, 22, [
      { to: 'active', on: '2017-02-06' },
      { to: 'paused', on: '2020-04-01', reason: 'Sekolah ditutup selama pandemi COVID-19: siswa belajar dari rumah dan kegiatan program dihentikan sementara.' },
      { to: 'active', on: '2021-01-11' },
    ]),
    newSchool(211, 'SDN 060843 Medan Amplas', '10205211', '12.71', 'Jl. Garu II, Medan Amplas, Medan', 388, 19, joined('2018-02-05')),
    newSchool(212, 'SDN Gedongkiwo Yogyakarta', '20405212', '34.71', 'Jl. Bantul, Mantrijeron, Yogyakarta', 264, 15, joined('2018-02-05')),
    newSchool(213, 'SDN 3 Sanur Denpasar', '50105213', '51.71', 'Jl. Danau Tamblingan, Sanur, Denpasar', 341, 17, joined('2019-02-11')),
    newSchool(214, 'SDN Cilandak Barat 05 Jakarta', '20105214', '31.74', 'Jl. Margasatwa, Cilandak, Jakarta Selatan', 520, 25, joined('2019-02-11')),
    newSchool(215, 'SDN Kapuk 09 Jakarta', '20105215', '31.73', 'Jl. Kapuk Raya, Cengkareng, Jakarta Barat', 610, 27, joined('2020-02-10')),
    newSchool(216, 'SDN Kebon Kosong 11 Jakarta', '20105216', '31.71', 'Jl. Kebon Kosong, Kemayoran, Jakarta Pusat', 430, 21, joined('2021-02-08')),
    newSchool(217, 'SDN Kebonsari 2 Surabaya', '20505217', '35.78', 'Jl. Kebonsari, Jambangan, Surabaya', 395, 19, joined('2021-02-08')),
    newSchool(218, 'SDN Cijerah 1 Bandung', '20205218', '32.73', 'Jl. Cijerah, Bandung Kulon, Bandung', 362, 18, joined('2022-02-07')),
    newSchool(219, 'SDN Tambakaji 03 Semarang', '20305219', '33.74', 'Jl. Walisongo, Ngaliyan, Semarang', 318, 16, joined('2022-02-07')),
    newSchool(220, 'SDN 064975 Medan Johor', '10205220', '12.71', 'Jl. Karya Jaya, Medan Johor, Medan', 402, 20, joined('2023-02-06')),
    newSchool(221, 'SDN Paccerakkang Makassar', '40305221', '73.71', 'Jl. Paccerakkang, Biringkanaya, Makassar', 377, 18, joined('2023-02-06')),
    newSchool(222, 'SDN 2 Pemecutan Denpasar', '50105222', '51.71', 'Jl. Thamrin, Denpasar Barat, Denpasar', 298, 16, joined('2024-02-05')),
    newSchool(223, 'SDN Wirobrajan 2 Yogyakarta', '20405223', '34.71', 'Jl. HOS Cokroaminoto, Wirobrajan, Yogyakarta', 245, 14, joined('2024-02-05')),
    newSchool(224, 'SDN Pulo Gebang 06 Jakarta', '20105224', '31.75', 'Jl. Pulo Gebang, Cakung, Jakarta Timur', 575, 26, joined('2025-02-10')),
    // Being prepared for the 2026 cohort: not active yet.
    newSchool(225, 'SDN Bekasi Jaya 3 Bekasi', '20205225', '32.75', 'Jl. Bekasi Jaya, Bekasi Timur, Bekasi', 418, 20, [{ to: 'prospective', on: '2026-02-02' }]),
  ];
}

/** The years in which a partnership was active on at least one day. */
function activeYears(history: CohortSchool['history']): number[] {
  const years = new Set<number>();
  history.forEach((step, i) => {
    if (step.to !== 'active') return;
    const until = history[i + 1]?.on;
    const last = until ? Number(until.slice(0, 4)) - (until.slice(5) === '01-01' ? 1 : 0) : LAST_YEAR;
    for (let y = Number(step.on.slice(0, 4)); y <= last; y += 1) years.add(y);
  });
  return [...years].sort((a, b) => a - b);
}

/** A stimulus grant per school that grows a little every year, plus the workshops and the competition. */
function budgetEnvelope(year: number, schools: number): string {
  const perSchool = 150_000_000 + (year - FIRST_YEAR) * 10_000_000;
  const overhead = 250_000_000 + (year - FIRST_YEAR) * 15_000_000;
  return String(schools * perSchool + overhead);
}

/**
 * Generasi Trakindo, 2012–2026: the program of PT Trakindo Utama with Edukasi 101 as facilitator, a
 * year record per year (past years closed, 2026 running), and the cohort's partnerships with their
 * status history and cohort years. SDN Pelambuan 4's partnership is linked to the 2012 recommendation
 * when the partner-request step has loaded it.
 */
export const programsDemoStep: DemoStep = {
  name: 'demo:programs',
  async run(manager: EntityManager) {
    const csrEmail = DEMO_USERS.find((u) => u.role === 'csr_officer')?.email;
    const csr = await manager.findOneOrFail(User, { where: { email: csrEmail } });
    const schools = cohort();

    await manager.insert(
      Organization,
      schools.filter((s) => s.profile).map((s) => ({ id: s.id, type: 'school' as const, schoolLevel: 'SD' as const, ownership: 'public' as const, ...s.profile })),
    );

    const programId = PROGRAM_DEMO_IDS.generasiTrakindo;
    await manager.insert(Program, {
      id: programId,
      companyId: DEMO_IDS.trakindo,
      name: 'Generasi Trakindo',
      description:
        'Program CSR pendidikan PT Trakindo Utama untuk sekolah dasar sejak 2012: setiap tahun tema baru yang dipilih bersama sekolah, lokakarya perencanaan dua hari yang dipandu Edukasi 101, ' +
        'dana stimulus untuk setiap sekolah, pendampingan selama satu tahun, dan kompetisi inovasi antarsekolah mitra. ' +
        'Data demo: tema tahunan adalah contoh ilustratif yang diambil dari topik studi kasus yang telah dipublikasikan, bukan tema yang tercatat.',
      focusAreas: [...new Set(Object.values(THEMES).map(([, topic]) => topic))],
      startYear: FIRST_YEAR,
      endYear: LAST_YEAR,
      regionCodes: ['63', '31', '32', '33', '34', '35', '51', '73', '12'],
    });
    await manager.insert(ProgramFacilitator, { programId, facilitatorId: DEMO_IDS.edukasi101 });

    const activeByYear = new Map<number, number>();
    const yearsOf = new Map(schools.map((s) => [s.id, activeYears(s.history)]));
    for (const years of yearsOf.values()) for (const y of years) activeByYear.set(y, (activeByYear.get(y) ?? 0) + 1);
    const programYears: Array<Partial<ProgramYear>> = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
      const first = year === FIRST_YEAR;
      programYears.push({
        id: PROGRAM_DEMO_IDS.year(year),
        programId,
        year,
        theme: THEMES[year][0],
        description: 'Contoh tema (data demo).',
        budgetEnvelope: budgetEnvelope(year, activeByYear.get(year) ?? 0),
        // The 2012 year began after SDN Pelambuan 4 was accepted in March.
        planningWorkshopDate: first ? '2012-04-16' : `${year}-01-22`,
        planDeadline: first ? '2012-05-15' : `${year}-02-28`,
        grantReportingDeadline: `${year}-11-30`,
        competitionDate: `${year}-12-10`,
        // The last year is running; the one before is still being evaluated; older years are closed.
        status: year < LAST_YEAR - 1 ? 'closed' : year === LAST_YEAR - 1 ? 'evaluating' : 'running',
      });
    }
    await manager.insert(ProgramYear, programYears);

    const [recommendation] = (await manager.query(
      `SELECT r.id FROM partner_recommendations r JOIN partner_requests q ON q.id = r.request_id
        WHERE r.school_id = $1 AND q.company_id = $2 AND r.decision = 'accepted'
        ORDER BY r.decided_at ASC NULLS LAST LIMIT 1`,
      [DEMO_IDS.pelambuan4, DEMO_IDS.trakindo],
    )) as Array<{ id: string }>;

    const partnerships: Array<Partial<Partnership>> = [];
    const events: Array<Partial<PartnershipEvent>> = [];
    const cohortRows: Array<Partial<PartnershipYear>> = [];
    for (const s of schools) {
      const id = PROGRAM_DEMO_IDS.partnershipOf(s.id);
      const last = s.history[s.history.length - 1];
      partnerships.push({
        id,
        programId,
        companyId: DEMO_IDS.trakindo,
        schoolId: s.id,
        recommendationId: s.id === DEMO_IDS.pelambuan4 ? (recommendation?.id ?? null) : null,
        status: last.to,
        startedOn: s.history.find((h) => h.to === 'active')?.on ?? null,
        endedOn: last.to === 'ended' ? last.on : null,
        statusReason: last.reason ?? null,
      });
      let from: PartnershipStatus | null = null;
      for (const [i, step] of s.history.entries()) {
        // Creation times follow the dates, so the history reads in order.
        events.push({ partnershipId: id, fromStatus: from, toStatus: step.to, occurredOn: step.on, reason: step.reason ?? null, byUserId: csr.id, createdAt: new Date(`${step.on}T02:0${i}:00Z`) });
        from = step.to;
      }
      for (const year of yearsOf.get(s.id) ?? []) cohortRows.push({ partnershipId: id, programYearId: PROGRAM_DEMO_IDS.year(year), addedByUserId: csr.id });
    }
    await manager.insert(Partnership, partnerships);
    await manager.insert(PartnershipEvent, events);
    await manager.insert(PartnershipYear, cohortRows);
  },
};
