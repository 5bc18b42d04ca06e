import { Controller, Get, Module, StreamableFile } from '@nestjs/common';
import type { Response } from 'superagent';
import { Public } from '../../src/common/auth/decorators';
import { createTestApp, TestApp } from '../support/app';
import { createOrganization, signedIn } from '../support/factories';

/** 4 KB that compress very well, so a compressed answer would be obvious. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 'A'), Buffer.from('\n%%EOF\n')]);

/** A download route that exists only in this test. */
@Controller('test-only')
class DownloadController {
  @Get('file.pdf')
  @Public()
  pdf(): StreamableFile {
    return new StreamableFile(PDF, { type: 'application/pdf', disposition: 'attachment; filename="file.pdf"', length: PDF.length });
  }
}

@Module({ controllers: [DownloadController] })
class DownloadModule {}

/** The raw bytes of a response (superagent hands the parser the response stream). */
const raw = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('compression', () => {
  let t: TestApp;
  let auth: string;
  beforeAll(async () => {
    t = await createTestApp({ extraModules: [DownloadModule] });
    auth = (await signedIn(t.dataSource, t.http, 'admin')).auth;
    for (let i = 0; i < 15; i++) await createOrganization(t.dataSource, 'school');
  });
  afterAll(() => t.close());

  it('gzips a list answer over 1 KB for a client that accepts gzip', async () => {
    const res = await t.http.get('/api/v1/organizations?limit=100').set('Authorization', auth).set('Accept-Encoding', 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.items.length).toBeGreaterThanOrEqual(15);
    // The length of the uncompressed JSON is not announced: the body on the wire is the gzip stream.
    expect(res.headers['content-length']).toBeUndefined();
  });

  it('answers brotli when the client prefers br', async () => {
    const res = await t.http.get('/api/v1/organizations?limit=100').set('Authorization', auth).set('Accept-Encoding', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.items.length).toBeGreaterThanOrEqual(15);
    const both = await t.http.get('/api/v1/organizations?limit=100').set('Authorization', auth).set('Accept-Encoding', 'gzip, deflate, br');
    expect(both.headers['content-encoding']).toBe('br');
  });

  it('leaves small answers and clients without compression alone', async () => {
    const health = await t.http.get('/health').set('Accept-Encoding', 'gzip, br');
    expect(health.headers['content-encoding']).toBeUndefined();
    const identity = await t.http.get('/api/v1/organizations?limit=100').set('Authorization', auth).set('Accept-Encoding', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(identity.body)));
  });

  it('does not compress a PDF again, and keeps its Content-Length', async () => {
    const res = await t.http.get('/api/v1/test-only/file.pdf').set('Accept-Encoding', 'gzip, br').buffer(true).parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-length']).toBe(String(PDF.length));
    expect((res.body as Buffer).equals(PDF)).toBe(true);
  });
});
