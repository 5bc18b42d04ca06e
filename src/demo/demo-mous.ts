import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from '../audit/audit-event.entity';
import { MouAmendment } from '../mous/mou-amendment.entity';
import { MouObligation } from '../mous/mou-obligation.entity';
import { MouParty } from '../mous/mou-party.entity';
import { MouSignature } from '../mous/mou-signature.entity';
import { addDays, daysBetween, reminderStep } from '../mous/mou-status';
import type { MouPartyRole, MouStatus } from '../mous/mou-status';
import { Mou } from '../mous/mou.entity';
import { Notification } from '../notifications/notification.entity';
import { User } from '../users/user.entity';
// DEMO_IDS and DEMO_USERS are read only inside run(), never while this module loads, so demo.ts
// may import this step back without either module seeing the other half-loaded.
import { DEMO_IDS, DEMO_USERS } from './demo-ids';
import type { DemoStep } from './demo-ids';

/** Fixed ids of the MoU demo records, so they can be tried from Swagger. */
export const MOU_DEMO_IDS = {
  /** SDN Pelambuan 4's chain: 2012–2015, 2015–2018 (amended once), 2018–2021, 2021–2024, 2024–2027 (in force). */
  pelambuan4: [
    '00000000-0000-4000-8000-000000000a01',
    '00000000-0000-4000-8000-000000000a02',
    '00000000-0000-4000-8000-000000000a03',
    '00000000-0000-4000-8000-000000000a04',
    '00000000-0000-4000-8000-000000000a05',
  ],
  amendment2016: '00000000-0000-4000-8000-000000000a11',
  /** The MoU of a school whose partnership ended, terminated on that day. */
  terminated: '00000000-0000-4000-8000-000000000a06',
} as const;

/** The request id of the audit lines and signatures this step writes: loaded, not made through the API. */
const SEED_REQUEST_ID = 'demo:mous';

type Role = (typeof DEMO_USERS)[number]['role'];

async function demoUser(manager: EntityManager, role: Role): Promise<User> {
  const email = DEMO_USERS.find((u) => u.role === role)?.email;
  if (!email) throw new Error(`the demo has no ${role}`);
  return manager.findOneOrFail(User, { where: { email } });
}

/** The same month and day `years` later (29 February becomes 1 March). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * The principal who signed for a school that has left the program: its principal user if it has one,
 * otherwise one added for the demo, disabled since the partnership ended (they cannot sign in, and
 * the daily job does not remind them).
 */
async function formerPrincipal(manager: EntityManager, schoolId: string, endedOn: string): Promise<User> {
  const existing = await manager.findOne(User, { where: { organizationId: schoolId, role: 'principal' } });
  if (existing) return existing;
  const [school] = (await manager.query('SELECT name, npsn, principal_name AS "principalName" FROM organizations WHERE id = $1', [schoolId])) as Array<{ name: string; npsn: string | null; principalName: string | null }>;
  const result = await manager.insert(User, {
    organizationId: schoolId,
    email: `principal.${school.npsn ?? schoolId.slice(-12)}@demo-school.example`,
    fullName: `${school.principalName ?? 'Kepala Sekolah'} (Kepala Sekolah, ${school.name})`,
    role: 'principal',
    passwordHash: null,
    disabledAt: new Date(`${endedOn}T09:00:00Z`),
  });
  return manager.findOneOrFail(User, { where: { id: (result.identifiers[0] as { id: string }).id } });
}

const at = (date: string, hour = 2) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** One MoU of the demo and what happened to it. */
interface DemoMou {
  id: string;
  partnershipId: string;
  number: string;
  title: string;
  scope: string;
  effectiveDate: string;
  expiryDate: string;
  status: MouStatus;
  renewsMouId: string | null;
  terminatedOn?: string;
  terminationReason?: string;
  parties: Array<{ organizationId: string; role: MouPartyRole; signer: User }>;
  obligations: Array<{ owner: string; text: string; dueDate?: string }>;
}

/** The obligations each period of the Pelambuan 4 partnership carried, by its first year. */
function pelambuanObligations(first: number): DemoMou['obligations'] {
  const grant = 150 + (first - 2012) * 10;
  return [
    { owner: DEMO_IDS.trakindo, text: `Memberikan dana stimulus tahunan sekitar Rp ${grant} juta untuk program inovasi sekolah yang telah disetujui.`, dueDate: `${first}-06-30` },
    { owner: DEMO_IDS.trakindo, text: 'Mendukung sarana dan prasarana sekolah melalui CSR, sesuai kesepakatan tahunan dengan sekolah.' },
    { owner: DEMO_IDS.pelambuan4, text: 'Memasukkan program kemitraan ke dalam program kerja sekolah, Rencana Kerja Tahunan (RKT), serta Rencana Kegiatan dan Anggaran Sekolah (RKAS).', dueDate: `${first}-07-31` },
    { owner: DEMO_IDS.pelambuan4, text: 'Mengikuti lokakarya perencanaan tahunan bersama kepala sekolah, guru dan pengawas sekolah, serta melaporkan pelaksanaan program pada akhir tahun.' },
    { owner: DEMO_IDS.disdikBanjarmasin, text: 'Memastikan kerja sama sejalan dengan kebijakan pendidikan, serta melibatkan pengawas sekolah.' },
    { owner: DEMO_IDS.edukasi101, text: 'Memandu lokakarya perencanaan dua hari dengan templat program fasilitator, lalu mendampingi sekolah sepanjang tahun.' },
  ];
}

/**
 * The MoUs of the reference case: SDN Pelambuan 4's chain of renewals since 2012 (the older ones
 * superseded, the 2015 one amended once, the 2024–2027 one in force and expiring within the year),
 * signed by the demo users of the four parties; a terminated MoU for the school whose partnership
 * ended; and the CSR officer's reminder of the coming expiry. Runs after the programs step, whose
 * partnerships it needs.
 */
export const mousDemoStep: DemoStep = {
  name: 'demo:mous',
  async run(manager) {
    const [partnership] = (await manager.query(
      `SELECT id FROM partnerships WHERE school_id = $1 AND company_id = $2 ORDER BY created_at LIMIT 1`,
      [DEMO_IDS.pelambuan4, DEMO_IDS.trakindo],
    )) as Array<{ id: string }>;
    if (!partnership) {
      throw new Error("demo:mous needs the partnership of SDN Pelambuan 4 and PT Trakindo Utama: load the programs demo step (demo:programs) before this one");
    }
    const csr = await demoUser(manager, 'csr_officer');
    const principal = await demoUser(manager, 'principal');
    const officer = await demoUser(manager, 'education_officer');
    const facilitator = await demoUser(manager, 'facilitator');
    const fourParties: DemoMou['parties'] = [
      { organizationId: DEMO_IDS.trakindo, role: 'first_party', signer: csr },
      { organizationId: DEMO_IDS.pelambuan4, role: 'second_party', signer: principal },
      { organizationId: DEMO_IDS.disdikBanjarmasin, role: 'witness', signer: officer },
      { organizationId: DEMO_IDS.edukasi101, role: 'supporting', signer: facilitator },
    ];

    const chain: DemoMou[] = MOU_DEMO_IDS.pelambuan4.map((id, i) => {
      const first = 2012 + 3 * i;
      const last = i === MOU_DEMO_IDS.pelambuan4.length - 1;
      const effectiveDate = `${first}-03-12`;
      return {
        id,
        partnershipId: partnership.id,
        number: `00${i + 1}/TU-CSR/MOU/III/${first}`,
        title: `Nota Kesepahaman Program Generasi Trakindo ${first}–${first + 3}: PT Trakindo Utama dan SDN Pelambuan 4 Banjarmasin`,
        scope:
          i === 0
            ? 'Pelatihan guru serta visi dan misi sekolah sebagai awal kemitraan jangka panjang; lokakarya perencanaan tahunan, dana stimulus dan pendampingan.'
            : 'Program Generasi Trakindo di SDN Pelambuan 4: tema tahunan yang dipilih bersama sekolah, lokakarya perencanaan dua hari, dana stimulus untuk rencana yang disetujui, pendampingan selama satu tahun dan kompetisi inovasi antarsekolah mitra.',
        effectiveDate,
        expiryDate: addDays(addYears(effectiveDate, 3), -1),
        status: last ? 'active' : 'superseded',
        renewsMouId: i === 0 ? null : MOU_DEMO_IDS.pelambuan4[i - 1],
        parties: fourParties,
        obligations: pelambuanObligations(first),
      };
    });

    const ended = (await manager.query(
      `SELECT p.id, p.school_id AS "schoolId", CAST(p.started_on AS text) AS "startedOn", CAST(p.ended_on AS text) AS "endedOn", p.status_reason AS reason,
              s.name AS "schoolName", (s.region_code = o.region_code OR s.region_code LIKE o.region_code || '.%') AS "officeCovers"
         FROM partnerships p
         JOIN organizations s ON s.id = p.school_id
         JOIN organizations o ON o.id = $2
        WHERE p.company_id = $1 AND p.status = 'ended' AND p.ended_on IS NOT NULL
        ORDER BY "officeCovers" DESC, p.ended_on DESC, p.id
        LIMIT 1`,
      [DEMO_IDS.trakindo, DEMO_IDS.disdikBanjarmasin],
    )) as Array<{ id: string; schoolId: string; startedOn: string | null; endedOn: string; reason: string | null; schoolName: string; officeCovers: boolean }>;
    const mous = [...chain];
    if (ended[0]) {
      const p = ended[0];
      // The three-year period (counted from the start of the partnership) in which it ended.
      let effectiveDate = p.startedOn ?? addYears(p.endedOn, -1);
      while (addYears(effectiveDate, 3) <= p.endedOn) effectiveDate = addYears(effectiveDate, 3);
      const parties: DemoMou['parties'] = [
        { organizationId: DEMO_IDS.trakindo, role: 'first_party', signer: csr },
        { organizationId: p.schoolId, role: 'second_party', signer: await formerPrincipal(manager, p.schoolId, p.endedOn) },
        ...(p.officeCovers ? [{ organizationId: DEMO_IDS.disdikBanjarmasin, role: 'witness' as const, signer: officer }] : []),
      ];
      mous.push({
        id: MOU_DEMO_IDS.terminated,
        partnershipId: p.id,
        number: `00${Number(effectiveDate.slice(0, 4)) - 2000}/TU-CSR/MOU/III/${effectiveDate.slice(0, 4)}-B`,
        title: `Nota Kesepahaman Program Generasi Trakindo: PT Trakindo Utama dan ${p.schoolName}`,
        scope: 'Program Generasi Trakindo di sekolah: lokakarya perencanaan tahunan, dana stimulus, pendampingan dan kompetisi inovasi.',
        effectiveDate,
        expiryDate: addDays(addYears(effectiveDate, 3), -1),
        status: 'terminated',
        renewsMouId: null,
        terminatedOn: p.endedOn,
        terminationReason: p.reason ?? 'Kemitraan diakhiri atas kesepakatan bersama.',
        parties,
        obligations: [
          { owner: DEMO_IDS.trakindo, text: 'Memberikan dana stimulus tahunan untuk program inovasi sekolah yang telah disetujui.' },
          { owner: p.schoolId, text: 'Memasukkan program kemitraan ke dalam RKT dan RKAS, serta melaporkan pelaksanaannya pada akhir tahun.' },
        ],
      });
    }

    const company = { actorUserId: csr.id, actorOrganizationId: DEMO_IDS.trakindo, requestId: SEED_REQUEST_ID };
    const audit: Array<Partial<AuditEvent>> = [];
    for (const m of mous) {
      const drafted = addDays(m.effectiveDate, -30);
      await manager.insert(Mou, {
        id: m.id,
        partnershipId: m.partnershipId,
        number: m.number,
        title: m.title,
        scope: m.scope,
        effectiveDate: m.effectiveDate,
        expiryDate: m.expiryDate,
        status: m.status,
        terminatedOn: m.terminatedOn ?? null,
        terminationReason: m.terminationReason ?? null,
        renewsMouId: m.renewsMouId,
        createdByUserId: csr.id,
        version: 1,
        createdAt: at(drafted),
        updatedAt: at(m.effectiveDate),
      });
      await manager.insert(
        MouParty,
        m.parties.map((p) => ({ mouId: m.id, organizationId: p.organizationId, role: p.role, signatureRequired: true })),
      );
      await manager.insert(
        MouObligation,
        m.obligations.map((o, i) => ({ mouId: m.id, ownerOrganizationId: o.owner, text: o.text, dueDate: o.dueDate ?? null, position: i + 1 })),
      );
      await manager.insert(
        MouSignature,
        m.parties.map((p, i) => ({ mouId: m.id, organizationId: p.organizationId, signedByUserId: p.signer.id, signedAt: at(addDays(m.effectiveDate, -10 + i)), requestId: SEED_REQUEST_ID })),
      );
      audit.push({ ...company, occurredAt: at(drafted), action: 'create', entityType: 'mou', entityId: m.id, changes: { number: m.number, partnershipId: m.partnershipId, effectiveDate: m.effectiveDate, expiryDate: m.expiryDate, renewsMouId: m.renewsMouId, status: 'draft' } });
      audit.push({ ...company, occurredAt: at(addDays(drafted, 5)), action: 'state_change', entityType: 'mou', entityId: m.id, changes: { status: { from: 'draft', to: 'awaiting_signatures' } } });
      for (const [i, p] of m.parties.entries()) {
        audit.push({ actorUserId: p.signer.id, actorOrganizationId: p.signer.organizationId, requestId: SEED_REQUEST_ID, occurredAt: at(addDays(m.effectiveDate, -10 + i)), action: 'sign', entityType: 'mou', entityId: m.id, changes: { organizationId: p.organizationId, role: p.role } });
      }
      audit.push({ actorUserId: null, actorOrganizationId: null, requestId: SEED_REQUEST_ID, occurredAt: at(m.effectiveDate, 0), action: 'state_change', entityType: 'mou', entityId: m.id, changes: { status: { from: 'awaiting_signatures', to: 'active' }, on: m.effectiveDate } });
      if (m.status === 'terminated') {
        audit.push({ ...company, occurredAt: at(m.terminatedOn as string), action: 'state_change', entityType: 'mou', entityId: m.id, changes: { status: { from: 'active', to: 'terminated' }, terminatedOn: m.terminatedOn, terminationReason: m.terminationReason } });
      }
    }
    for (const [i, m] of chain.entries()) {
      const next = chain[i + 1];
      if (next) {
        audit.push({ actorUserId: null, actorOrganizationId: null, requestId: SEED_REQUEST_ID, occurredAt: at(next.effectiveDate, 0), action: 'state_change', entityType: 'mou', entityId: m.id, changes: { status: { from: 'active', to: 'superseded' }, on: next.effectiveDate, supersededBy: next.id } });
      }
    }

    // The 2015–2018 MoU was amended once, in 2016, to add the literacy innovation program.
    const amended = chain[1];
    await manager.insert(MouAmendment, {
      id: MOU_DEMO_IDS.amendment2016,
      mouId: amended.id,
      number: 1,
      summary: 'Menambahkan program inovasi literasi (setiap kelas menjadi komunitas literasi) dan dana pojok baca untuk 2016 dan 2017.',
      newExpiryDate: null,
      status: 'active',
      createdByUserId: csr.id,
      createdAt: at('2016-06-01'),
    });
    await manager.insert(MouObligation, [
      { mouId: amended.id, amendmentId: MOU_DEMO_IDS.amendment2016, ownerOrganizationId: DEMO_IDS.trakindo, text: 'Mendanai pojok baca di setiap ruang kelas.', dueDate: '2016-09-30', position: 7 },
      { mouId: amended.id, amendmentId: MOU_DEMO_IDS.amendment2016, ownerOrganizationId: DEMO_IDS.pelambuan4, text: 'Melaksanakan pembiasaan membaca 15 menit setiap hari di setiap kelas dan melaporkan jurnal membaca setiap semester.', position: 8 },
    ]);
    await manager.insert(
      MouSignature,
      fourParties.map((p, i) => ({ mouId: amended.id, amendmentId: MOU_DEMO_IDS.amendment2016, organizationId: p.organizationId, signedByUserId: p.signer.id, signedAt: at(addDays('2016-06-10', i)), requestId: SEED_REQUEST_ID })),
    );
    audit.push({ ...company, occurredAt: at('2016-06-01'), action: 'create', entityType: 'mou_amendment', entityId: MOU_DEMO_IDS.amendment2016, changes: { mouId: amended.id, number: 1, status: 'awaiting_signatures' } });
    audit.push({ actorUserId: facilitator.id, actorOrganizationId: DEMO_IDS.edukasi101, requestId: SEED_REQUEST_ID, occurredAt: at('2016-06-13'), action: 'state_change', entityType: 'mou_amendment', entityId: MOU_DEMO_IDS.amendment2016, changes: { mouId: amended.id, status: { from: 'awaiting_signatures', to: 'active' } } });
    await manager.insert(AuditEvent, audit as Array<QueryDeepPartialEntity<AuditEvent>>);

    // The CSR officer's reminder of the coming expiry of the MoU in force, as the daily job writes it.
    const current = chain[chain.length - 1];
    const today = new Date().toISOString().slice(0, 10);
    const left = daysBetween(today, current.expiryDate);
    const step = reminderStep(current.expiryDate, today) ?? 90;
    await manager.insert(Notification, {
      userId: csr.id,
      kind: 'mou_expiring',
      title: left >= 0 ? `MoU ${current.number} expires in ${left} days` : `MoU ${current.number} reached its expiry date`,
      body:
        `MoU ${current.number} "${current.title}" with SDN Pelambuan 4 Banjarmasin is in force until ${current.expiryDate}. Prepare its renewal in time. ` +
        `— MoU ${current.number} dengan SDN Pelambuan 4 Banjarmasin berlaku sampai ${current.expiryDate}. Siapkan perpanjangannya tepat waktu.`,
      entityType: 'mou',
      entityId: current.id,
      params: { number: current.number, title: current.title, schoolName: 'SDN Pelambuan 4 Banjarmasin', expiryDate: current.expiryDate, daysLeft: left },
      dedupeKey: `mou_expiring:${current.id}:${current.expiryDate}:${step}`,
    });
  },
};
