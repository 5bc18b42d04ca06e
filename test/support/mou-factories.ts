import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock';
import type { Organization } from '../../src/organizations/organization.entity';
import type { PartnershipStatus } from '../../src/partnerships/partnership-status';
import type { TestApp } from './app';
import { createOrganization, signedIn } from './factories';

export type SignedIn = Awaited<ReturnType<typeof signedIn>>;

/** A fresh folder for the document storage of one test file. */
export function tempDocumentsDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'jalin-docs-')), 'documents');
}

/**
 * Fixes the app's Clock at `date` (YYYY-MM-DD, mid-morning UTC) until the next call; every rule
 * that asks for "today" (activation, expiry, reminders, expiringWithinDays) sees that day.
 */
export function fixToday(t: TestApp, date: string): void {
  const clock = t.app.get(Clock);
  jest.restoreAllMocks();
  jest.spyOn(clock, 'now').mockReturnValue(new Date(`${date}T03:00:00.000Z`));
}

/** Inserts a program of `companyId` directly (no API, no audit). */
export async function insertProgram(ds: DataSource, companyId: string, name = 'Generasi Test'): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO programs (company_id, name, start_year) VALUES ($1, $2, 2012) RETURNING id`, [companyId, name])) as Array<{ id: string }>;
  return id;
}

/** Inserts a partnership of a program's company and a school directly. */
export async function insertPartnership(ds: DataSource, fields: { programId: string; companyId: string; schoolId: string; status?: PartnershipStatus }): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO partnerships (program_id, company_id, school_id, status, started_on) VALUES ($1, $2, $3, $4, '2012-03-01') RETURNING id`, [
    fields.programId,
    fields.companyId,
    fields.schoolId,
    fields.status ?? 'active',
  ])) as Array<{ id: string }>;
  return id;
}

/** Makes a facilitator organisation work in a program. */
export async function addProgramFacilitator(ds: DataSource, programId: string, facilitatorId: string): Promise<void> {
  await ds.query('INSERT INTO program_facilitators (program_id, facilitator_id) VALUES ($1, $2)', [programId, facilitatorId]);
}

/** A company, a school, the city education office, a facilitator of the program, their partnership and one signed-in user each. */
export interface MouWorld {
  company: Organization;
  school: Organization;
  office: Organization;
  facilitator: Organization;
  programId: string;
  partnershipId: string;
  csr: SignedIn;
  principal: SignedIn;
  officer: SignedIn;
  facilitatorUser: SignedIn;
}

/** Builds a MouWorld: the reference case in miniature, in a Banjarmasin school (63.71). */
export async function mouWorld(t: TestApp, options: { partnershipStatus?: PartnershipStatus; regionCode?: string } = {}): Promise<MouWorld> {
  const regionCode = options.regionCode ?? '63.71';
  const company = await createOrganization(t.dataSource, 'company');
  const school = await createOrganization(t.dataSource, 'school', { regionCode });
  const office = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'regency', regionCode });
  const facilitator = await createOrganization(t.dataSource, 'facilitator');
  const programId = await insertProgram(t.dataSource, company.id);
  await addProgramFacilitator(t.dataSource, programId, facilitator.id);
  const partnershipId = await insertPartnership(t.dataSource, { programId, companyId: company.id, schoolId: school.id, status: options.partnershipStatus });
  return {
    company,
    school,
    office,
    facilitator,
    programId,
    partnershipId,
    csr: await signedIn(t.dataSource, t.http, 'csr_officer', { organization: company }),
    principal: await signedIn(t.dataSource, t.http, 'principal', { organization: school }),
    officer: await signedIn(t.dataSource, t.http, 'education_officer', { organization: office }),
    facilitatorUser: await signedIn(t.dataSource, t.http, 'facilitator', { organization: facilitator }),
  };
}

let numberCounter = 0;
/** A fresh MoU number. */
export const nextMouNumber = () => `${String(++numberCounter).padStart(3, '0')}/TEST/MOU/${process.pid}/${Math.random().toString(36).slice(2, 8)}`;

/** A valid create body for the world's partnership: four parties that all sign, one obligation each of company (due on the effective date) and school. */
export function mouBody(w: MouWorld, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const effectiveDate = (extra.effectiveDate as string | undefined) ?? '2026-01-01';
  return {
    partnershipId: w.partnershipId,
    number: nextMouNumber(),
    title: 'Nota Kesepahaman Program Generasi Test',
    scope: 'Teacher training and literacy innovation.',
    effectiveDate: '2026-01-01',
    expiryDate: '2028-12-31',
    parties: [
      { organizationId: w.company.id, role: 'first_party' },
      { organizationId: w.school.id, role: 'second_party' },
      { organizationId: w.office.id, role: 'witness' },
      { organizationId: w.facilitator.id, role: 'supporting' },
    ],
    obligations: [
      { ownerOrganizationId: w.company.id, text: 'Provide an annual stimulus grant.', dueDate: effectiveDate },
      { ownerOrganizationId: w.school.id, text: 'Write the partnership into the RKT and RKAS.' },
    ],
    ...extra,
  };
}

/** Drafts an MoU through the API and returns its detail. */
export async function draftMou(t: TestApp, w: MouWorld, extra: Record<string, unknown> = {}): Promise<MouDetail> {
  const res = await t.http.post('/api/v1/mous').set('Authorization', w.csr.auth).send(mouBody(w, extra));
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MouDetail;
}

/** Every signer of the world, in the order a real MoU is usually signed. */
export const signers = (w: MouWorld): SignedIn[] => [w.csr, w.principal, w.officer, w.facilitatorUser];

/** Submits an MoU and has every party sign it through the API; returns the detail after the last signature. */
export async function submitAndSign(t: TestApp, w: MouWorld, id: string, who: SignedIn[] = signers(w)): Promise<MouDetail> {
  const submitted = await t.http.post(`/api/v1/mous/${id}/submit`).set('Authorization', w.csr.auth);
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  let last = submitted.body as MouDetail;
  for (const s of who) {
    const res = await t.http.post(`/api/v1/mous/${id}/sign`).set('Authorization', s.auth);
    if (res.status !== 200) throw new Error(`sign by ${s.user.role} failed: ${res.status} ${JSON.stringify(res.body)}`);
    last = res.body as MouDetail;
  }
  return last;
}

/** Drafts, submits and has every party sign an MoU (active when its effective date is today or earlier). */
export async function signedMou(t: TestApp, w: MouWorld, extra: Record<string, unknown> = {}): Promise<MouDetail> {
  const draft = await draftMou(t, w, extra);
  return submitAndSign(t, w, draft.id);
}

/** Inserts an MoU row directly in any status, with the world's company and school as parties (no API, no audit). */
export async function insertMou(
  ds: DataSource,
  w: MouWorld,
  fields: { status: string; effectiveDate: string; expiryDate: string; renewsMouId?: string | null; number?: string },
): Promise<string> {
  const [{ id }] = (await ds.query(
    `INSERT INTO mous (partnership_id, number, title, scope, effective_date, expiry_date, status, renews_mou_id, created_by_user_id)
     VALUES ($1, $2, 'Inserted MoU', 'Scope', $3, $4, $5, $6, $7) RETURNING id`,
    [w.partnershipId, fields.number ?? nextMouNumber(), fields.effectiveDate, fields.expiryDate, fields.status, fields.renewsMouId ?? null, w.csr.user.id],
  )) as Array<{ id: string }>;
  await ds.query(`INSERT INTO mou_parties (mou_id, organization_id, role) VALUES ($1, $2, 'first_party'), ($1, $3, 'second_party')`, [id, w.company.id, w.school.id]);
  return id;
}

/** Records the signatures of the world's company and school on an inserted MoU. */
export async function insertSignatures(ds: DataSource, w: MouWorld, mouId: string): Promise<void> {
  await ds.query(
    `INSERT INTO mou_signatures (mou_id, organization_id, signed_by_user_id) VALUES ($1, $2, $3), ($1, $4, $5)`,
    [mouId, w.company.id, w.csr.user.id, w.school.id, w.principal.user.id],
  );
}

/** The detail of an MoU as the API returns it (the parts the tests read). */
export interface MouDetail {
  id: string;
  number: string;
  status: string;
  version: number;
  effectiveDate: string;
  expiryDate: string;
  daysToExpiry: number;
  renewsMouId: string | null;
  renewedByMouId: string | null;
  previousMouId: string | null;
  nextMouId: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  parties: Array<{ organization: { id: string; name: string; type: string }; role: string; signatureRequired: boolean; signature: { signedBy: { id: string; fullName: string | null }; signedAt: string; requestId: string | null } | null }>;
  pendingSignatures: Array<{ id: string; name: string }>;
  obligations: Array<{ id: string; owner: { id: string }; text: string; dueDate: string | null; amendmentId: string | null }>;
  amendments: Array<{ id: string; number: number; status: string; newExpiryDate: string | null; signatures: Array<{ organization: { id: string } }>; pendingSignatures: Array<{ id: string }>; obligations: Array<{ text: string }> }>;
  documents: Array<{ id: string; kind: string; filename: string; contentType: string; sizeBytes: number; sha256: string }>;
  chain: Array<{ id: string; number: string; status: string }>;
}
