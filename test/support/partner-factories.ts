import type { DataSource } from 'typeorm';
import type { Organization } from '../../src/organizations/organization.entity';
import { PartnerRecommendation } from '../../src/partner-requests/partner-recommendation.entity';
import { PartnerRequest } from '../../src/partner-requests/partner-request.entity';
import type { User } from '../../src/users/user.entity';
import { createOrganization, createUser } from './factories';

/** A date `days` from today (negative: in the past), as YYYY-MM-DD. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Inserts a partner request directly (no API, no audit), e.g. one already past its due date. Without
 * `companyId`/`educationOfficeId`/`createdByUserId` it makes a company, a regency office of the
 * request's region and a CSR officer.
 */
export async function insertPartnerRequest(ds: DataSource, fields: Partial<PartnerRequest> = {}): Promise<PartnerRequest> {
  const regionCode = fields.regionCode ?? '63.71';
  const companyId = fields.companyId ?? (await createOrganization(ds, 'company')).id;
  const educationOfficeId = fields.educationOfficeId ?? (await createOrganization(ds, 'education_office', { regionCode })).id;
  const createdByUserId = fields.createdByUserId ?? (await createUser(ds, 'csr_officer', { organization: { id: companyId } as Organization })).id;
  return ds.getRepository(PartnerRequest).save({
    regionCode,
    schoolLevels: [],
    schoolsWanted: 1,
    needTopics: [],
    dueDate: isoDay(30),
    status: 'open',
    ...fields,
    companyId,
    educationOfficeId,
    createdByUserId,
  });
}

/** Inserts a recommendation of `school` in `request` directly (by default pending, rank 1). */
export async function insertRecommendation(
  ds: DataSource,
  request: PartnerRequest,
  school: Organization,
  fields: Partial<PartnerRecommendation> & { recommendedBy?: User } = {},
): Promise<PartnerRecommendation> {
  const { recommendedBy, ...rest } = fields;
  const officer = recommendedBy ?? (await createUser(ds, 'education_officer', { organization: { id: request.educationOfficeId } as Organization }));
  return ds.getRepository(PartnerRecommendation).save({
    requestId: request.id,
    schoolId: school.id,
    rank: 1,
    rationale: 'Test rationale',
    decision: 'pending',
    recommendedByUserId: officer.id,
    ...rest,
  });
}

/** Makes `school` count as having an active CSR partner: another company accepted it from a recommendation. */
export async function giveActivePartner(ds: DataSource, school: Organization): Promise<PartnerRecommendation> {
  const request = await insertPartnerRequest(ds, { regionCode: school.regionCode ?? '63.71', status: 'closed' });
  return insertRecommendation(ds, request, school, { decision: 'accepted', decidedAt: new Date() });
}
