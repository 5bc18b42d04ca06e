import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { FACILITY_DEMO_IDS } from '../../src/demo/demo-facilities';
import { isCheckOverdue, nextCheckDueOn } from '../../src/facilities/facility-catalogue';
import { createTestApp, TestApp } from '../support/app';
import { pdfText } from '../support/pdf';
import { readXlsx } from '../support/xlsx';
import { fixNow, realTime } from '../support/competition-factories';
import { createOrganization, signedIn } from '../support/factories';
import { awardGrant, GrantWorld, grantWorld, insertPartnership, insertProgramYear, RECEIPT_PDF } from '../support/grant-factories';

type SignedIn = Awaited<ReturnType<typeof signedIn>>;
interface FieldError {
  field: string;
  code: string;
}

const BASE = '/api/v1/facilities';
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

describe('facilities support', () => {
  let t: TestApp;
  let documentsDir: string;
  let admin: SignedIn;
  let judge: SignedIn;
  let w: GrantWorld;
  let foreign: GrantWorld;
  let officer: SignedIn;
  let farOfficer: SignedIn;

  beforeAll(async () => {
    documentsDir = mkdtempSync(join(tmpdir(), 'jalin-facilities-'));
    t = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
    [admin, judge] = await Promise.all([signedIn(t.dataSource, t.http, 'admin'), signedIn(t.dataSource, t.http, 'judge')]);
    w = await grantWorld(t);
    foreign = await grantWorld(t);
    const office = await createOrganization(t.dataSource, 'education_office', { regionCode: '63.71' });
    officer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: office });
    const farOffice = await createOrganization(t.dataSource, 'education_office', { regionCode: '64.71' });
    farOfficer = await signedIn(t.dataSource, t.http, 'education_officer', { organization: farOffice });
  });
  afterEach(() => realTime());
  afterAll(async () => {
    await t.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  const fields = (res: { body: { errors?: FieldError[] } }) => (res.body.errors ?? []).map((e) => e.field);
  const body = (x: GrantWorld, extra: Record<string, unknown> = {}) => ({
    partnershipId: x.partnership.id,
    programYearId: x.year.id,
    category: 'library',
    itemName: 'Rak buku kayu jati',
    quantity: 4,
    unit: 'unit',
    value: '12000000',
    supplier: 'UD Kayu Banua',
    deliveredOn: '2020-03-02',
    ...extra,
  });
  const create = async (x: GrantWorld = w, extra: Record<string, unknown> = {}) => {
    const res = await t.http.post(BASE).set('Authorization', x.csr.auth).send(body(x, extra));
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; [k: string]: unknown };
  };
  const handover = (x: GrantWorld, id: string, f: Record<string, string> = {}, file: Buffer | null = RECEIPT_PDF, who: SignedIn = x.csr) => {
    let r = t.http.post(`${BASE}/${id}/handover`).set('Authorization', who.auth);
    const form = { handoverNumber: '014/BAST/CSR-TU/III/2020', handedOverOn: '2020-03-05', receivedBy: 'Hj. Siti Rahmah, S.Pd.', ...f };
    for (const [k, v] of Object.entries(form)) r = r.field(k, v);
    if (file) r = r.attach('file', file, { filename: 'berita-acara.pdf', contentType: 'application/pdf' });
    return r;
  };
  const check = (x: GrantWorld, id: string, f: Record<string, string> = {}, file: Buffer | null = null, who: SignedIn = x.principal) => {
    let r = t.http.post(`${BASE}/${id}/condition-checks`).set('Authorization', who.auth);
    const form = { condition: 'good', checkedOn: '2020-09-01', ...f };
    for (const [k, v] of Object.entries(form)) r = r.field(k, v);
    if (file) r = r.attach('file', file, { filename: 'foto-rak.jpg', contentType: 'image/jpeg' });
    return r;
  };
  const handedOver = async (x: GrantWorld = w, extra: Record<string, unknown> = {}) => {
    const item = await create(x, extra);
    const res = await handover(x, item.id);
    if (res.status !== 201) throw new Error(`handover: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; handover: { documentId: string } };
  };

  describe('GET /facilities/catalogue', () => {
    it('names every category and condition in both languages', async () => {
      const res = await t.http.get(`${BASE}/catalogue`).set('Authorization', w.principal.auth);
      expect(res.status).toBe(200);
      expect(res.body.categories.map((c: { code: string }) => c.code)).toEqual([
        'library',
        'sanitation_handwashing',
        'school_health_unit',
        'classroom_furniture',
        'ict',
        'learning_media',
        'building_repair',
        'other',
      ]);
      expect(res.body.categories[1].label).toEqual({ id: 'Sanitasi dan tempat cuci tangan', en: 'Sanitation and handwashing' });
      expect(res.body.conditions.map((c: { code: string }) => c.code)).toEqual(['good', 'minor_repair', 'major_repair', 'out_of_use', 'lost']);
      expect(res.body.checkIntervalMonths).toBe(12);
    });

    it('is 401 without a token and 403 for a judge', async () => {
      expect((await t.http.get(`${BASE}/catalogue`)).status).toBe(401);
      expect((await t.http.get(`${BASE}/catalogue`).set('Authorization', judge.auth)).status).toBe(403);
    });
  });

  describe('POST /facilities', () => {
    it('records an item awaiting its handover, with an audit line', async () => {
      const res = await t.http.post(BASE).set('Authorization', w.csr.auth).send(body(w, { category: 'ict', itemName: 'Laptop', quantity: 5, value: 42_500_000 }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        partnershipId: w.partnership.id,
        programYearId: w.year.id,
        year: w.year.year,
        companyId: w.company.id,
        schoolId: w.school.id,
        category: 'ict',
        categoryLabel: { en: 'Information and communication technology (ICT)' },
        itemName: 'Laptop',
        quantity: 5,
        unit: 'unit',
        value: '42500000',
        status: 'awaiting_handover',
        handover: null,
        nextCheckDueOn: null,
        checkOverdue: false,
        version: 1,
        conditionChecks: [],
        documents: [],
      });
      const audit = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_type = 'facility_item' AND entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'create' }]);
    });

    it('is 422 naming the field for a missing item, a negative value, an unknown category or a future delivery', async () => {
      const send = (extra: Record<string, unknown>) => t.http.post(BASE).set('Authorization', w.csr.auth).send(body(w, extra));
      const missing = await send({ itemName: '  ' });
      expect(missing.status).toBe(422);
      expect(fields(missing)).toEqual(['itemName']);
      expect(fields(await send({ value: '-5' }))).toEqual(['value']);
      expect(fields(await send({ value: '1.5' }))).toEqual(['value']);
      expect(fields(await send({ category: 'vehicles' }))).toEqual(['category']);
      expect(fields(await send({ quantity: 0 }))).toEqual(['quantity']);
      expect(fields(await send({ deliveredOn: '2999-01-01' }))).toEqual(['deliveredOn']);
    });

    it("is 422 on partnershipId for another company's partnership and on programYearId for a year of another program", async () => {
      const other = await t.http.post(BASE).set('Authorization', w.csr.auth).send(body(foreign));
      expect(other.status).toBe(422);
      expect(fields(other)).toEqual(['partnershipId']);
      const year = await t.http.post(BASE).set('Authorization', w.csr.auth).send(body(w, { programYearId: foreign.year.id }));
      expect(year.status).toBe(422);
      expect(fields(year)).toEqual(['programYearId']);
    });

    it('is 401 without a token, 403 for a principal, and refused for an admin (who reads but does not act for the company)', async () => {
      expect((await t.http.post(BASE).send(body(w))).status).toBe(401);
      expect((await t.http.post(BASE).set('Authorization', w.principal.auth).send(body(w))).status).toBe(403);
      expect((await t.http.post(BASE).set('Authorization', officer.auth).send(body(w))).status).toBe(403);
      const byAdmin = await t.http.post(BASE).set('Authorization', admin.auth).send(body(w));
      expect(byAdmin.status).toBe(422);
      expect(byAdmin.body.code).toBe('rule_violated');
    });
  });

  describe('GET /facilities and GET /facilities/{id}', () => {
    it('shows an item to its company, school, facilitator, the education office of its region and admins; 404 to anyone else', async () => {
      const item = await create();
      for (const who of [w.csr, w.principal, w.facilitator, officer, admin]) {
        const res = await t.http.get(`${BASE}/${item.id}`).set('Authorization', who.auth);
        expect(res.status).toBe(200);
        expect(res.body.id).toBe(item.id);
      }
      for (const who of [foreign.csr, foreign.principal, foreign.facilitator, farOfficer]) {
        const res = await t.http.get(`${BASE}/${item.id}`).set('Authorization', who.auth);
        expect(res.status).toBe(404);
      }
      expect((await t.http.get(`${BASE}/${randomUUID()}`).set('Authorization', w.csr.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${item.id}`)).status).toBe(401);
      expect((await t.http.get(`${BASE}/${item.id}`).set('Authorization', judge.auth)).status).toBe(403);
      const bad = await t.http.get(`${BASE}/not-a-uuid`).set('Authorization', w.csr.auth);
      expect(bad.status).toBe(422);
      expect(fields(bad)).toEqual(['id']);
    });

    it('lists newest first in keyset pages, filtered, never another company’s items', async () => {
      const x = await grantWorld(t);
      const a = await create(x, { itemName: 'Rak A' });
      const b = await create(x, { itemName: 'Rak B', category: 'ict' });
      const c = await handedOver(x, { itemName: 'Rak C' });
      const first = await t.http.get(`${BASE}?partnershipId=${x.partnership.id}&limit=2`).set('Authorization', x.csr.auth);
      expect(first.status).toBe(200);
      expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([c.id, b.id]);
      const second = await t.http.get(`${BASE}?partnershipId=${x.partnership.id}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`).set('Authorization', x.csr.auth);
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
      expect(second.body.nextCursor).toBeNull();
      const delivered = await t.http.get(`${BASE}?partnershipId=${x.partnership.id}&status=handed_over`).set('Authorization', x.principal.auth);
      expect(delivered.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
      const ict = await t.http.get(`${BASE}?schoolId=${x.school.id}&category=ict`).set('Authorization', x.csr.auth);
      expect(ict.body.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
      const theirs = await t.http.get(`${BASE}?partnershipId=${x.partnership.id}`).set('Authorization', w.csr.auth);
      expect(theirs.status).toBe(200);
      expect(theirs.body.items).toEqual([]);
      const bad = await t.http.get(`${BASE}?limit=500`).set('Authorization', x.csr.auth);
      expect(bad.status).toBe(422);
      expect(fields(bad)).toEqual(['limit']);
      expect((await t.http.get(BASE)).status).toBe(401);
      expect((await t.http.get(BASE).set('Authorization', judge.auth)).status).toBe(403);
    });

    it('reads a page in a fixed number of statements whatever its size', async () => {
      const x = await grantWorld(t);
      for (let i = 0; i < 5; i += 1) await create(x, { itemName: `Meja siswa ${i}` });
      const statements = async (limit: number) => {
        const before = t.queries.count;
        const res = await t.http.get(`${BASE}?partnershipId=${x.partnership.id}&limit=${limit}`).set('Authorization', x.csr.auth);
        expect(res.status).toBe(200);
        return t.queries.count - before;
      };
      expect(await statements(5)).toBe(await statements(1));
    });
  });

  describe('PATCH /facilities/{id}', () => {
    it('changes an item before its handover, with the version read', async () => {
      const item = await create();
      const res = await t.http.patch(`${BASE}/${item.id}`).set('Authorization', w.csr.auth).send({ version: 1, quantity: 6, value: '18000000', supplier: '' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ quantity: 6, value: '18000000', supplier: null, version: 2 });
      const stale = await t.http.patch(`${BASE}/${item.id}`).set('Authorization', w.csr.auth).send({ version: 1, quantity: 7 });
      expect(stale.status).toBe(409);
      const bad = await t.http.patch(`${BASE}/${item.id}`).set('Authorization', w.csr.auth).send({ version: 2, unit: '' });
      expect(bad.status).toBe(422);
      expect(fields(bad)).toEqual(['unit']);
    });

    it('is 404 for another company, 403 for a principal, 401 without a token, and refused once handed over', async () => {
      const item = await create();
      expect((await t.http.patch(`${BASE}/${item.id}`).set('Authorization', foreign.csr.auth).send({ version: 1, quantity: 2 })).status).toBe(404);
      expect((await t.http.patch(`${BASE}/${item.id}`).set('Authorization', w.principal.auth).send({ version: 1, quantity: 2 })).status).toBe(403);
      expect((await t.http.patch(`${BASE}/${item.id}`).send({ version: 1, quantity: 2 })).status).toBe(401);
      const done = await handedOver();
      const res = await t.http.patch(`${BASE}/${done.id}`).set('Authorization', w.csr.auth).send({ version: done.version, quantity: 2 });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('was handed over on 2020-03-05');
    });
  });

  describe('POST /facilities/{id}/handover', () => {
    it('records the berita acara with its signed scan: the item counts as delivered from then on', async () => {
      const item = await create();
      const res = await handover(w, item.id);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'handed_over',
        handover: { handoverNumber: '014/BAST/CSR-TU/III/2020', handedOverOn: '2020-03-05', receivedBy: 'Hj. Siti Rahmah, S.Pd.', recordedByName: w.csr.user.fullName },
        nextCheckDueOn: '2021-03-05',
      });
      expect(res.body.documents).toEqual([expect.objectContaining({ id: res.body.handover.documentId, kind: 'handover_scan', contentType: 'application/pdf' })]);
      const file = await t.http.get(`${BASE}/${item.id}/documents/${res.body.handover.documentId}`).set('Authorization', w.principal.auth);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      const audit = await t.dataSource.query(`SELECT action FROM audit_events WHERE entity_type = 'facility_item' AND entity_id = $1 ORDER BY occurred_at`, [item.id]);
      expect(audit).toEqual([{ action: 'create' }, { action: 'state_change' }]);
    });

    it('hands an item over once only', async () => {
      const item = await handedOver();
      const again = await handover(w, item.id, { handoverNumber: '015/BAST' });
      expect(again.status).toBe(422);
      expect(again.body.detail).toContain('can no longer be handed over again');
    });

    it('is 422 naming the field without the scan, without a number, before the delivery or in the future; nothing is written', async () => {
      const item = await create();
      const noFile = await handover(w, item.id, {}, null);
      expect(noFile.status).toBe(422);
      expect(fields(noFile)).toEqual(['file']);
      const noNumber = await handover(w, item.id, { handoverNumber: '' });
      expect(noNumber.status).toBe(422);
      expect(fields(noNumber)).toEqual(['handoverNumber']);
      const early = await handover(w, item.id, { handedOverOn: '2020-03-01' });
      expect(early.status).toBe(422);
      expect(fields(early)).toEqual(['handedOverOn']);
      expect(fields(await handover(w, item.id, { handedOverOn: '2999-03-01' }))).toEqual(['handedOverOn']);
      const text = await handover(w, item.id, {}, Buffer.from('just text, not a scan'));
      expect(text.status).toBe(422);
      expect(fields(text)).toEqual(['file']);
      const after = await t.http.get(`${BASE}/${item.id}`).set('Authorization', w.csr.auth);
      expect(after.body).toMatchObject({ status: 'awaiting_handover', handover: null, documents: [] });
    });

    it('is 404 for another company, 403 for a principal and 401 without a token', async () => {
      const item = await create();
      expect((await handover(w, item.id, {}, RECEIPT_PDF, foreign.csr)).status).toBe(404);
      expect((await handover(w, item.id, {}, RECEIPT_PDF, w.principal)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${item.id}/handover`).field('handoverNumber', 'x')).status).toBe(401);
    });
  });

  describe('POST /facilities/{id}/condition-checks', () => {
    it('lets the principal record a check with a photo; the latest check by date is the last one', async () => {
      const item = await handedOver();
      const res = await check(w, item.id, { condition: 'minor_repair', checkedOn: '2021-02-01', note: 'Dua rak goyah.' }, JPEG);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ lastCheckedOn: '2021-02-01', lastCondition: 'minor_repair', nextCheckDueOn: '2022-02-01' });
      expect(res.body.conditionChecks).toEqual([
        expect.objectContaining({ condition: 'minor_repair', conditionLabel: { id: 'Perlu perbaikan ringan', en: 'Needs minor repair' }, checkedOn: '2021-02-01', note: 'Dua rak goyah.', checkedByName: w.principal.user.fullName }),
      ]);
      const photo = res.body.conditionChecks[0].photoDocumentId as string;
      expect((await t.http.get(`${BASE}/${item.id}/documents/${photo}`).set('Authorization', officer.auth)).headers['content-type']).toBe('image/jpeg');
      // A check written down later for an earlier day is kept, but the last check stays the latest one.
      const earlier = await check(w, item.id, { condition: 'good', checkedOn: '2020-09-01' });
      expect(earlier.status).toBe(201);
      expect(earlier.body).toMatchObject({ lastCheckedOn: '2021-02-01', lastCondition: 'minor_repair' });
      expect(earlier.body.conditionChecks.map((c: { checkedOn: string }) => c.checkedOn)).toEqual(['2021-02-01', '2020-09-01']);
    });

    it('refuses a check of an item not handed over yet, and one dated before the handover', async () => {
      const item = await create();
      const res = await check(w, item.id);
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('has not been handed over yet');
      const done = await handedOver();
      const early = await check(w, done.id, { checkedOn: '2020-03-04' });
      expect(early.status).toBe(422);
      expect(fields(early)).toEqual(['checkedOn']);
    });

    it('is 422 naming the field for an unknown condition or a date that is not a date', async () => {
      const item = await handedOver();
      const bad = await check(w, item.id, { condition: 'broken' });
      expect(bad.status).toBe(422);
      expect(fields(bad)).toEqual(['condition']);
      expect(fields(await check(w, item.id, { checkedOn: '2021-02-30' }))).toEqual(['checkedOn']);
    });

    it('is 404 for another school, 403 for the CSR officer and the education office, 401 without a token', async () => {
      const item = await handedOver();
      expect((await check(w, item.id, {}, null, foreign.principal)).status).toBe(404);
      expect((await check(w, item.id, {}, null, w.csr)).status).toBe(403);
      expect((await check(w, item.id, {}, null, officer)).status).toBe(403);
      expect((await t.http.post(`${BASE}/${item.id}/condition-checks`).field('condition', 'good')).status).toBe(401);
    });
  });

  describe('GET /facilities/{id}/documents/{documentId}', () => {
    it("is 404 for another organisation, for another item's document and for an unknown one", async () => {
      const item = await handedOver();
      const other = await handedOver();
      const doc = item.handover.documentId;
      expect((await t.http.get(`${BASE}/${item.id}/documents/${doc}`).set('Authorization', foreign.csr.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${other.id}/documents/${doc}`).set('Authorization', w.csr.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${item.id}/documents/${randomUUID()}`).set('Authorization', w.csr.auth)).status).toBe(404);
      expect((await t.http.get(`${BASE}/${item.id}/documents/${doc}`)).status).toBe(401);
      expect((await t.http.get(`${BASE}/${item.id}/documents/${doc}`).set('Authorization', judge.auth)).status).toBe(403);
    });
  });

  describe('the condition check falls due 12 months after the handover or the last check', () => {
    it('computes the due day as a pure rule', () => {
      const item = { handedOverOn: '2024-02-29', lastCheckedOn: null, lastCondition: null };
      expect(nextCheckDueOn(item)).toBe('2025-03-01');
      expect(isCheckOverdue(item, '2025-03-01')).toBe(false);
      expect(isCheckOverdue(item, '2025-03-02')).toBe(true);
      expect(nextCheckDueOn({ handedOverOn: null, lastCheckedOn: null, lastCondition: null })).toBeNull();
      expect(isCheckOverdue({ handedOverOn: '2015-01-01', lastCheckedOn: '2016-01-01', lastCondition: 'lost' }, '2026-01-01')).toBe(false);
    });

    it('flags an item whose last check is older than 12 months, on the fixed clock, until the school checks it again', async () => {
      const item = await handedOver();
      expect((await check(w, item.id, { checkedOn: '2024-06-01' })).status).toBe(201);
      fixNow(t, '2025-06-01T10:00:00.000Z');
      const onTheDay = await t.http.get(`${BASE}/${item.id}`).set('Authorization', w.principal.auth);
      expect(onTheDay.body).toMatchObject({ nextCheckDueOn: '2025-06-01', checkOverdue: false });
      fixNow(t, '2025-06-02T10:00:00.000Z');
      const dayAfter = await t.http.get(`${BASE}/${item.id}`).set('Authorization', w.csr.auth);
      expect(dayAfter.body).toMatchObject({ nextCheckDueOn: '2025-06-01', checkOverdue: true });
      const listed = await t.http.get(`${BASE}?partnershipId=${w.partnership.id}&status=handed_over`).set('Authorization', officer.auth);
      expect(listed.body.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ checkOverdue: true });
      const checked = await check(w, item.id, { checkedOn: '2025-06-02', condition: 'good' });
      expect(checked.body).toMatchObject({ nextCheckDueOn: '2026-06-02', checkOverdue: false });
    });

    it('flags an item never checked 12 months after its handover', async () => {
      const item = await handedOver();
      fixNow(t, '2021-03-06T01:00:00.000Z');
      const res = await t.http.get(`${BASE}/${item.id}`).set('Authorization', w.principal.auth);
      expect(res.body).toMatchObject({ lastCheckedOn: null, nextCheckDueOn: '2021-03-05', checkOverdue: true });
    });
  });

  describe('the partnership timeline', () => {
    it('shows each handover and condition check in both languages; items awaiting handover are not events', async () => {
      const x = await grantWorld(t);
      await create(x, { itemName: 'Wastafel portabel', category: 'sanitation_handwashing' });
      const item = await handedOver(x, { itemName: 'Rak buku', quantity: 4, value: '12000000' });
      await check(x, item.id, { condition: 'major_repair', checkedOn: '2021-02-01', note: 'Satu rak patah.' });
      const events = async (lang: string) => {
        const res = await t.http.get(`/api/v1/partnerships/${x.partnership.id}/timeline`).set('Authorization', x.csr.auth).set('Accept-Language', lang);
        expect(res.status).toBe(200);
        return (res.body.years as Array<{ events: Array<{ kind: string; date: string; title: string; detail: string | null }> }>)
          .flatMap((y) => y.events)
          .filter((e) => e.kind.startsWith('facility_'));
      };
      expect(await events('id')).toEqual([
        expect.objectContaining({ kind: 'facility_handed_over', date: '2020-03-05', title: 'Serah terima bantuan sarana: 4 unit Rak buku (Rp 12.000.000)', detail: 'Perpustakaan dan buku bacaan; berita acara 014/BAST/CSR-TU/III/2020, diterima oleh Hj. Siti Rahmah, S.Pd.' }),
        expect.objectContaining({ kind: 'facility_checked', date: '2021-02-01', title: 'Pemeriksaan kondisi Rak buku: perlu perbaikan berat', detail: 'Satu rak patah.' }),
      ]);
      expect((await events('en')).map((e) => e.title)).toEqual(['Facilities handed over: 4 unit Rak buku (Rp 12.000.000)', 'Condition check of Rak buku: needs major repair']);
    });
  });

  it('accepts any year of the partnership’s program', async () => {
    const year = await insertProgramYear(t.dataSource, w.program.id, 2090, '1000000000');
    const res = await t.http.post(BASE).set('Authorization', w.csr.auth).send(body(w, { programYearId: year.id }));
    expect(res.status).toBe(201);
    expect(res.body.year).toBe(2090);
  });

  describe('in the reports, beside the cash grants', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const binary = (res: { on: (event: string, cb: (chunk?: Buffer) => void) => void }, cb: (err: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk?: Buffer) => chunk && chunks.push(chunk));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    };

    it('counts only handed-over items as delivered, per program year, per regency, in the PDF and the XLSX export', async () => {
      // By hand: year Y of the program has two items handed over in Banjarmasin (12.000.000 + 8.500.000),
      // one awaiting its handover there (14.000.000) and one handed over in Banjarbaru (3.000.000);
      // a second year has one item handed over (5.000.000). The year's grant is 75.000.000.
      const x = await grantWorld(t);
      const second = await insertProgramYear(t.dataSource, x.program.id, x.year.year + 1, '1000000000');
      const banjarbaru = await createOrganization(t.dataSource, 'school', { regionCode: '63.72' });
      const other = await insertPartnership(t.dataSource, x.program, banjarbaru.id);
      const otherWorld = { ...x, partnership: other, school: banjarbaru };
      await handedOver(x, { itemName: 'Rak buku', value: '12000000' });
      await handedOver(x, { itemName: 'Buku bacaan', value: '8500000', category: 'library' });
      await create(x, { itemName: 'Proyektor', value: '14000000', category: 'ict' });
      await handedOver(otherWorld, { itemName: 'Wastafel', value: '3000000', category: 'sanitation_handwashing' });
      await handedOver(x, { itemName: 'Peralatan UKS', value: '5000000', category: 'school_health_unit', programYearId: second.id });
      await awardGrant(t, x, '75000000', { fundedBudgetLineIds: [x.lines.books.id] });

      const portfolio = await t.http.get(`/api/v1/reports/portfolio?programId=${x.program.id}&year=${x.year.year}`).set('Authorization', x.csr.auth);
      expect(portfolio.status).toBe(200);
      expect(portfolio.body.grants.awarded).toBe('75000000');
      expect(portfolio.body.facilities).toEqual({ itemsHandedOver: 3, inKindValue: '23500000', itemsAwaitingHandover: 1, awaitingHandoverValue: '14000000' });
      const series = portfolio.body.series as Array<{ year: number; facilities: unknown; grants: { awarded: string } }>;
      expect(series.map((y) => [y.year, y.grants.awarded, y.facilities])).toEqual([
        [x.year.year, '75000000', { itemsHandedOver: 3, inKindValue: '23500000', itemsAwaitingHandover: 1, awaitingHandoverValue: '14000000' }],
        [x.year.year + 1, '0', { itemsHandedOver: 1, inKindValue: '5000000', itemsAwaitingHandover: 0, awaitingHandoverValue: '0' }],
      ]);

      const region = await t.http.get(`/api/v1/reports/region?regionCode=63&year=${x.year.year}`).set('Authorization', admin.auth);
      expect(region.status).toBe(200);
      const byRegency = (region.body.regencies as Array<{ code: string; facilities: { inKindValue: string; itemsHandedOver: number } }>).map((r) => [r.code, r.facilities.inKindValue, r.facilities.itemsHandedOver]);
      expect(byRegency.filter(([code]) => code === '63.71' || code === '63.72')).toEqual([
        ['63.71', '20500000', 2],
        ['63.72', '3000000', 1],
      ]);
      expect(region.body.totals.facilities).toEqual({ itemsHandedOver: 3, inKindValue: '23500000', itemsAwaitingHandover: 1, awaitingHandoverValue: '14000000' });

      const pdf = await t.http.get(`/api/v1/reports/partnerships/${x.partnership.id}/summary.pdf?locale=id`).set('Authorization', x.principal.auth).buffer(true).parse(binary);
      expect(pdf.status).toBe(200);
      const text = pdfText(pdf.body as Buffer);
      expect(text).toContain('Sarana (Rp)');
      // This partnership's own items: 20.500.000 in year Y, 5.000.000 in the next; 25.500.000 in total.
      expect(text).toContain('20.500.000');
      expect(text).toContain('25.500.000');

      const xlsx = await t.http.get(`/api/v1/reports/portfolio?programId=${x.program.id}&year=${x.year.year}`).set('Authorization', x.csr.auth).set('Accept', XLSX).buffer(true).parse(binary);
      expect(xlsx.status).toBe(200);
      const book = await readXlsx(xlsx.body as Buffer);
      const figures = new Map(book.get(`Figures ${x.year.year}`)!.rows.map((r) => [r[0], r[1]]));
      expect(figures.get('In-kind support delivered (IDR)')).toBe(23_500_000);
      expect(figures.get('In-kind support awaiting handover (IDR)')).toBe(14_000_000);
      const rows = book.get('Series')!.rows;
      const col = rows[0].indexOf('In-kind support delivered (IDR)');
      expect(rows.slice(1).map((r) => r[col])).toEqual([23_500_000, 5_000_000]);
    });

    it('shows the in-kind value in the school timeline’s years', async () => {
      const x = await grantWorld(t);
      await handedOver(x, { itemName: 'Rak buku', value: '12000000' });
      const res = await t.http.get(`/api/v1/schools/${x.school.id}/timeline`).set('Authorization', x.principal.auth);
      expect(res.status).toBe(200);
      const year = res.body.partnerships[0].years.find((y: { year: number }) => y.year === x.year.year);
      expect(year.figures.facilities).toEqual({ itemsHandedOver: 1, inKindValue: '12000000', itemsAwaitingHandover: 0, awaitingHandoverValue: '0' });
      // The handover (5 March 2020) lands in the timeline entry of its own calendar year.
      const events = res.body.partnerships[0].years.flatMap((y: { year: number; events: Array<{ kind: string; date: string }> }) => y.events.map((e) => [y.year, e.kind, e.date]));
      expect(events).toContainEqual([2020, 'facility_handed_over', '2020-03-05']);
    });
  });

  describe('the demo', () => {
    let demo: TestApp;
    beforeAll(async () => {
      demo = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
      await loadDemoData(demo.dataSource);
    });
    afterAll(() => demo.close());

    it('obeys the rules: handed over after delivery, checked after the handover, nothing in the future, one item overdue on 2026-12-05', async () => {
      const bad = await demo.dataSource.query(
        `SELECT fi.id FROM facility_items fi
          WHERE fi.handed_over_on < fi.delivered_on OR fi.delivered_on > CURRENT_DATE OR fi.handed_over_on > CURRENT_DATE
             OR CAST(fi.created_at AS date) > COALESCE(fi.delivered_on, CURRENT_DATE)
             OR EXISTS (SELECT 1 FROM facility_condition_checks k WHERE k.item_id = fi.id AND (k.checked_on < fi.handed_over_on OR fi.handed_over_on IS NULL OR k.checked_on > CURRENT_DATE))
             OR fi.last_checked_on IS DISTINCT FROM (SELECT max(k.checked_on) FROM facility_condition_checks k WHERE k.item_id = fi.id)
             OR NOT EXISTS (SELECT 1 FROM partnerships p WHERE p.id = fi.partnership_id AND p.company_id = fi.company_id AND p.school_id = fi.school_id)`,
      );
      expect(bad).toEqual([]);
      const login = await demo.http.post('/api/v1/auth/login').send({ email: 'principal@sdnpelambuan4.example', password: DEMO_PASSWORD });
      fixNow(demo, '2026-12-05T03:00:00.000Z');
      const res = await demo.http.get(`${BASE}?limit=100`).set('Authorization', `Bearer ${login.body.accessToken}`);
      expect(res.status).toBe(200);
      const items = res.body.items as Array<{ id: string; status: string; checkOverdue: boolean; year: number }>;
      expect(items.filter((i) => i.checkOverdue).map((i) => i.id)).toEqual([FACILITY_DEMO_IDS.overdueForCheck]);
      expect(items.filter((i) => i.status === 'awaiting_handover').map((i) => i.id)).toEqual([FACILITY_DEMO_IDS.awaitingHandover]);
      expect([...new Set(items.map((i) => i.year))].sort()).toEqual([2013, 2015, 2021, 2026]);
    });
  });
});
