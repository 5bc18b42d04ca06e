import type { EntityManager } from 'typeorm';
import { nextCheckDueOn } from '../facilities/facility-catalogue';
import type { FacilityCategory, FacilityCondition } from '../facilities/facility-catalogue';
import { User } from '../users/user.entity';
// DEMO_IDS and DEMO_USERS are read only inside run(), never while this module loads.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';
import { PROGRAM_DEMO_IDS } from './demo-programs';

/** Fixed ids of the facilities demo records: items by number, condition checks by number. */
export const FACILITY_DEMO_IDS = {
  item: (n: number) => `00000000-0000-4000-8000-0000fac1${String(n).padStart(4, '0')}`,
  check: (n: number) => `00000000-0000-4000-8000-0000fac2${String(n).padStart(4, '0')}`,
  /** SDN Pelambuan 4's 2026 projectors: ordered, awaiting their handover. */
  awaitingHandover: '00000000-0000-4000-8000-0000fac10007',
  /** SDN Pelambuan 4's 2015 handwashing stations: last checked in July 2024, overdue for a check. */
  overdueForCheck: '00000000-0000-4000-8000-0000fac10004',
} as const;

interface DemoCheck {
  on: string;
  condition: FacilityCondition;
  note?: string;
}

interface DemoItem {
  n: number;
  school: string;
  year: number;
  category: FacilityCategory;
  itemName: string;
  quantity: number;
  unit: string;
  value: string;
  supplier: string;
  /** Recorded by the CSR officer on this day. */
  recordedOn: string;
  deliveredOn: string | null;
  handover: { number: string; on: string; receivedBy: string } | null;
  checks: DemoCheck[];
}

const PRINCIPAL_PELAMBUAN = 'Hj. Siti Rahmah, S.Pd.';

/**
 * What PT Trakindo Utama gave its partner schools in kind over the years (sarana prasarana): the
 * 2013 library books and shelves and the school health unit (UKS) equipment of SDN Pelambuan 4, its
 * 2015 handwashing stations and its 2021 laptops for learning from home, and its 2026 projectors
 * still awaiting their handover; in 2026 also handwashing stations for SDN Cakung Barat 03 and
 * picture books for SDN Rungkut Menanggal 1 (handed over this year, not yet due for a check).
 * Every handover has its berita acara number, day and receiver; the signed scans are kept on paper
 * at the schools (a demo step cannot store files). SDN Pelambuan 4 checks its items every July;
 * its handwashing stations were last checked in July 2024 and are overdue. Names of suppliers and
 * numbers are examples.
 */
function items(): DemoItem[] {
  const p4 = DEMO_IDS.pelambuan4;
  return [
    {
      n: 1,
      school: p4,
      year: 2013,
      category: 'library',
      itemName: 'Buku bacaan anak (cerita bergambar, fiksi dan nonfiksi)',
      quantity: 600,
      unit: 'eksemplar',
      value: '30000000',
      supplier: 'CV Pustaka Banua',
      recordedOn: '2013-03-25',
      deliveredOn: '2013-04-15',
      handover: { number: '007/BAST/CSR-TU/IV/2013', on: '2013-04-18', receivedBy: PRINCIPAL_PELAMBUAN },
      checks: [
        { on: '2014-07-21', condition: 'good', note: 'Buku tercatat di buku induk perpustakaan; 12 eksemplar diperbaiki sampulnya.' },
        { on: '2016-07-25', condition: 'minor_repair', note: 'Sekitar 40 buku lepas jilidannya karena sering dipinjam; dijilid ulang oleh guru dan orang tua.' },
        { on: '2020-07-20', condition: 'good' },
        { on: '2026-07-20', condition: 'good', note: 'Masih dipakai di pojok baca setiap kelas.' },
      ],
    },
    {
      n: 2,
      school: p4,
      year: 2013,
      category: 'library',
      itemName: 'Rak buku kayu dua sisi',
      quantity: 6,
      unit: 'unit',
      value: '9000000',
      supplier: 'UD Mebel Kayu Banua',
      recordedOn: '2013-03-25',
      deliveredOn: '2013-04-15',
      handover: { number: '007/BAST/CSR-TU/IV/2013', on: '2013-04-18', receivedBy: PRINCIPAL_PELAMBUAN },
      checks: [
        { on: '2014-07-21', condition: 'good' },
        { on: '2016-07-25', condition: 'minor_repair', note: 'Dua rak goyah; dikencangkan oleh penjaga sekolah.' },
        { on: '2020-07-20', condition: 'good' },
        { on: '2026-07-20', condition: 'good' },
      ],
    },
    {
      n: 3,
      school: p4,
      year: 2013,
      category: 'school_health_unit',
      itemName: 'Peralatan UKS: tempat tidur periksa, timbangan badan, pengukur tinggi badan dan kotak P3K',
      quantity: 1,
      unit: 'paket',
      value: '8750000',
      supplier: 'CV Medika Borneo',
      recordedOn: '2013-07-22',
      deliveredOn: '2013-08-05',
      handover: { number: '019/BAST/CSR-TU/VIII/2013', on: '2013-08-07', receivedBy: PRINCIPAL_PELAMBUAN },
      checks: [
        { on: '2014-07-21', condition: 'good' },
        { on: '2019-07-22', condition: 'minor_repair', note: 'Timbangan badan tidak akurat; dikalibrasi ulang oleh puskesmas.' },
        { on: '2026-07-20', condition: 'good' },
      ],
    },
    {
      n: 4,
      school: p4,
      year: 2015,
      category: 'sanitation_handwashing',
      itemName: 'Wastafel cuci tangan stainless empat kran',
      quantity: 3,
      unit: 'unit',
      value: '13500000',
      supplier: 'UD Sanitasi Kalsel',
      recordedOn: '2015-05-04',
      deliveredOn: '2015-05-20',
      handover: { number: '011/BAST/CSR-TU/V/2015', on: '2015-05-22', receivedBy: PRINCIPAL_PELAMBUAN },
      checks: [
        { on: '2016-07-25', condition: 'good' },
        { on: '2018-07-23', condition: 'major_repair', note: 'Dua kran bocor dan saluran pembuangan tersumbat; diperbaiki bersama komite sekolah.' },
        { on: '2020-07-20', condition: 'good', note: 'Dipakai setiap hari sejak sekolah dibuka kembali.' },
        { on: '2024-07-29', condition: 'minor_repair', note: 'Satu kran bocor; sekolah menunggu suku cadang.' },
      ],
    },
    {
      n: 5,
      school: p4,
      year: 2021,
      category: 'ict',
      itemName: 'Laptop untuk pembelajaran daring dan literasi digital',
      quantity: 5,
      unit: 'unit',
      value: '42500000',
      supplier: 'CV Banua Komputer',
      recordedOn: '2021-02-01',
      deliveredOn: '2021-02-15',
      handover: { number: '004/BAST/CSR-TU/II/2021', on: '2021-02-18', receivedBy: PRINCIPAL_PELAMBUAN },
      checks: [
        { on: '2022-07-25', condition: 'good' },
        { on: '2023-07-24', condition: 'good' },
        { on: '2026-07-20', condition: 'minor_repair', note: 'Baterai satu laptop cepat habis; diganti dari dana BOS.' },
      ],
    },
    {
      n: 6,
      school: DEMO_IDS.cakungBarat03,
      year: 2026,
      category: 'sanitation_handwashing',
      itemName: 'Tempat cuci tangan permanen enam kran',
      quantity: 2,
      unit: 'unit',
      value: '18000000',
      supplier: 'CV Tirta Jaya Abadi',
      recordedOn: '2026-02-23',
      deliveredOn: '2026-03-09',
      handover: { number: '006/BAST/CSR-TU/III/2026', on: '2026-03-10', receivedBy: 'Dra. Yuliana' },
      checks: [],
    },
    {
      n: 7,
      school: p4,
      year: 2026,
      category: 'ict',
      itemName: 'Proyektor LCD dan layar untuk ruang kelas',
      quantity: 2,
      unit: 'set',
      value: '14000000',
      supplier: 'CV Banua Komputer',
      recordedOn: '2026-08-03',
      deliveredOn: null,
      handover: null,
      checks: [],
    },
    {
      n: 8,
      school: DEMO_IDS.rungkut1,
      year: 2026,
      category: 'library',
      itemName: 'Buku cerita bergambar untuk kelas rendah',
      quantity: 400,
      unit: 'eksemplar',
      value: '20000000',
      supplier: 'CV Pustaka Surya',
      recordedOn: '2026-03-16',
      deliveredOn: '2026-04-06',
      handover: { number: '009/BAST/CSR-TU/IV/2026', on: '2026-04-08', receivedBy: 'Agus Salim, S.Pd.' },
      checks: [],
    },
  ];
}

async function demoUser(manager: EntityManager, role: 'csr_officer' | 'principal'): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === role)?.email;
  if (!email) throw new Error(`the demo has no ${role}`);
  return manager.findOneOrFail(User, { where: { email } });
}

/** The demo's facilities support, loaded as the CSR officer and the principals would have recorded it. */
export const facilitiesDemoStep: DemoStep = {
  name: 'demo:facilities',
  async run(manager) {
    const csr = await demoUser(manager, 'csr_officer');
    const principal = await demoUser(manager, 'principal');
    let checkNo = 0;
    for (const it of items()) {
      const id = FACILITY_DEMO_IDS.item(it.n);
      const partnershipId = PROGRAM_DEMO_IDS.partnershipOf(it.school);
      const last = it.checks.reduce<DemoCheck | null>((a, c) => (a && a.on >= c.on ? a : c), null);
      await manager.query(
        `INSERT INTO facility_items (id, partnership_id, program_year_id, company_id, school_id, category, item_name, quantity, unit, value, supplier, delivered_on,
                                     handover_number, handed_over_on, received_by, handed_over_by_user_id, handed_over_at, last_checked_on, last_condition,
                                     created_by_user_id, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
        [
          id,
          partnershipId,
          PROGRAM_DEMO_IDS.year(it.year),
          DEMO_IDS.trakindo,
          it.school,
          it.category,
          it.itemName,
          it.quantity,
          it.unit,
          it.value,
          it.supplier,
          it.deliveredOn,
          it.handover?.number ?? null,
          it.handover?.on ?? null,
          it.handover?.receivedBy ?? null,
          it.handover ? csr.id : null,
          it.handover ? `${it.handover.on}T03:00:00.000Z` : null,
          last?.on ?? null,
          last?.condition ?? null,
          csr.id,
          1 + (it.handover ? 1 : 0) + it.checks.length,
          `${it.recordedOn}T02:00:00.000Z`,
          `${last?.on ?? it.handover?.on ?? it.recordedOn}T04:00:00.000Z`,
        ],
      );
      for (const c of [...it.checks].sort((a, b) => a.on.localeCompare(b.on))) {
        checkNo += 1;
        await manager.query(
          `INSERT INTO facility_condition_checks (id, item_id, condition, checked_on, note, checked_by_user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [FACILITY_DEMO_IDS.check(checkNo), id, c.condition, c.on, c.note ?? null, principal.id, `${c.on}T04:00:00.000Z`],
        );
      }
      if (it.handover && it.n === 4 && nextCheckDueOn({ handedOverOn: it.handover.on, lastCheckedOn: last?.on ?? null, lastCondition: last?.condition ?? null }) !== '2025-07-29') {
        throw new Error('demo:facilities: the handwashing stations of SDN Pelambuan 4 should have been due for a check on 2025-07-29');
      }
    }
  },
};
