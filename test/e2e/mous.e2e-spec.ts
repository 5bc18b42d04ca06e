import { DEMO_IDS, DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { MOU_DEMO_IDS, mousDemoStep } from '../../src/demo/demo-mous';
import { programsDemoStep } from '../../src/demo/demo-programs';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, login, signedIn } from '../support/factories';
import {
  addProgramFacilitator,
  draftMou,
  fixToday,
  insertPartnership,
  insertProgram,
  mouBody,
  MouDetail,
  mouWorld,
  MouWorld,
  nextMouNumber,
  SignedIn,
  signedMou,
  submitAndSign,
  tempDocumentsDir,
} from '../support/mou-factories';

const BASE = '/api/v1/mous';
const TODAY = '2026-03-01';

describe('MoUs', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp({ env: { DOCUMENTS_DIR: tempDocumentsDir() } });
    admin = await signedIn(t.dataSource, t.http, 'admin');
  });
  beforeEach(() => fixToday(t, TODAY));
  afterAll(() => t.close());

  const get = (id: string, who: SignedIn) => t.http.get(`${BASE}/${id}`).set('Authorization', who.auth);
  const sign = (id: string, who: SignedIn, requestId?: string) => {
    const req = t.http.post(`${BASE}/${id}/sign`).set('Authorization', who.auth);
    return requestId ? req.set('X-Request-Id', requestId) : req;
  };
  const auditActions = async (entityId: string) =>
    ((await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [entityId])) as Array<{ action: string; changes: Record<string, unknown> }>);

  describe('lifecycle', () => {
    it('goes draft → awaiting signatures → active, recording who signed, when and from which request, with an audit line per step', async () => {
      const w = await mouWorld(t);
      const created = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { number: '001/TU-CSR/MOU/III/2026' }));
      expect(created.status).toBe(201);
      const draft = created.body as MouDetail;
      expect(draft).toMatchObject({
        number: '001/TU-CSR/MOU/III/2026',
        status: 'draft',
        version: 1,
        effectiveDate: '2026-01-01',
        expiryDate: '2028-12-31',
        renewsMouId: null,
        chain: [{ id: draft.id, status: 'draft' }],
        documents: [],
        amendments: [],
      });
      expect(draft.parties.map((p) => [p.organization.id, p.role, p.signatureRequired, p.signature])).toEqual([
        [w.company.id, 'first_party', true, null],
        [w.school.id, 'second_party', true, null],
        [w.office.id, 'witness', true, null],
        [w.facilitator.id, 'supporting', true, null],
      ]);
      expect(draft.obligations.map((o) => [o.owner.id, o.dueDate])).toEqual([
        [w.company.id, '2026-01-01'],
        [w.school.id, null],
      ]);

      const edited = await t.http.patch(`${BASE}/${draft.id}`).set('Authorization', w.csr.auth).send({ version: 1, title: 'Nota Kesepahaman (revisi)' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ title: 'Nota Kesepahaman (revisi)', version: 2 });

      const early = await sign(draft.id, w.principal);
      expect(early.status).toBe(422);
      expect(early.body.detail).toContain('submit it first');

      const submitted = await t.http.post(`${BASE}/${draft.id}/submit`).set('Authorization', w.csr.auth);
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('awaiting_signatures');
      expect(submitted.body.pendingSignatures).toHaveLength(4);

      const first = await sign(draft.id, w.principal, 'sign-principal-0001');
      expect(first.status).toBe(200);
      const schoolParty = (first.body as MouDetail).parties.find((p) => p.organization.id === w.school.id);
      expect(schoolParty?.signature).toMatchObject({ signedBy: { id: w.principal.user.id }, requestId: first.headers['x-request-id'] });
      expect(Date.now() - Date.parse(schoolParty?.signature?.signedAt ?? '')).toBeLessThan(60_000);
      expect(first.body.status).toBe('awaiting_signatures');

      await sign(draft.id, w.csr);
      await sign(draft.id, w.officer);
      const last = await sign(draft.id, w.facilitatorUser);
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({ status: 'active', pendingSignatures: [] });

      const actions = await auditActions(draft.id);
      expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'state_change', 'sign', 'sign', 'sign', 'sign', 'state_change']);
      expect(actions[7].changes).toMatchObject({ status: { from: 'awaiting_signatures', to: 'active' } });
    });

    it('refuses to edit terms once submitted or signed, and a stale version', async () => {
      const w = await mouWorld(t);
      const draft = await draftMou(t, w);
      const stale = await t.http.patch(`${BASE}/${draft.id}`).set('Authorization', w.csr.auth).send({ version: 1, title: 'A' });
      expect(stale.status).toBe(200);
      const again = await t.http.patch(`${BASE}/${draft.id}`).set('Authorization', w.csr.auth).send({ version: 1, title: 'B' });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('stale_version');
      const active = await submitAndSign(t, w, draft.id);
      expect(active.status).toBe('active');
      const edit = await t.http.patch(`${BASE}/${draft.id}`).set('Authorization', w.csr.auth).send({ version: active.version, scope: 'Something else' });
      expect(edit.status).toBe(422);
      expect(edit.body.code).toBe('rule_violated');
      expect(edit.body.detail).toContain('(status active)');
      expect(edit.body.detail).toContain('amendment');
      expect((await get(draft.id, w.csr)).body.scope).toBe('Teacher training and literacy innovation.');
    });

    it('refuses a second signature of the same organisation with 409', async () => {
      const w = await mouWorld(t);
      const draft = await draftMou(t, w);
      await t.http.post(`${BASE}/${draft.id}/submit`).set('Authorization', w.csr.auth);
      expect((await sign(draft.id, w.principal)).status).toBe(200);
      const colleague = await signedIn(t.dataSource, t.http, 'principal', { organization: w.school });
      const twice = await sign(draft.id, colleague);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('already_signed');
      expect(twice.body.detail).toContain(w.school.name);
    });

    it('lets only users of a signing party sign: 404 when they cannot see it, 403 when they can but do not sign', async () => {
      const w = await mouWorld(t);
      const draft = await draftMou(t, w, {
        parties: [
          { organizationId: w.company.id, role: 'first_party' },
          { organizationId: w.school.id, role: 'second_party' },
          { organizationId: w.office.id, role: 'witness', signatureRequired: false },
        ],
        obligations: [],
      });
      await t.http.post(`${BASE}/${draft.id}/submit`).set('Authorization', w.csr.auth);

      const otherCsr = await signedIn(t.dataSource, t.http, 'csr_officer');
      const otherPrincipal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await sign(draft.id, otherCsr)).status).toBe(404);
      expect((await sign(draft.id, otherPrincipal)).status).toBe(404);

      // The province office covers the school, so it sees the MoU, but it is no party.
      const province = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'province', regionCode: '63' });
      const provincial = await signedIn(t.dataSource, t.http, 'education_officer', { organization: province });
      expect((await get(draft.id, provincial)).status).toBe(200);
      const notParty = await sign(draft.id, provincial);
      expect(notParty.status).toBe(403);
      expect(notParty.body.code).toBe('not_a_signing_party');
      // A witness whose signature is not required does not sign either; nor does an admin.
      expect((await sign(draft.id, w.officer)).body.code).toBe('not_a_signing_party');
      expect((await sign(draft.id, admin)).status).toBe(403);
      // The facilitator of the program sees it but is not a party here.
      expect((await sign(draft.id, w.facilitatorUser)).status).toBe(403);
      const judge = await signedIn(t.dataSource, t.http, 'judge');
      expect((await sign(draft.id, judge)).body.code).toBe('forbidden');

      await sign(draft.id, w.csr);
      const last = await sign(draft.id, w.principal);
      expect(last.body.status).toBe('active');
    });

    it('stays awaiting until the effective date, then a read activates it', async () => {
      const w = await mouWorld(t);
      const signed = await signedMou(t, w, { effectiveDate: '2026-07-01', expiryDate: '2029-06-30', obligations: [] });
      expect(signed.status).toBe('awaiting_signatures');
      expect(signed.pendingSignatures).toEqual([]);
      expect((await get(signed.id, w.principal)).body.status).toBe('awaiting_signatures');
      fixToday(t, '2026-07-01');
      const read = await get(signed.id, w.principal);
      expect(read.body.status).toBe('active');
      const [line] = (await auditActions(signed.id)).filter((a) => a.action === 'state_change' && (a.changes.status as { to: string }).to === 'active');
      expect(line.changes).toMatchObject({ on: '2026-07-01' });
    });

    it('terminates an active MoU with the day and reason, and only an active one', async () => {
      const w = await mouWorld(t);
      const active = await signedMou(t, w);
      const future = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2026-03-02', reason: 'x' });
      expect(future.status).toBe(422);
      expect(future.body.errors[0]).toMatchObject({ field: 'on', code: 'in_future' });
      const before = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2025-12-31', reason: 'x' });
      expect(before.body.errors[0]).toMatchObject({ field: 'on', code: 'outside_period' });
      const noReason = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2026-02-15' });
      expect(noReason.status).toBe(422);
      expect(noReason.body.errors[0].field).toBe('reason');
      const principalTry = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.principal.auth).send({ on: '2026-02-15', reason: 'x' });
      expect(principalTry.status).toBe(403);

      const done = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2026-02-15', reason: 'The school merged with another school.' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'terminated', terminatedOn: '2026-02-15', terminationReason: 'The school merged with another school.' });
      const again = await t.http.post(`${BASE}/${active.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2026-02-15', reason: 'again' });
      expect(again.status).toBe(422);
      expect(again.body.detail).toContain('(status terminated)');
      const draft = await draftMou(t, w, { effectiveDate: '2029-01-01', expiryDate: '2030-12-31', obligations: [] });
      expect((await t.http.post(`${BASE}/${draft.id}/terminate`).set('Authorization', w.csr.auth).send({ on: '2026-02-15', reason: 'x' })).status).toBe(422);
      const line = (await auditActions(active.id)).pop();
      expect(line).toMatchObject({ action: 'state_change', changes: { status: { from: 'active', to: 'terminated' }, terminatedOn: '2026-02-15' } });
    });
  });

  describe('validation', () => {
    it('checks dates, parties and obligations, naming each field', async () => {
      const w = await mouWorld(t);
      const dates = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { effectiveDate: '2026-01-01', expiryDate: '2026-01-01' }));
      expect(dates.status).toBe(422);
      expect(dates.body.errors[0]).toMatchObject({ field: 'expiryDate', code: 'expiry_not_after_effective' });
      const notADate = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { effectiveDate: '2026-02-30' }));
      expect(notADate.body.errors[0].field).toBe('effectiveDate');

      const farOffice = await createOrganization(t.dataSource, 'education_office', { officeLevel: 'regency', regionCode: '64.71' });
      const outsider = await createOrganization(t.dataSource, 'facilitator');
      const badParties = await t.http.post(BASE).set('Authorization', w.csr.auth).send(
        mouBody(w, {
          parties: [
            { organizationId: w.school.id, role: 'first_party' },
            { organizationId: w.school.id, role: 'second_party', signatureRequired: false },
            { organizationId: farOffice.id, role: 'witness' },
            { organizationId: outsider.id, role: 'supporting' },
          ],
          obligations: [{ ownerOrganizationId: w.company.id, text: 'Fund it', dueDate: '2030-01-01' }],
        }),
      );
      expect(badParties.status).toBe(422);
      const codes = (badParties.body.errors as Array<{ field: string; code: string }>).map((e) => `${e.field}:${e.code}`);
      expect(codes).toEqual([
        'parties[0].organizationId:first_party_not_company',
        'parties[1].organizationId:duplicate_party',
        'parties[2].organizationId:witness_not_covering_office',
        'parties[3].organizationId:supporting_not_program_facilitator',
        'parties:first_party_missing',
        'obligations[0].ownerOrganizationId:not_a_party',
        'obligations[0].dueDate:outside_period',
      ]);
      const secondNotSigning = await t.http.post(BASE).set('Authorization', w.csr.auth).send(
        mouBody(w, { parties: [{ organizationId: w.company.id, role: 'first_party' }, { organizationId: w.school.id, role: 'second_party', signatureRequired: false }] }),
      );
      expect(secondNotSigning.body.errors[0]).toMatchObject({ field: 'parties[1].signatureRequired', code: 'signature_required' });
      const unknownRole = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { parties: [{ organizationId: w.company.id, role: 'sponsor' }, { organizationId: w.school.id, role: 'second_party' }] }));
      expect(unknownRole.body.errors[0]).toMatchObject({ field: 'parties[0].role', code: 'isIn' });
      const inBahasa = await t.http.post(BASE).set('Authorization', w.csr.auth).set('Accept-Language', 'id').send(mouBody(w, { expiryDate: '2025-01-01' }));
      expect(inBahasa.body.errors[0].message).toContain('harus sesudah');
      expect(await t.dataSource.query('SELECT 1 FROM mous WHERE partnership_id = $1', [w.partnershipId])).toEqual([]);
    });

    it('keeps MoU numbers unique (409), and partnerships to their company', async () => {
      const w = await mouWorld(t);
      const number = nextMouNumber();
      await draftMou(t, w, { number, effectiveDate: '2030-01-01', expiryDate: '2031-01-01' });
      const dup = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { number, effectiveDate: '2032-01-01', expiryDate: '2033-01-01' }));
      expect(dup.status).toBe(409);
      expect(dup.body.code).toBe('mou_number_taken');
      expect(dup.body.detail).toContain(number);

      const other = await mouWorld(t);
      const foreign = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(other));
      expect(foreign.status).toBe(422);
      expect(foreign.body.errors[0]).toMatchObject({ field: 'partnershipId', code: 'unknown_partnership' });
      const byAdmin = await t.http.post(BASE).set('Authorization', admin.auth).send(mouBody(w));
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.detail).toContain("only a CSR officer of the partnership's company");
    });

    it('refuses an MoU for an ended partnership', async () => {
      const w = await mouWorld(t, { partnershipStatus: 'ended' });
      const res = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w));
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'partnershipId', code: 'partnership_ended' });
    });

    it('refuses overlapping active MoUs for one partnership, at drafting and at submission', async () => {
      const w = await mouWorld(t);
      const active = await signedMou(t, w, { effectiveDate: '2026-01-01', expiryDate: '2026-12-31', obligations: [] });
      expect(active.status).toBe('active');
      const overlapping = await t.http.post(BASE).set('Authorization', w.csr.auth).send(mouBody(w, { effectiveDate: '2026-12-31', expiryDate: '2027-12-31', obligations: [] }));
      expect(overlapping.status).toBe(422);
      expect(overlapping.body.detail).toContain(active.number);
      expect(overlapping.body.detail).toContain('renewals');

      // The day after the expiry date does not overlap.
      const next = await draftMou(t, w, { effectiveDate: '2027-01-01', expiryDate: '2027-12-31', obligations: [] });
      // An amendment now stretches the active MoU over the draft's period: the draft can no longer be submitted.
      const amendment = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'Six more months', newExpiryDate: '2027-06-30' });
      expect(amendment.status).toBe(201);
      for (const s of [w.csr, w.principal, w.officer, w.facilitatorUser]) {
        expect((await t.http.post(`${BASE}/${active.id}/amendments/${amendment.body.amendments[0].id}/sign`).set('Authorization', s.auth)).status).toBe(200);
      }
      expect((await get(active.id, w.csr)).body.expiryDate).toBe('2027-06-30');
      const submit = await t.http.post(`${BASE}/${next.id}/submit`).set('Authorization', w.csr.auth);
      expect(submit.status).toBe(422);
      expect(submit.body.detail).toContain('2027-06-30');
      // Another partnership of the same company is not affected.
      const otherSchool = await createOrganization(t.dataSource, 'school');
      const otherPartnership = await insertPartnership(t.dataSource, { programId: w.programId, companyId: w.company.id, schoolId: otherSchool.id });
      const elsewhere = await t.http.post(BASE).set('Authorization', w.csr.auth).send(
        mouBody(w, { partnershipId: otherPartnership, parties: [{ organizationId: w.company.id, role: 'first_party' }, { organizationId: otherSchool.id, role: 'second_party' }], obligations: [] }),
      );
      expect(elsewhere.status).toBe(201);
    });
  });

  describe('amendments', () => {
    it('are numbered, need every required signature, then change the expiry and add obligations', async () => {
      const w = await mouWorld(t);
      const active = await signedMou(t, w);
      const draftOnly = await draftMou(t, w, { effectiveDate: '2030-01-01', expiryDate: '2031-01-01', obligations: [] });
      const onDraft = await t.http.post(`${BASE}/${draftOnly.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'x' });
      expect(onDraft.status).toBe(422);
      expect(onDraft.body.detail).toContain('PATCH');

      const badOwner = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'x', obligations: [{ ownerOrganizationId: admin.user.organizationId, text: 'y' }] });
      expect(badOwner.body.errors[0]).toMatchObject({ field: 'obligations[0].ownerOrganizationId', code: 'not_a_party' });
      const past = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'x', newExpiryDate: '2026-02-01' });
      expect(past.body.errors[0]).toMatchObject({ field: 'newExpiryDate', code: 'in_past' });
      expect((await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.principal.auth).send({ summary: 'x' })).status).toBe(403);

      const created = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({
        summary: 'Adds disaster preparedness and one more year.',
        newExpiryDate: '2029-12-31',
        obligations: [{ ownerOrganizationId: w.facilitator.id, text: 'Run two disaster drills a year.', dueDate: '2029-06-30' }],
      });
      expect(created.status).toBe(201);
      const amendment = (created.body as MouDetail).amendments[0];
      expect(amendment).toMatchObject({ number: 1, status: 'awaiting_signatures', newExpiryDate: '2029-12-31', obligations: [{ text: 'Run two disaster drills a year.' }] });
      expect(amendment.pendingSignatures).toHaveLength(4);
      // Not in force yet: neither the expiry nor the obligation changed.
      expect(created.body.expiryDate).toBe('2028-12-31');
      expect((created.body as MouDetail).obligations).toHaveLength(2);
      const second = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'Another' });
      expect(second.status).toBe(422);
      expect(second.body.detail).toContain('amendment 1');

      const url = `${BASE}/${active.id}/amendments/${amendment.id}/sign`;
      expect((await t.http.post(url).set('Authorization', w.principal.auth)).status).toBe(200);
      const twice = await t.http.post(url).set('Authorization', w.principal.auth);
      expect(twice.status).toBe(409);
      expect(twice.body.detail).toContain('amendment 1');
      const stranger = await signedIn(t.dataSource, t.http, 'principal');
      expect((await t.http.post(url).set('Authorization', stranger.auth)).status).toBe(404);
      expect((await t.http.post(`${BASE}/${active.id}/amendments/${active.id}/sign`).set('Authorization', w.csr.auth)).status).toBe(404);
      await t.http.post(url).set('Authorization', w.csr.auth);
      await t.http.post(url).set('Authorization', w.officer.auth);
      const last = await t.http.post(url).set('Authorization', w.facilitatorUser.auth);
      expect(last.status).toBe(200);
      const mou = last.body as MouDetail;
      expect(mou.expiryDate).toBe('2029-12-31');
      expect(mou.amendments[0]).toMatchObject({ status: 'active', pendingSignatures: [] });
      expect(mou.amendments[0].signatures).toHaveLength(4);
      expect(mou.obligations.map((o) => o.text)).toContain('Run two disaster drills a year.');
      // The MoU's own signatures are untouched by the amendment's.
      expect(mou.parties.every((p) => p.signature !== null)).toBe(true);

      const next = await t.http.post(`${BASE}/${active.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'Second change' });
      expect(next.body.amendments.map((a: { number: number }) => a.number)).toEqual([1, 2]);
      const audit = (await auditActions(amendment.id)).map((a) => a.action);
      expect(audit).toEqual(['create', 'sign', 'sign', 'sign', 'sign', 'state_change']);
    });
  });

  describe('renewals', () => {
    it('form a chain: the renewal copies the terms, supersedes the old MoU when it takes effect, and both show the chain', async () => {
      const w = await mouWorld(t);
      const old = await signedMou(t, w, { effectiveDate: '2024-03-01', expiryDate: '2027-02-28' });
      expect(old.status).toBe('active');

      const early = await t.http.post(`${BASE}/${old.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2024-03-01', expiryDate: '2030-02-28' });
      expect(early.body.errors[0]).toMatchObject({ field: 'effectiveDate', code: 'renewal_starts_too_early' });

      const created = await t.http.post(`${BASE}/${old.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2027-01-01', expiryDate: '2030-02-28' });
      expect(created.status).toBe(201);
      const renewal = created.body as MouDetail;
      expect(renewal).toMatchObject({ status: 'draft', renewsMouId: old.id, previousMouId: old.id, title: 'Nota Kesepahaman Program Generasi Test' });
      expect(renewal.parties.map((p) => [p.organization.id, p.role])).toEqual(old.parties.map((p) => [p.organization.id, p.role]));
      expect(renewal.obligations.map((o) => [o.text, o.dueDate])).toEqual([
        ['Provide an annual stimulus grant.', null],
        ['Write the partnership into the RKT and RKAS.', null],
      ]);
      expect(renewal.chain.map((c) => c.id)).toEqual([old.id, renewal.id]);

      const second = await t.http.post(`${BASE}/${old.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2027-03-01', expiryDate: '2030-02-28' });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('mou_already_renewed');
      expect(second.body.detail).toContain(renewal.number);

      // Signed before it starts: it waits, and the old MoU stays in force.
      const signed = await submitAndSign(t, w, renewal.id);
      expect(signed.status).toBe('awaiting_signatures');
      expect((await get(old.id, w.csr)).body.status).toBe('active');

      fixToday(t, '2027-01-01');
      const activated = await get(renewal.id, w.principal);
      expect(activated.body.status).toBe('active');
      const oldNow = (await get(old.id, w.principal)).body as MouDetail;
      expect(oldNow).toMatchObject({ status: 'superseded', nextMouId: renewal.id, renewedByMouId: renewal.id });
      expect(oldNow.chain.map((c) => [c.id, c.status])).toEqual([
        [old.id, 'superseded'],
        [renewal.id, 'active'],
      ]);
      const renewalNow = activated.body as MouDetail;
      expect(renewalNow.chain.map((c) => c.id)).toEqual([old.id, renewal.id]);
      const supersede = (await auditActions(old.id)).pop();
      expect(supersede).toMatchObject({ action: 'state_change', changes: { status: { from: 'active', to: 'superseded' }, supersededBy: renewal.id } });

      // A superseded MoU cannot be renewed again; its renewal can.
      const fromOld = await t.http.post(`${BASE}/${old.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2030-03-01', expiryDate: '2033-02-28' });
      expect(fromOld.status).toBe(422);
      expect(fromOld.body.detail).toContain('renew the MoU that replaced it');
      const third = await t.http.post(`${BASE}/${renewal.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2030-03-01', expiryDate: '2033-02-28' });
      expect(third.status).toBe(201);
      expect((third.body as MouDetail).chain.map((c) => c.id)).toEqual([old.id, renewal.id, third.body.id]);
      expect(((await get(old.id, w.officer)).body as MouDetail).chain).toHaveLength(3);
    });

    it('refuses to renew a draft and takes given parties instead of copying', async () => {
      const w = await mouWorld(t);
      const draft = await draftMou(t, w, { effectiveDate: '2030-01-01', expiryDate: '2031-01-01' });
      const res = await t.http.post(`${BASE}/${draft.id}/renewals`).set('Authorization', w.csr.auth).send({ number: nextMouNumber(), effectiveDate: '2031-01-02', expiryDate: '2032-01-01' });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('(status draft)');
      const active = await signedMou(t, w, { effectiveDate: '2026-01-01', expiryDate: '2026-12-31', obligations: [] });
      const lean = await t.http.post(`${BASE}/${active.id}/renewals`).set('Authorization', w.csr.auth).send({
        number: nextMouNumber(),
        effectiveDate: '2027-01-01',
        expiryDate: '2027-12-31',
        parties: [{ organizationId: w.company.id, role: 'first_party' }, { organizationId: w.school.id, role: 'second_party' }],
        obligations: [],
      });
      expect(lean.status).toBe(201);
      expect((lean.body as MouDetail).parties).toHaveLength(2);
    });
  });

  describe('lists', () => {
    it('lists only what the caller may see, filters by partnership and status, and pages', async () => {
      const w = await mouWorld(t);
      const other = await mouWorld(t);
      const a = await draftMou(t, w, { effectiveDate: '2030-01-01', expiryDate: '2031-01-01' });
      const b = await draftMou(t, w, { effectiveDate: '2032-01-01', expiryDate: '2033-01-01' });
      const c = await signedMou(t, w, { effectiveDate: '2026-01-01', expiryDate: '2026-12-31', obligations: [] });
      const foreign = await draftMou(t, other);
      const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((m) => m.id);

      const mine = await t.http.get(`${BASE}?partnershipId=${w.partnershipId}`).set('Authorization', w.csr.auth);
      expect(mine.status).toBe(200);
      expect(ids(mine)).toEqual([c.id, b.id, a.id]);
      expect(mine.body.items[0]).toMatchObject({ company: { id: w.company.id }, school: { id: w.school.id, name: w.school.name }, status: 'active', daysToExpiry: 305 });
      expect(ids(await t.http.get(BASE).set('Authorization', w.csr.auth))).not.toContain(foreign.id);
      expect(ids(await t.http.get(`${BASE}?status=draft&partnershipId=${w.partnershipId}`).set('Authorization', w.principal.auth))).toEqual([b.id, a.id]);
      expect(ids(await t.http.get(`${BASE}?partnershipId=${w.partnershipId}`).set('Authorization', w.facilitatorUser.auth))).toHaveLength(3);
      expect(ids(await t.http.get(`${BASE}?partnershipId=${w.partnershipId}`).set('Authorization', other.principal.auth))).toEqual([]);
      expect(ids(await t.http.get(`${BASE}?partnershipId=${w.partnershipId}`).set('Authorization', admin.auth))).toHaveLength(3);

      const page1 = await t.http.get(`${BASE}?partnershipId=${w.partnershipId}&limit=2`).set('Authorization', w.csr.auth);
      expect(ids(page1)).toEqual([c.id, b.id]);
      const page2 = await t.http.get(`${BASE}?partnershipId=${w.partnershipId}&limit=2&cursor=${page1.body.nextCursor}`).set('Authorization', w.csr.auth);
      expect(ids(page2)).toEqual([a.id]);
      expect(page2.body.nextCursor).toBeNull();
      const badCursor = await t.http.get(`${BASE}?cursor=${Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url')}`).set('Authorization', w.csr.auth);
      expect(badCursor.status).toBe(422);
      expect(badCursor.body.errors[0]).toMatchObject({ field: 'cursor', code: 'invalid_cursor' });
    });

    it('lists active MoUs expiring within N days, soonest first, in one query whatever the page size', async () => {
      const w = await mouWorld(t);
      const schools = [w.school];
      const partnerships = [w.partnershipId];
      for (let i = 0; i < 3; i++) {
        const school = await createOrganization(t.dataSource, 'school');
        schools.push(school);
        partnerships.push(await insertPartnership(t.dataSource, { programId: w.programId, companyId: w.company.id, schoolId: school.id }));
      }
      const twoParties = (i: number) => ({
        partnershipId: partnerships[i],
        parties: [{ organizationId: w.company.id, role: 'first_party' }, { organizationId: schools[i].id, role: 'second_party' }],
        obligations: [],
      });
      const signBoth = async (id: string, i: number) => {
        const principal = await signedIn(t.dataSource, t.http, 'principal', { organization: schools[i] });
        return submitAndSign(t, w, id, [w.csr, principal]);
      };
      // Expiring in 10, 89, 90 and 91 days (today is 2026-03-01).
      const in10 = await signBoth((await draftMou(t, w, { ...twoParties(0), effectiveDate: '2025-01-01', expiryDate: '2026-03-11' })).id, 0);
      const in89 = await signBoth((await draftMou(t, w, { ...twoParties(1), effectiveDate: '2025-01-01', expiryDate: '2026-05-29' })).id, 1);
      const in90 = await signBoth((await draftMou(t, w, { ...twoParties(2), effectiveDate: '2025-01-01', expiryDate: '2026-05-30' })).id, 2);
      const in91 = await signBoth((await draftMou(t, w, { ...twoParties(3), effectiveDate: '2025-01-01', expiryDate: '2026-05-31' })).id, 3);
      // A draft expiring soon is not "expiring": it was never in force.
      await draftMou(t, w, { ...twoParties(3), effectiveDate: '2026-06-01', expiryDate: '2026-06-02' });
      expect([in10, in89, in90, in91].map((m) => m.status)).toEqual(['active', 'active', 'active', 'active']);

      const url = `${BASE}?expiringWithinDays=90`;
      const res = await t.http.get(url).set('Authorization', w.csr.auth);
      expect(res.status).toBe(200);
      expect(res.body.items.map((m: { id: string; daysToExpiry: number }) => [m.id, m.daysToExpiry])).toEqual([
        [in10.id, 10],
        [in89.id, 89],
        [in90.id, 90],
      ]);
      const page = await t.http.get(`${url}&limit=2`).set('Authorization', w.csr.auth);
      const rest = await t.http.get(`${url}&limit=2&cursor=${page.body.nextCursor}`).set('Authorization', w.csr.auth);
      expect([...page.body.items, ...rest.body.items].map((m: { id: string }) => m.id)).toEqual([in10.id, in89.id, in90.id]);
      expect((await t.http.get(`${BASE}?expiringWithinDays=9`).set('Authorization', w.csr.auth)).body.items).toEqual([]);
      // The other company sees none of them.
      const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
      expect((await t.http.get(url).set('Authorization', stranger.auth)).body.items).toEqual([]);

      const conflicting = await t.http.get(`${url}&status=draft`).set('Authorization', w.csr.auth);
      expect(conflicting.status).toBe(422);
      expect(conflicting.body.errors[0]).toMatchObject({ field: 'status', code: 'conflicts_with_expiring' });
      expect((await t.http.get(`${BASE}?expiringWithinDays=-1`).set('Authorization', w.csr.auth)).status).toBe(422);

      const cost = async (limit: number) => {
        const before = t.queries.count;
        expect((await t.http.get(`${url}&limit=${limit}`).set('Authorization', w.csr.auth)).status).toBe(200);
        return t.queries.count - before;
      };
      expect(await cost(1)).toBe(await cost(50));
    });
  });

  describe('demo data', () => {
    it('fails loudly without the programs step, then loads the Pelambuan 4 chain, the terminated MoU and the reminder', async () => {
      // Without the partnership the programs step makes, the step refuses to run.
      await expect(t.dataSource.transaction((m) => mousDemoStep.run(m))).rejects.toThrow(/demo:programs/);
      await loadDemoData(t.dataSource);
      // The registered steps ran; run those not registered (yet) in demo.ts, in order.
      for (const step of [programsDemoStep, mousDemoStep]) {
        const done = (await t.dataSource.query('SELECT 1 FROM seed_runs WHERE name = $1', [step.name])) as unknown[];
        if (done.length === 0) await t.dataSource.transaction((m) => step.run(m));
      }

      const csr = { auth: `Bearer ${(await login(t.http, 'csr@trakindo.example', DEMO_PASSWORD)).accessToken}` } as SignedIn;
      const principal = { auth: `Bearer ${(await login(t.http, 'principal@sdnpelambuan4.example', DEMO_PASSWORD)).accessToken}` } as SignedIn;
      fixToday(t, '2026-11-24');
      const current = (await get(MOU_DEMO_IDS.pelambuan4[4], principal)).body as MouDetail;
      expect(current).toMatchObject({ status: 'active', effectiveDate: '2024-03-12', expiryDate: '2027-03-11', pendingSignatures: [] });
      expect(current.chain.map((c) => [c.number, c.status])).toEqual([
        ['001/TU-CSR/MOU/III/2012', 'superseded'],
        ['002/TU-CSR/MOU/III/2015', 'superseded'],
        ['003/TU-CSR/MOU/III/2018', 'superseded'],
        ['004/TU-CSR/MOU/III/2021', 'superseded'],
        ['005/TU-CSR/MOU/III/2024', 'active'],
      ]);
      expect(current.parties.map((p) => [p.organization.id, p.role, p.signature?.signedBy.fullName])).toEqual([
        [DEMO_IDS.trakindo, 'first_party', 'Rina Marlina (CSR Officer, PT Trakindo Utama)'],
        [DEMO_IDS.pelambuan4, 'second_party', 'Hj. Siti Rahmah, S.Pd. (Kepala Sekolah)'],
        [DEMO_IDS.disdikBanjarmasin, 'witness', 'Drs. Ahmad Yani (Dinas Pendidikan Kota Banjarmasin)'],
        [DEMO_IDS.edukasi101, 'supporting', 'Dewi Lestari (Fasilitator, Edukasi 101)'],
      ]);
      const amended = (await get(MOU_DEMO_IDS.pelambuan4[1], csr)).body as MouDetail;
      expect(amended.amendments).toEqual([expect.objectContaining({ number: 1, status: 'active', pendingSignatures: [] })]);
      expect(amended.obligations.filter((o) => o.amendmentId !== null)).toHaveLength(2);
      const expiring = await t.http.get(`${BASE}?expiringWithinDays=365`).set('Authorization', csr.auth);
      expect(expiring.body.items.map((m: { id: string }) => m.id)).toEqual([MOU_DEMO_IDS.pelambuan4[4]]);
      const terminated = (await get(MOU_DEMO_IDS.terminated, csr)).body as MouDetail;
      expect(terminated).toMatchObject({ status: 'terminated', terminatedOn: '2019-06-28' });
      expect(terminated.parties.every((p) => p.signature !== null)).toBe(true);
      // Every demo signature was given by a user of the signing organisation.
      const foreign = await t.dataSource.query(`SELECT 1 FROM mou_signatures s JOIN users u ON u.id = s.signed_by_user_id WHERE u.organization_id <> s.organization_id`);
      expect(foreign).toEqual([]);
      const notes = await t.http.get('/api/v1/notifications').set('Authorization', csr.auth);
      expect(notes.body.items).toEqual([expect.objectContaining({ kind: 'mou_expiring', entityId: MOU_DEMO_IDS.pelambuan4[4], read: false })]);
    });
  });

  describe('access', () => {
    let w: MouWorld;
    let mou: MouDetail;
    let amendmentId: string;
    let stranger: SignedIn;
    let judge: SignedIn;
    beforeAll(async () => {
      fixToday(t, TODAY);
      w = await mouWorld(t);
      mou = await signedMou(t, w);
      const amended = await t.http.post(`${BASE}/${mou.id}/amendments`).set('Authorization', w.csr.auth).send({ summary: 'A change' });
      amendmentId = amended.body.amendments[0].id;
      stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
      judge = await signedIn(t.dataSource, t.http, 'judge');
    });

    const endpoints = (): Array<[string, string, Record<string, unknown> | undefined]> => [
      ['post', BASE, mouBody(w)],
      ['get', BASE, undefined],
      ['get', `${BASE}/${mou.id}`, undefined],
      ['patch', `${BASE}/${mou.id}`, { version: 1, title: 'x' }],
      ['post', `${BASE}/${mou.id}/submit`, undefined],
      ['post', `${BASE}/${mou.id}/sign`, undefined],
      ['post', `${BASE}/${mou.id}/amendments`, { summary: 'x' }],
      ['post', `${BASE}/${mou.id}/amendments/${amendmentId}/sign`, undefined],
      ['post', `${BASE}/${mou.id}/renewals`, { number: nextMouNumber(), effectiveDate: '2029-01-01', expiryDate: '2030-01-01' }],
      ['post', `${BASE}/${mou.id}/terminate`, { on: '2026-02-01', reason: 'x' }],
    ];
    const call = (method: string, url: string, body: Record<string, unknown> | undefined, who?: SignedIn) => {
      const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url);
      if (who) req.set('Authorization', who.auth);
      return body ? req.send(body) : req;
    };

    it('answers 401 without a token on every endpoint', async () => {
      for (const [method, url, body] of endpoints()) {
        const res = await call(method, url, body);
        expect([method, url, res.status]).toEqual([method, url, 401]);
      }
    });

    it('answers 403 to a judge on every endpoint', async () => {
      for (const [method, url, body] of endpoints()) {
        const res = await call(method, url, body, judge);
        expect([method, url, res.status, res.body.code]).toEqual([method, url, 403, 'forbidden']);
      }
    });

    it("answers 404 for another company's MoU on every endpoint about one MoU", async () => {
      for (const [method, url, body] of endpoints().filter(([, u]) => u !== BASE)) {
        const res = await call(method, url, body, stranger);
        expect([method, url, res.status, res.body.code]).toEqual([method, url, 404, 'not_found']);
      }
      const otherSchoolPrincipal = await signedIn(t.dataSource, t.http, 'principal');
      expect((await get(mou.id, otherSchoolPrincipal)).status).toBe(404);
      const farOfficer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: await createOrganization(t.dataSource, 'education_office', { regionCode: '31.75' }) });
      expect((await get(mou.id, farOfficer)).status).toBe(404);
      const otherFacilitator = await signedIn(t.dataSource, t.http, 'facilitator');
      expect((await get(mou.id, otherFacilitator)).status).toBe(404);
      expect((await get('00000000-0000-4000-8000-00000000dead', w.csr)).status).toBe(404);
      expect((await get('not-a-uuid', w.csr)).status).toBe(422);
    });

    it('keeps managing to the CSR officers: a principal who sees the MoU gets 403 on changes', async () => {
      expect((await get(mou.id, w.principal)).status).toBe(200);
      for (const [method, url, body] of endpoints().filter(([m, u]) => m !== 'get' && !u.endsWith('/sign'))) {
        const res = await call(method, url, body, w.principal);
        expect([method, url, res.status]).toEqual([method, url, 403]);
      }
    });

    it('lets a supporting facilitator of another program not see it, even with a program of its own', async () => {
      const facilitator = await createOrganization(t.dataSource, 'facilitator');
      const otherProgram = await insertProgram(t.dataSource, w.company.id, 'Another program');
      await addProgramFacilitator(t.dataSource, otherProgram, facilitator.id);
      const user = await signedIn(t.dataSource, t.http, 'facilitator', { organization: facilitator });
      expect((await get(mou.id, user)).status).toBe(404);
    });

    it('documents every endpoint with examples in the OpenAPI document', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/v1/mous',
          '/api/v1/mous/{id}',
          '/api/v1/mous/{id}/submit',
          '/api/v1/mous/{id}/sign',
          '/api/v1/mous/{id}/amendments',
          '/api/v1/mous/{id}/amendments/{amendmentId}/sign',
          '/api/v1/mous/{id}/renewals',
          '/api/v1/mous/{id}/terminate',
          '/api/v1/mous/{id}/documents',
          '/api/v1/mous/{id}/documents/{documentId}',
        ]),
      );
      expect(Object.keys(doc.paths['/api/v1/mous/{id}/sign'].post.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '422']));
      expect(doc.components.schemas.CreateMouDto.properties.number.example).toBe('005/TU-CSR/MOU/III/2024');
      expect(doc.components.schemas.MouDetailResponse.properties.chain).toBeDefined();
    });
  });
});
