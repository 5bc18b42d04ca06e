import { randomBytes } from 'node:crypto';
import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { MouAmendment } from '../../src/mous/mou-amendment.entity';
import { MouParty } from '../../src/mous/mou-party.entity';
import { MouSignature } from '../../src/mous/mou-signature.entity';
import { Mou } from '../../src/mous/mou.entity';
import type { Organization } from '../../src/organizations/organization.entity';
import { PartnershipEvent } from '../../src/partnerships/partnership-event.entity';
import type { PartnershipStatus } from '../../src/partnerships/partnership-status';
import { PartnershipYear } from '../../src/partnerships/partnership-year.entity';
import { Partnership } from '../../src/partnerships/partnership.entity';
import { ProgramFacilitator } from '../../src/programs/program-facilitator.entity';
import { ProgramYear } from '../../src/programs/program-year.entity';
import { Program } from '../../src/programs/program.entity';
import { createOrganization, signedIn } from './factories';

const unique = () => randomBytes(4).toString('hex');

type Http = ReturnType<typeof request>;
export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** A company with a signed-in CSR officer. */
export async function companyWithCsr(ds: DataSource, http: Http): Promise<{ company: Organization; csr: SignedIn }> {
  const company = await createOrganization(ds, 'company');
  const csr = await signedIn(ds, http, 'csr_officer', { organization: company });
  return { company, csr };
}

/** Inserts a program of `companyId` directly (no API, no audit); `facilitatorIds` work in it. */
export async function insertProgram(ds: DataSource, companyId: string, fields: Partial<Program> & { facilitatorIds?: string[] } = {}): Promise<Program> {
  const { facilitatorIds = [], ...rest } = fields;
  const program = await ds.getRepository(Program).save({ companyId, name: `Program ${unique()}`, startYear: 2012, endYear: null, focusAreas: [], regionCodes: [], ...rest });
  if (facilitatorIds.length > 0) await ds.getRepository(ProgramFacilitator).insert(facilitatorIds.map((facilitatorId) => ({ programId: program.id, facilitatorId })));
  return program;
}

/** Inserts a year of a program directly, in planning unless told otherwise. */
export function insertProgramYear(ds: DataSource, programId: string, year: number, fields: Partial<ProgramYear> = {}): Promise<ProgramYear> {
  return ds.getRepository(ProgramYear).save({ programId, year, theme: `Theme of ${year}`, budgetEnvelope: '0', status: 'planning', ...fields });
}

/** One status change to write directly into a partnership's history. */
export interface StatusStep {
  to: PartnershipStatus;
  on: string;
  reason?: string;
}

/**
 * Inserts a partnership of `program` with `school` directly, with its status history: `history`
 * lists each change in order (the first is the opening). Its status and dates follow the history.
 */
export async function insertPartnership(ds: DataSource, program: Program, school: Organization, history: StatusStep[] = [{ to: 'active', on: '2012-03-10' }], fields: Partial<Partnership> = {}): Promise<Partnership> {
  const last = history[history.length - 1];
  const firstActive = history.find((h) => h.to === 'active');
  const partnership = await ds.getRepository(Partnership).save({
    programId: program.id,
    companyId: program.companyId,
    schoolId: school.id,
    status: last.to,
    startedOn: firstActive?.on ?? null,
    endedOn: last.to === 'ended' ? last.on : null,
    statusReason: last.to === 'paused' || last.to === 'ended' ? (last.reason ?? null) : null,
    ...fields,
  });
  let from: PartnershipStatus | null = null;
  // Distinct creation times keep changes of one day in the order given.
  const base = Date.parse('2000-01-01T00:00:00Z');
  for (const [i, step] of history.entries()) {
    await ds.getRepository(PartnershipEvent).insert({ partnershipId: partnership.id, fromStatus: from, toStatus: step.to, occurredOn: step.on, reason: step.reason ?? null, createdAt: new Date(base + i * 1000) });
    from = step.to;
  }
  return partnership;
}

/** Puts program years in a partnership's explicit cohort directly. */
export async function insertCohortYears(ds: DataSource, partnershipId: string, programYearIds: string[]): Promise<void> {
  await ds.getRepository(PartnershipYear).insert(programYearIds.map((programYearId) => ({ partnershipId, programYearId })));
}

/** A party's signature on an MoU or amendment: who, and when (an instant, e.g. '2012-03-10T03:00:00Z'). */
export interface Signing {
  organizationId: string;
  userId: string;
  at: string;
}

/**
 * Inserts an MoU of a partnership directly, as the MoU module would leave it: `parties` (by default
 * the signers, each with a required signature) and a signature per entry of `signedBy`; the last
 * signature is its signing date.
 */
export async function insertMou(
  ds: DataSource,
  partnership: Partnership,
  fields: Partial<Mou> & { number: string; effectiveDate: string; expiryDate: string; signedBy: Signing[]; parties?: string[] },
): Promise<Mou> {
  const { signedBy, parties = signedBy.map((s) => s.organizationId), ...rest } = fields;
  const createdByUserId = signedBy[0]?.userId;
  const mou = await ds.getRepository(Mou).save({ partnershipId: partnership.id, title: `Cooperation ${fields.number}`, scope: 'Teacher training and school development', status: 'active', createdByUserId, ...rest });
  const roles = ['first_party', 'second_party', 'witness', 'supporting'] as const;
  if (parties.length > 0) {
    await ds.getRepository(MouParty).insert(parties.map((organizationId, i) => ({ mouId: mou.id, organizationId, role: roles[Math.min(i, roles.length - 1)], signatureRequired: true })));
  }
  for (const s of signedBy) {
    await ds.getRepository(MouSignature).insert({ mouId: mou.id, organizationId: s.organizationId, signedByUserId: s.userId, signedAt: new Date(s.at) });
  }
  return mou;
}

/** Inserts an amendment of an MoU directly, with its signatures. */
export async function insertAmendment(
  ds: DataSource,
  mou: Mou,
  fields: Partial<MouAmendment> & { number: number; summary: string; signedBy: Signing[] },
): Promise<MouAmendment> {
  const { signedBy, ...rest } = fields;
  const amendment = await ds.getRepository(MouAmendment).save({ mouId: mou.id, status: 'active', createdByUserId: signedBy[0]?.userId ?? mou.createdByUserId, ...rest });
  for (const s of signedBy) {
    await ds.getRepository(MouSignature).insert({ mouId: mou.id, amendmentId: amendment.id, organizationId: s.organizationId, signedByUserId: s.userId, signedAt: new Date(s.at) });
  }
  return amendment;
}
