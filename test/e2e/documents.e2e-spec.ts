import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type request from 'supertest';
import { attachmentDisposition, safeFilename, sniffContentType } from '../../src/documents/content-type';
import { createTestApp, TestApp } from '../support/app';
import { bucketStore, DocumentStore, folderStore } from '../support/document-stores';
import { signedIn } from '../support/factories';
import { draftMou, fixToday, MouDetail, mouWorld, MouWorld, SignedIn } from '../support/mou-factories';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n', 'latin1'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000dIHDR fake png body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF fake jpeg body')]);

/** Collects a binary response body as a Buffer. */
function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

// The same tests on each storage DOCUMENTS_STORAGE can name: a folder, and an S3-compatible bucket.
describe.each([
  ['a folder (DOCUMENTS_STORAGE=filesystem)', folderStore],
  ['an S3-compatible bucket (DOCUMENTS_STORAGE=s3)', bucketStore],
] as Array<[string, () => DocumentStore | Promise<DocumentStore>]>)('MoU documents on %s', (_name, makeStore) => {
  let t: TestApp;
  let store: DocumentStore;
  let w: MouWorld;
  let mou: MouDetail;
  let judge: SignedIn;
  beforeAll(async () => {
    store = await makeStore();
    t = await createTestApp({ env: store.env });
    fixToday(t, '2026-03-01');
    w = await mouWorld(t);
    mou = await draftMou(t, w);
    judge = await signedIn(t.dataSource, t.http, 'judge');
  });
  afterAll(async () => {
    await t.close();
    await store.close();
  });

  const upload = (mouId: string, who: SignedIn | null, file: Buffer | null, name = 'file.pdf', kind: string | null = 'signed_mou', contentType = 'application/pdf') => {
    const req = t.http.post(`/api/v1/mous/${mouId}/documents`);
    if (who) req.set('Authorization', who.auth);
    if (kind !== null) req.field('kind', kind);
    if (file) req.attach('file', file, { filename: name, contentType });
    return req;
  };
  const download = (mouId: string, documentId: string, who: SignedIn | null) => {
    const req = t.http.get(`/api/v1/mous/${mouId}/documents/${documentId}`).buffer(true).parse(binary);
    return who ? req.set('Authorization', who.auth) : req;
  };
  const documentRows = async () => ((await t.dataSource.query('SELECT count(*)::int AS n FROM documents')) as Array<{ n: number }>)[0].n;

  it('stores the signed PDF with its SHA-256, size and uploader under a random key, and streams the same bytes back', async () => {
    const res = await upload(mou.id, w.csr, PDF, 'MoU 2026 ditandatangani.pdf').set('X-Request-Id', 'upload-0001');
    expect(res.status).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.body).toMatchObject({
      kind: 'signed_mou',
      filename: 'MoU 2026 ditandatangani.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256,
      uploadedBy: { id: w.csr.user.id },
    });
    const [row] = (await t.dataSource.query('SELECT owner_type, owner_id, size_bytes, sha256, storage_key, uploaded_by_user_id FROM documents WHERE id = $1', [res.body.id])) as Array<Record<string, string>>;
    expect(row).toMatchObject({ owner_type: 'mou', owner_id: mou.id, size_bytes: String(PDF.length), sha256, uploaded_by_user_id: w.csr.user.id });
    expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await store.bytes(row.storage_key)).equals(PDF)).toBe(true);
    expect(await store.keys()).not.toContain('MoU 2026 ditandatangani.pdf');
    if (store.kind === 's3') expect(readdirSync(store.documentsDir)).toEqual([]);

    const got = await download(mou.id, res.body.id, w.principal);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(PDF.length));
    expect(got.headers['content-disposition']).toBe(`attachment; filename="MoU 2026 ditandatangani.pdf"; filename*=UTF-8''MoU%202026%20ditandatangani.pdf`);
    expect((got.body as Buffer).equals(PDF)).toBe(true);

    const detail = await t.http.get(`/api/v1/mous/${mou.id}`).set('Authorization', w.officer.auth);
    expect(detail.body.documents).toEqual([expect.objectContaining({ id: res.body.id, sha256, sizeBytes: PDF.length })]);
    const [audit] = (await t.dataSource.query(`SELECT action, request_id, changes FROM audit_events WHERE entity_type = 'document' AND entity_id = $1`, [res.body.id])) as Array<{ action: string; request_id: string; changes: Record<string, unknown> }>;
    expect(audit).toMatchObject({ action: 'create', request_id: res.headers['x-request-id'], changes: { ownerType: 'mou', ownerId: mou.id, kind: 'signed_mou', sha256 } });
    expect(audit.changes.storageKey).toBeUndefined();
  });

  it('recognises PNG and JPEG by their content whatever the name or declared type says', async () => {
    const png = await upload(mou.id, w.csr, PNG, 'photo.pdf', 'annex', 'application/pdf');
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ kind: 'annex', contentType: 'image/png', filename: 'photo.pdf.png' });
    const jpeg = await upload(mou.id, w.csr, JPEG, '../../etc/scan.JPEG', 'annex', 'text/plain');
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ contentType: 'image/jpeg', filename: 'scan.JPEG' });
    const got = await download(mou.id, png.body.id, w.csr);
    expect(got.headers['content-type']).toBe('image/png');
    expect((got.body as Buffer).equals(PNG)).toBe(true);
  });

  it('refuses a file that is not a PDF, PNG or JPEG by content (a .pdf-named text file) with 422 on file, storing nothing', async () => {
    const [before, rowsBefore] = [(await store.keys()).length, await documentRows()];
    const res = await upload(mou.id, w.csr, Buffer.from('This is plain text pretending to be a PDF.\n'), 'contract.pdf', 'signed_mou', 'application/pdf');
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'unsupported_content_type' })]);
    expect(res.body.errors[0].message).toContain('application/pdf, image/png, image/jpeg');
    const html = await upload(mou.id, w.csr, Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', 'annex', 'image/png');
    expect(html.status).toBe(422);
    expect((await store.keys()).length).toBe(before);
    expect(await documentRows()).toBe(rowsBefore);
  });

  it('refuses a file over 15 MB with 413 payload_too_large', async () => {
    const big = Buffer.alloc(15 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const res = await upload(mou.id, w.csr, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(res.body.detail).toContain('15 MB');
    // Exactly 15 MB is allowed.
    const limit = await upload(mou.id, w.csr, big.subarray(0, 15 * 1024 * 1024), 'limit.pdf', 'annex');
    expect(limit.status).toBe(201);
    expect(limit.body.sizeBytes).toBe(15 * 1024 * 1024);
  });

  it('asks for the file and a known kind', async () => {
    const noFile = await upload(mou.id, w.csr, null);
    expect(noFile.status).toBe(422);
    expect(noFile.body.errors[0]).toMatchObject({ field: 'file', code: 'required' });
    const badKind = await upload(mou.id, w.csr, PDF, 'a.pdf', 'receipt');
    expect(badKind.status).toBe(422);
    expect(badKind.body.errors[0]).toMatchObject({ field: 'kind', code: 'isIn' });
    const twoFiles = await t.http.post(`/api/v1/mous/${mou.id}/documents`).set('Authorization', w.csr.auth).field('kind', 'annex').attach('file', PDF, 'a.pdf').attach('file', PDF, 'b.pdf');
    expect(twoFiles.status).toBe(422);
    expect(twoFiles.body.errors[0]).toMatchObject({ field: 'file', code: 'multipart_invalid' });
  });

  it('keeps uploads to the CSR officers of the company and downloads to those who see the MoU (401/403/404)', async () => {
    const doc = await upload(mou.id, w.csr, PDF, 'x.pdf');
    expect((await upload(mou.id, null, PDF)).status).toBe(401);
    expect((await download(mou.id, doc.body.id, null)).status).toBe(401);
    expect((await upload(mou.id, judge, PDF)).status).toBe(403);
    expect((await download(mou.id, doc.body.id, judge)).status).toBe(403);
    expect((await upload(mou.id, w.principal, PDF)).status).toBe(403);
    const admin = await signedIn(t.dataSource, t.http, 'admin');
    expect((await upload(mou.id, admin, PDF)).status).toBe(422);
    expect((await download(mou.id, doc.body.id, admin)).status).toBe(200);

    const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
    const up = await upload(mou.id, stranger, PDF);
    expect(up.status).toBe(404);
    const down = await download(mou.id, doc.body.id, stranger);
    expect(down.status).toBe(404);
    expect((await download(mou.id, doc.body.id, w.facilitatorUser)).status).toBe(200);

    // A document of another MoU is not reachable through this MoU's path.
    const other = await draftMou(t, w, { effectiveDate: '2030-01-01', expiryDate: '2031-01-01' });
    expect((await download(other.id, doc.body.id, w.csr)).status).toBe(404);
    expect((await download(mou.id, '00000000-0000-4000-8000-00000000beef', w.csr)).status).toBe(404);
  });

  it('documents the upload as multipart/form-data in the OpenAPI document', async () => {
    const doc = (await t.http.get('/docs-json')).body;
    const op = doc.paths['/api/v1/mous/{id}/documents'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['multipart/form-data']);
    expect(op.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '404', '413', '422']));
  });

  it('streams the upload into the storage and removes the bytes again when the request is refused after they arrived', async () => {
    const before = (await store.keys()).length;
    const rows = await documentRows();
    // A bad kind is found by validation, another company's MoU by the service: both after the file was stored.
    expect((await upload(mou.id, w.csr, PDF, 'a.pdf', 'receipt')).status).toBe(422);
    const stranger = await signedIn(t.dataSource, t.http, 'csr_officer');
    expect((await upload(mou.id, stranger, PDF, 'b.pdf')).status).toBe(404);
    // Over the limit: multer stops reading and removes what it stored.
    const big = Buffer.alloc(15 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    expect((await upload(mou.id, w.csr, big, 'big.pdf')).status).toBe(413);
    expect((await store.keys()).length).toBe(before);
    expect(await documentRows()).toBe(rows);
  });

  // Last: it takes the storage down for good.
  it('answers 503 storage_unavailable with Retry-After when the storage fails, recording nothing', async () => {
    const kept = await upload(mou.id, w.csr, PDF, 'tersimpan.pdf');
    expect(kept.status).toBe(201);
    const [rows, audit] = [await documentRows(), ((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events')) as Array<{ n: number }>)[0].n];
    await store.stop();

    const res = await upload(mou.id, w.csr, PDF, 'gagal.pdf');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.body).toMatchObject({ code: 'storage_unavailable', status: 503 });
    expect(res.body.detail).toContain('Try again in 30 seconds');
    expect(await documentRows()).toBe(rows);
    expect(((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events')) as Array<{ n: number }>)[0].n).toBe(audit);

    const inBahasa = await download(mou.id, kept.body.id, w.principal).set('Accept-Language', 'id');
    expect(inBahasa.status).toBe(503);
    expect(JSON.parse((inBahasa.body as Buffer).toString('utf8'))).toMatchObject({ code: 'storage_unavailable', detail: expect.stringContaining('Coba lagi dalam 30 detik') });
  });

  describe('content rules', () => {
    it('sniffs only the leading magic bytes', () => {
      expect(sniffContentType(PDF)).toBe('application/pdf');
      expect(sniffContentType(PNG)).toBe('image/png');
      expect(sniffContentType(JPEG)).toBe('image/jpeg');
      expect(sniffContentType(Buffer.from(' %PDF-1.7'))).toBeNull();
      expect(sniffContentType(Buffer.from([0xff, 0xd8]))).toBeNull();
      expect(sniffContentType(Buffer.alloc(0))).toBeNull();
    });

    it('makes filenames safe and headers unbreakable', () => {
      expect(safeFilename('C:\\Users\\rina\\MoU.pdf', 'application/pdf')).toBe('MoU.pdf');
      expect(safeFilename('a"b;c\r\n.pdf', 'application/pdf')).toBe('a_b_c__.pdf');
      expect(safeFilename('...', 'image/png')).toBe('document.png');
      expect(safeFilename(undefined, 'image/jpeg')).toBe('document.jpg');
      expect(safeFilename(`${'x'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(200);
      expect(attachmentDisposition('Nota Kesepahaman – 2024.pdf')).toBe(`attachment; filename="Nota Kesepahaman _ 2024.pdf"; filename*=UTF-8''Nota%20Kesepahaman%20%E2%80%93%202024.pdf`);
    });
  });
});
