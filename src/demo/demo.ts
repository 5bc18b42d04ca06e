import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { Contact } from '../organizations/contact.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { SeedRun } from '../database/seed-run.entity';
import { DEMO_IDS, DEMO_PASSWORD, DEMO_USERS, DemoStep } from './demo-ids';
import { partnersDemoStep } from './demo-partners';
import { competition2026DemoStep } from './demo-competition-2026';
import { competitionsDemoStep } from './demo-competitions';
import { grantsDemoStep } from './demo-grants';
import { facilitiesDemoStep } from './demo-facilities';
import { mentoringDemoStep } from './demo-mentoring';
import { parentEngagementDemoStep } from './demo-parent-engagement';
import { mousDemoStep } from './demo-mous';
import { plansDemoStep } from './demo-plans';
import { practicesDemoStep } from './demo-practices';
import { programsDemoStep } from './demo-programs';

export { DEMO_IDS, DEMO_PASSWORD, DEMO_USERS } from './demo-ids';
export type { DemoStep } from './demo-ids';

/** The foundation: the parties of the reference case and one user per role. */
const foundation: DemoStep = {
  name: 'demo:foundation',
  async run(manager) {
    const orgs: Array<Partial<Organization>> = [
      { id: DEMO_IDS.operator, type: 'other', name: 'Jalin Operations' },
      { id: DEMO_IDS.trakindo, type: 'company', name: 'PT Trakindo Utama' },
      // NPSNs below are examples for the demo, not the schools' registered numbers.
      { id: DEMO_IDS.pelambuan4, type: 'school', name: 'SDN Pelambuan 4 Banjarmasin', npsn: '30304122', schoolLevel: 'SD', regionCode: '63.71', districtCode: '63.71.03' },
      { id: DEMO_IDS.sungaiMiai5, type: 'school', name: 'SDN Sungai Miai 5 Banjarmasin', npsn: '30304188', schoolLevel: 'SD', regionCode: '63.71', districtCode: '63.71.04' },
      { id: DEMO_IDS.balikpapan012, type: 'school', name: 'SDN 012 Balikpapan Selatan', npsn: '30401234', schoolLevel: 'SD', regionCode: '64.71', districtCode: '64.71.05' },
      { id: DEMO_IDS.cakungBarat03, type: 'school', name: 'SDN Cakung Barat 03 Jakarta', npsn: '20103456', schoolLevel: 'SD', regionCode: '31.75', districtCode: '31.75.06' },
      { id: DEMO_IDS.rungkut1, type: 'school', name: 'SDN Rungkut Menanggal 1 Surabaya', npsn: '20532178', schoolLevel: 'SD', regionCode: '35.78', districtCode: '35.78.03' },
      { id: DEMO_IDS.disdikBanjarmasin, type: 'education_office', name: 'Dinas Pendidikan Kota Banjarmasin', officeLevel: 'regency', regionCode: '63.71' },
      { id: DEMO_IDS.edukasi101, type: 'facilitator', name: 'Edukasi 101' },
      { id: DEMO_IDS.ulm, type: 'other', name: 'Universitas Lambung Mangkurat' },
    ];
    await manager.insert(Organization, orgs);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await manager.insert(
      User,
      DEMO_USERS.map((u) => ({ email: u.email, fullName: u.fullName, role: u.role, organizationId: u.org, passwordHash })),
    );
  },
};

/** The registry: full school and company profiles and their contact people. */
const registry: DemoStep = {
  name: 'demo:registry',
  async run(manager) {
    const schools: Array<[string, Partial<Organization>]> = [
      [DEMO_IDS.pelambuan4, { ownership: 'public', address: 'Jl. Barito Hilir, Pelambuan, Banjarmasin Barat', studentCount: 412, teacherCount: 21, principalName: 'Hj. Siti Rahmah, S.Pd.', needs: ['literacy', 'child_friendly_school', 'student_mental_health'] }],
      [DEMO_IDS.sungaiMiai5, { ownership: 'public', address: 'Jl. Sungai Miai, Banjarmasin Utara', studentCount: 265, teacherCount: 14, principalName: 'Drs. H. Rahmadi', needs: ['sanitation', 'literacy'] }],
      [DEMO_IDS.balikpapan012, { ownership: 'public', address: 'Jl. Marsma R. Iswahyudi, Balikpapan Selatan', studentCount: 380, teacherCount: 19, principalName: 'Sri Wahyuni, S.Pd.', needs: ['disaster_preparedness'] }],
      [DEMO_IDS.cakungBarat03, { ownership: 'public', address: 'Jl. Raya Bekasi, Cakung Barat, Jakarta Timur', studentCount: 540, teacherCount: 26, principalName: 'Dra. Yuliana', needs: ['parenting', 'school_health_unit'] }],
      [DEMO_IDS.rungkut1, { ownership: 'public', address: 'Jl. Rungkut Menanggal, Surabaya', studentCount: 450, teacherCount: 22, principalName: 'Agus Salim, S.Pd.', needs: ['project_based_learning'] }],
    ];
    for (const [id, profile] of schools) await manager.update(Organization, { id }, profile);
    await manager.update(Organization, { id: DEMO_IDS.trakindo }, { sector: 'Penjualan, penyewaan dan servis alat berat' });
    await manager.insert(Contact, [
      { organizationId: DEMO_IDS.trakindo, name: 'Rina Marlina', position: 'CSR Officer', phone: '+62 21 1234 5678', email: 'csr@trakindo.example', isPrimary: true },
      { organizationId: DEMO_IDS.pelambuan4, name: 'Hj. Siti Rahmah, S.Pd.', position: 'Kepala Sekolah', phone: '+62 511 335 0001', email: 'principal@sdnpelambuan4.example', isPrimary: true },
      { organizationId: DEMO_IDS.disdikBanjarmasin, name: 'Drs. Ahmad Yani', position: 'Kepala Bidang Pembinaan SD', phone: '+62 511 335 0002', email: 'officer@disdik-banjarmasin.example', isPrimary: true },
      { organizationId: DEMO_IDS.edukasi101, name: 'Dewi Lestari', position: 'Koordinator Program', phone: '+62 812 0000 0101', email: 'facilitator@edukasi101.example', isPrimary: true },
    ]);
  },
};

/** Every step, in order; each later module appends its own. */
const STEPS: DemoStep[] = [foundation, registry, partnersDemoStep, programsDemoStep, mousDemoStep, plansDemoStep, grantsDemoStep, mentoringDemoStep, competitionsDemoStep, competition2026DemoStep, facilitiesDemoStep, practicesDemoStep, parentEngagementDemoStep];

/**
 * Loads the reference case: each step once, in one transaction per step, so a database that
 * already has the early steps gets only the new ones. Returns whether anything was loaded.
 */
export async function loadDemoData(dataSource: DataSource): Promise<boolean> {
  let loaded = false;
  for (const step of STEPS) {
    const ran = await dataSource.transaction(async (manager) => {
      // The lock makes two replicas starting at once load each step only once.
      await manager.query('SELECT pg_advisory_xact_lock(720102)');
      if (await manager.findOne(SeedRun, { where: { name: step.name } })) return false;
      await step.run(manager);
      await manager.insert(SeedRun, { name: step.name });
      return true;
    });
    loaded ||= ran;
  }
  return loaded;
}
