import type { EntityManager } from 'typeorm';

/** The password of every demo user (printed in the README). */
export const DEMO_PASSWORD = 'Jalin-Demo-2026';

/** Fixed ids, so the demo records can be linked by later steps and tried from Swagger. */
export const DEMO_IDS = {
  operator: '00000000-0000-4000-8000-000000000001',
  trakindo: '00000000-0000-4000-8000-000000000101',
  pelambuan4: '00000000-0000-4000-8000-000000000201',
  sungaiMiai5: '00000000-0000-4000-8000-000000000202',
  balikpapan012: '00000000-0000-4000-8000-000000000203',
  cakungBarat03: '00000000-0000-4000-8000-000000000204',
  rungkut1: '00000000-0000-4000-8000-000000000205',
  disdikBanjarmasin: '00000000-0000-4000-8000-000000000301',
  edukasi101: '00000000-0000-4000-8000-000000000401',
  ulm: '00000000-0000-4000-8000-000000000501',
} as const;

/** One demo user per role. */
export const DEMO_USERS = [
  { email: 'admin@jalin.example', fullName: 'Jalin Administrator', role: 'admin', org: DEMO_IDS.operator },
  { email: 'csr@trakindo.example', fullName: 'Rina Marlina (CSR Officer, PT Trakindo Utama)', role: 'csr_officer', org: DEMO_IDS.trakindo },
  { email: 'principal@sdnpelambuan4.example', fullName: 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)', role: 'principal', org: DEMO_IDS.pelambuan4 },
  { email: 'officer@disdik-banjarmasin.example', fullName: 'Drs. Ahmad Yani (Dinas Pendidikan Kota Banjarmasin)', role: 'education_officer', org: DEMO_IDS.disdikBanjarmasin },
  { email: 'facilitator@edukasi101.example', fullName: 'Dewi Lestari (Fasilitator, Edukasi 101)', role: 'facilitator', org: DEMO_IDS.edukasi101 },
  { email: 'judge@ulm.example', fullName: 'Dr. Bambang Sutrisno (Juri)', role: 'judge', org: DEMO_IDS.ulm },
] as const;

/** One data set of the demo, loaded once. */
export interface DemoStep {
  name: string;
  run(manager: EntityManager): Promise<void>;
}
