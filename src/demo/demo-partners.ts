import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { PartnerRecommendation } from '../partner-requests/partner-recommendation.entity';
import { PartnerRequest } from '../partner-requests/partner-request.entity';
import { User } from '../users/user.entity';
import { DEMO_IDS, DEMO_USERS, DemoStep } from './demo-ids';

/** Fixed ids of the partner-request demo records, so they can be tried from Swagger. */
export const PARTNER_DEMO_IDS = {
  request2012: '00000000-0000-4000-8000-000000000601',
  recommendation2012: '00000000-0000-4000-8000-000000000701',
  disasterRequest: '00000000-0000-4000-8000-000000000602',
} as const;

/** Who did the demo steps; the request id marks these audit lines as loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:partner-requests';

async function demoUser(manager: EntityManager, role: 'csr_officer' | 'education_officer'): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === role)?.email;
  if (!email) throw new Error(`the demo has no ${role}`);
  return manager.findOneOrFail(User, { where: { email } });
}

/**
 * The reference case: in 2012 PT Trakindo Utama asked Dinas Pendidikan Kota Banjarmasin for an
 * elementary school; the office recommended SDN Pelambuan 4 and the company accepted it. Plus an
 * open request due in the future, for a user to answer.
 */
export const partnersDemoStep: DemoStep = {
  name: 'demo:partner-requests',
  async run(manager) {
    const csr = await demoUser(manager, 'csr_officer');
    const officer = await demoUser(manager, 'education_officer');
    const asked = new Date('2012-02-01T01:00:00Z');
    const answered = new Date('2012-02-20T02:00:00Z');
    const accepted = new Date('2012-03-05T03:00:00Z');
    const criteria2012 = {
      companyId: DEMO_IDS.trakindo,
      educationOfficeId: DEMO_IDS.disdikBanjarmasin,
      programId: null,
      regionCode: '63.71',
      schoolLevels: ['SD'],
      schoolsWanted: 1,
      needTopics: ['teacher_training', 'literacy'],
      needsNote: 'Satu SD di Banjarmasin untuk memulai kemitraan jangka panjang, diawali pelatihan guru, lalu literasi.',
      dueDate: '2012-03-31',
    } satisfies Partial<PartnerRequest>;
    await manager.insert(PartnerRequest, {
      id: PARTNER_DEMO_IDS.request2012,
      ...criteria2012,
      status: 'closed',
      createdByUserId: csr.id,
      answeredByUserId: officer.id,
      answeredAt: answered,
      closedAt: accepted,
      createdAt: asked,
      updatedAt: accepted,
    });
    const rationale =
      'SDN Pelambuan 4 memiliki kepala sekolah dan guru yang berkomitmen memperbaiki cara mengajar, belum memiliki mitra CSR, dan jelas membutuhkan pelatihan guru, dimulai dari literasi.';
    await manager.insert(PartnerRecommendation, {
      id: PARTNER_DEMO_IDS.recommendation2012,
      requestId: PARTNER_DEMO_IDS.request2012,
      schoolId: DEMO_IDS.pelambuan4,
      rank: 1,
      rationale,
      decision: 'accepted',
      decidedByUserId: csr.id,
      decidedAt: accepted,
      recommendedByUserId: officer.id,
      createdAt: answered,
    });

    const [{ due }] = (await manager.query(`SELECT CAST(current_date + 60 AS text) AS due`)) as Array<{ due: string }>;
    const criteriaOpen = {
      companyId: DEMO_IDS.trakindo,
      educationOfficeId: DEMO_IDS.disdikBanjarmasin,
      programId: null,
      regionCode: '63.71',
      schoolLevels: ['SD'],
      schoolsWanted: 2,
      needTopics: ['disaster_preparedness'],
      needsNote: 'Dua SD untuk program inovasi kesiapsiagaan bencana: simulasi banjir dan kebakaran bersama siswa dan orang tua.',
      dueDate: due,
    } satisfies Partial<PartnerRequest>;
    await manager.insert(PartnerRequest, { id: PARTNER_DEMO_IDS.disasterRequest, ...criteriaOpen, status: 'open', createdByUserId: csr.id });

    const company = { actorUserId: csr.id, actorOrganizationId: DEMO_IDS.trakindo, requestId: SEED_REQUEST_ID };
    const office = { actorUserId: officer.id, actorOrganizationId: DEMO_IDS.disdikBanjarmasin, requestId: SEED_REQUEST_ID };
    const events: Array<Partial<AuditEvent>> = [
      { ...company, occurredAt: asked, action: 'create', entityType: 'partner_request', entityId: PARTNER_DEMO_IDS.request2012, changes: { ...criteria2012, status: 'open' } },
      {
        ...office,
        occurredAt: answered,
        action: 'create',
        entityType: 'partner_recommendation',
        entityId: PARTNER_DEMO_IDS.recommendation2012,
        changes: { requestId: PARTNER_DEMO_IDS.request2012, schoolId: DEMO_IDS.pelambuan4, schoolName: 'SDN Pelambuan 4 Banjarmasin', rank: 1, rationale },
      },
      {
        ...office,
        occurredAt: answered,
        action: 'state_change',
        entityType: 'partner_request',
        entityId: PARTNER_DEMO_IDS.request2012,
        changes: { status: { from: 'open', to: 'answered' }, answeredByUserId: officer.id, schoolsRecommended: 1 },
      },
      {
        ...company,
        occurredAt: accepted,
        action: 'state_change',
        entityType: 'partner_recommendation',
        entityId: PARTNER_DEMO_IDS.recommendation2012,
        changes: { requestId: PARTNER_DEMO_IDS.request2012, schoolId: DEMO_IDS.pelambuan4, schoolName: 'SDN Pelambuan 4 Banjarmasin', decision: { from: 'pending', to: 'accepted' } },
      },
      {
        ...company,
        occurredAt: accepted,
        action: 'state_change',
        entityType: 'partner_request',
        entityId: PARTNER_DEMO_IDS.request2012,
        changes: { status: { from: 'answered', to: 'closed' }, because: 'every recommended school was accepted or declined' },
      },
      { ...company, action: 'create', entityType: 'partner_request', entityId: PARTNER_DEMO_IDS.disasterRequest, changes: { ...criteriaOpen, status: 'open' } },
    ];
    // One statement, so the ids (the tie-breaker of equal times) follow the order above.
    await manager.insert(AuditEvent, events as Array<QueryDeepPartialEntity<AuditEvent>>);
  },
};
