import type request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Organization } from '../../src/organizations/organization.entity';
import { Partnership } from '../../src/partnerships/partnership.entity';
import type { PartnershipStatus } from '../../src/partnerships/partnership-status';
import { ProgramFacilitator } from '../../src/programs/program-facilitator.entity';
import { ProgramYear } from '../../src/programs/program-year.entity';
import { Program } from '../../src/programs/program.entity';
import { createOrganization, signedIn } from './factories';

type Http = ReturnType<typeof request>;
export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** Inserts a program of `companyId` directly (no API, no audit). */
export function insertProgram(ds: DataSource, companyId: string, fields: Partial<Program> = {}): Promise<Program> {
  return ds.getRepository(Program).save({ name: `Program ${Math.random().toString(36).slice(2, 8)}`, startYear: 2020, focusAreas: [], regionCodes: [], ...fields, companyId });
}

/** Inserts a year of a program directly; by default in planning, deadline in 30 days. */
export function insertProgramYear(ds: DataSource, programId: string, year: number, fields: Partial<ProgramYear> = {}): Promise<ProgramYear> {
  return ds.getRepository(ProgramYear).save({ theme: `Theme ${year}`, budgetEnvelope: '0', status: 'planning', planDeadline: isoDay(30), ...fields, programId, year });
}

/** Inserts the partnership of a school in a program directly. */
export function insertPartnership(ds: DataSource, program: Program, schoolId: string, status: PartnershipStatus = 'active'): Promise<Partnership> {
  return ds.getRepository(Partnership).save({ programId: program.id, companyId: program.companyId, schoolId, status });
}

/** Lets a facilitator organisation work in a program. */
export function addProgramFacilitator(ds: DataSource, programId: string, facilitatorId: string): Promise<ProgramFacilitator> {
  return ds.getRepository(ProgramFacilitator).save({ programId, facilitatorId });
}

/** A date `days` from today (negative: in the past), as YYYY-MM-DD. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Everyone around one school's partnership in one program, each signed in. */
export interface PlanWorld {
  company: Organization;
  school: Organization;
  office: Organization;
  facilitatorOrg: Organization;
  program: Program;
  year: ProgramYear;
  partnership: Partnership;
  principal: SignedIn;
  csr: SignedIn;
  facilitator: SignedIn;
  officer: SignedIn;
}

/**
 * A company with a program and a year (in planning, deadline in 30 days), a school of Kota
 * Banjarmasin with an active partnership in it, a facilitator organisation working in the program,
 * the city's education office, and a signed-in principal, CSR officer, facilitator and education officer.
 */
export async function planWorld(ds: DataSource, http: Http, options: { yearFields?: Partial<ProgramYear>; partnershipStatus?: PartnershipStatus } = {}): Promise<PlanWorld> {
  const company = await createOrganization(ds, 'company');
  const school = await createOrganization(ds, 'school', { regionCode: '63.71' });
  const office = await createOrganization(ds, 'education_office', { regionCode: '63.71', officeLevel: 'regency' });
  const facilitatorOrg = await createOrganization(ds, 'facilitator');
  const program = await insertProgram(ds, company.id);
  const year = await insertProgramYear(ds, program.id, 2026, options.yearFields);
  const partnership = await insertPartnership(ds, program, school.id, options.partnershipStatus ?? 'active');
  await addProgramFacilitator(ds, program.id, facilitatorOrg.id);
  return {
    company,
    school,
    office,
    facilitatorOrg,
    program,
    year,
    partnership,
    principal: await signedIn(ds, http, 'principal', { organization: school }),
    csr: await signedIn(ds, http, 'csr_officer', { organization: company }),
    facilitator: await signedIn(ds, http, 'facilitator', { organization: facilitatorOrg }),
    officer: await signedIn(ds, http, 'education_officer', { organization: office }),
  };
}

/** A template complete enough to submit: one literacy program with 2 activities, 3 budget lines, 2 indicators and a risk. */
export function completeContent(): Record<string, any> {
  return {
    workshop: {
      date: '2026-01-15',
      facilitatorName: 'Dewi Lestari',
      participants: { principal: 1, teachers: 18, educationStaff: 3, supervisors: 1, parents: 4 },
      reflectionNotes: 'Reading interest is low in grades 1-3.',
      needs: ['Reading corners', 'Teacher training'],
      opportunities: ['Parents as reading buddies'],
    },
    programs: [
      {
        topic: 'literacy',
        name: 'Gerakan Literasi Sekolah',
        goal: 'Every student of grades 1-3 reads fluently.',
        background: 'Low reading interest.',
        targetGroup: 'Grades 1-3',
        activities: [
          { name: 'Daily reading', startMonth: 2, endMonth: 11, personResponsible: 'Ibu Noor', expectedOutput: 'Reading logs' },
          { name: 'Reading corners', startMonth: 2, endMonth: 3, personResponsible: 'Pak Budi', expectedOutput: '12 corners' },
        ],
        budgetLines: [
          { item: 'Picture books', unit: 'book', quantity: 120, unitCost: 45000, fundingSource: 'stimulus_grant' },
          { item: 'Bookshelves', unit: 'shelf', quantity: 12, unitCost: '350000', total: '4200000', fundingSource: 'stimulus_grant' },
          { item: 'Teacher training snacks', quantity: 25, unitCost: 20000, fundingSource: 'school_budget_bos' },
        ],
        indicators: [
          { name: 'Fluent readers in grades 1-3', baseline: 40, target: '75', unit: '%' },
          { name: 'Books borrowed per month', baseline: '30', target: 150, unit: 'books' },
        ],
        risks: [{ risk: 'Little time besides teaching', mitigation: 'Reading time in the timetable' }],
      },
    ],
    planningDocuments: {
      rktReference: 'RKT 2026',
      rkasReference: 'RKAS 2026',
      lines: [{ document: 'RKAS', reference: '5.2.1', description: 'Pojok baca' }],
    },
  };
}
