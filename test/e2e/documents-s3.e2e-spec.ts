import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type request from 'supertest';
import { DocumentNotStoredError } from '../../src/documents/document-storage';
import { FilesystemDocumentStorage } from '../../src/documents/filesystem-document-storage';
import { S3DocumentStorage } from '../../src/documents/s3-document-storage';
import { createTestApp, TestApp } from '../support/app';
import { bucketStore, DocumentStore, S3_BUCKET as BUCKET, S3_PREFIX as PREFIX } from '../support/document-stores';
import { signedIn } from '../support/factories';
import { awardGrant, disburse, grantWorld, GrantWorld } from '../support/grant-factories';
import { draftMou, MouDetail, mouWorld, MouWorld, SignedIn } from '../support/mou-factories';

/** A PDF over S3's 5 MB part size, so the upload goes to the bucket as a multipart upload. */
const MOU_SCAN = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n', 'latin1'), Buffer.alloc(6 * 1024 * 1024, 0x41), Buffer.from('\n%%EOF\n')]);
const RECEIPT_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF nota toko buku, Rp 2.500.000')]);

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

// The shared document tests (test/e2e/documents.e2e-spec.ts) run on the bucket too; these are the bucket's own.
describe('documents on an S3-compatible object store (DOCUMENTS_STORAGE=s3)', () => {
  let store: DocumentStore & { s3: S3Client };
  let s3: S3Client;
  let t: TestApp;
  let documentsDir: string;
  let w: MouWorld;
  let mou: MouDetail;

  beforeAll(async () => {
    store = await bucketStore();
    s3 = store.s3;
    documentsDir = store.documentsDir;
    t = await createTestApp({ env: store.env });
    w = await mouWorld(t);
    mou = await draftMou(t, w);
  });
  afterAll(async () => {
    await t.close();
    await store.close();
  });

  const uploadToMou = (who: SignedIn, file: Buffer, name: string) => t.http.post(`/api/v1/mous/${mou.id}/documents`).set('Authorization', who.auth).field('kind', 'signed_mou').attach('file', file, name);
  const download = (path: string, who: SignedIn) => t.http.get(path).set('Authorization', who.auth).buffer(true).parse(binary);
  const storageKey = async (documentId: string) => ((await t.dataSource.query('SELECT storage_key FROM documents WHERE id = $1', [documentId])) as Array<{ storage_key: string }>)[0].storage_key;
  const objectBytes = async (key: string) => store.bytes(key.slice(PREFIX.length));
  const count = async (table: string) => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>)[0].n;

  it('keeps a signed MoU scan in the bucket under the key prefix, not on disk, and streams the same bytes back through the API', async () => {
    const up = await uploadToMou(w.csr, MOU_SCAN, 'MoU 2026 ditandatangani.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'application/pdf', sizeBytes: MOU_SCAN.length, sha256: createHash('sha256').update(MOU_SCAN).digest('hex') });
    const key = await storageKey(up.body.id);
    expect((await objectBytes(`${PREFIX}${key}`)).equals(MOU_SCAN)).toBe(true);
    expect(readdirSync(documentsDir)).toEqual([]);

    const got = await download(`/api/v1/mous/${mou.id}/documents/${up.body.id}`, w.principal);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toContain('filename="MoU 2026 ditandatangani.pdf"');
    expect((got.body as Buffer).equals(MOU_SCAN)).toBe(true);
  });

  it("keeps an expense report's receipt in the bucket and lets only those who see the report download it (another organisation: 404)", async () => {
    const g: GrantWorld = await grantWorld(t);
    const grant = await awardGrant(t, g, '20000000');
    await disburse(t, g, grant.id, '10000000');
    const report = await t.http
      .post(`/api/v1/grants/${grant.id}/expense-reports`)
      .set('Authorization', g.principal.auth)
      .send({ title: 'Pojok literasi', lines: [{ spentOn: '2024-03-10', description: 'Buku cerita', budgetLineId: g.lines.books.id, amount: '2500000' }] });
    expect(report.status).toBe(201);
    const lineUrl = `/api/v1/grants/${grant.id}/expense-reports/${report.body.id}/lines/${report.body.lines[0].id}`;
    const up = await t.http.post(`${lineUrl}/receipts`).set('Authorization', g.principal.auth).attach('file', RECEIPT_JPEG, 'nota.jpg');
    expect(up.status).toBe(201);
    const receipt = up.body.lines[0].receipts[0] as { id: string; contentType: string };
    expect(receipt.contentType).toBe('image/jpeg');
    expect((await objectBytes(`${PREFIX}${await storageKey(receipt.id)}`)).equals(RECEIPT_JPEG)).toBe(true);

    const got = await download(`${lineUrl}/receipts/${receipt.id}`, g.csr);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect((got.body as Buffer).equals(RECEIPT_JPEG)).toBe(true);

    const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
    const refused = await download(`${lineUrl}/receipts/${receipt.id}`, stranger);
    expect(refused.status).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it("refuses another organisation's MoU document with the same 404 as on disk", async () => {
    const up = await uploadToMou(w.csr, MOU_SCAN.subarray(0, 4096), 'lampiran.pdf');
    expect(up.status).toBe(201);
    const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
    const res = await download(`/api/v1/mous/${mou.id}/documents/${up.body.id}`, stranger);
    expect(res.status).toBe(404);
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('answers a document whose object is gone from the bucket with the not_found problem, not a 500', async () => {
    const up = await uploadToMou(w.csr, MOU_SCAN.subarray(0, 4096), 'hilang.pdf');
    expect(up.status).toBe(201);
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${await storageKey(up.body.id)}` }));
    const res = await download(`/api/v1/mous/${mou.id}/documents/${up.body.id}`, w.csr);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('tells a missing key apart from other failures exactly as the filesystem storage does', async () => {
    const key = '0f7c2d4e-9a1b-4c3d-8e5f-6a7b8c9d0e1f';
    for (const storage of [new S3DocumentStorage(s3, BUCKET, PREFIX), new FilesystemDocumentStorage(documentsDir)]) {
      await expect(storage.get(key)).rejects.toBeInstanceOf(DocumentNotStoredError);
      await expect(storage.delete(key)).resolves.toBeUndefined();
      await expect(storage.get('../escape')).rejects.toThrow(/invalid document storage key/);
    }
    await expect(new S3DocumentStorage(s3, 'no-such-bucket', PREFIX).get(key)).rejects.not.toBeInstanceOf(DocumentNotStoredError);
  });

  it('reports the bucket as the documents check of readiness', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok', documents: 'ok' } });
  });

  it('leaves no document row or audit line when the store refuses the upload, and readiness says the storage is unavailable', async () => {
    await store.stop();
    const [documents, audit] = [await count('documents'), await count('audit_events')];

    const res = await uploadToMou(w.csr, MOU_SCAN.subarray(0, 4096), 'gagal.pdf');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'storage_unavailable' });
    expect(await count('documents')).toBe(documents);
    expect(await count('audit_events')).toBe(audit);
    expect(readdirSync(documentsDir)).toEqual([]);

    const ready = await t.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', checks: { database: 'ok', migrations: 'ok', documents: 'unavailable' } });
  });
});
