import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { DEMO_PASSWORD, loadDemoData } from '../../src/demo/demo';
import { DEMO_IDS } from '../../src/demo/demo-ids';
import { PLAN_DEMO_IDS } from '../../src/demo/demo-plans';
import { createTestApp, TestApp } from '../support/app';
import { login } from '../support/factories';
import { fixToday } from '../support/mou-factories';
import { inkShare, pdfText, renderPages } from '../support/pdf';

/**
 * Every kind of PDF the API prints, rendered page by page as a reader's viewer would (pdftoppm):
 * no page is blank, and the text a person looks for is there in both languages.
 * `UPDATE_EXAMPLES=1` also writes the demo's renders to docs/examples/ (80 dpi PNG).
 */

const EXAMPLES = join(__dirname, '..', '..', 'docs', 'examples');

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('printed PDFs, rendered', () => {
  let t: TestApp;
  let csr: string;
  let partnershipId: string;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    csr = `Bearer ${(await login(t.http, 'csr@trakindo.example', DEMO_PASSWORD)).accessToken}`;
    const [row] = (await t.dataSource.query(`SELECT id FROM partnerships WHERE school_id = $1 ORDER BY created_at LIMIT 1`, [DEMO_IDS.pelambuan4])) as Array<{ id: string }>;
    partnershipId = row.id;
  });
  beforeEach(() => fixToday(t, '2026-12-05'));
  afterAll(() => t.close());

  const pdf = async (path: string, language: string): Promise<Buffer> => {
    const res = await t.http.get(path).set('Authorization', csr).set('Accept-Language', language).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    return res.body as Buffer;
  };

  /** Renders every page, checks none is blank, and keeps the renders as examples when asked. */
  const rendered = async (file: Buffer, example: string): Promise<Buffer[]> => {
    const pages = renderPages(file, 80);
    expect(pages.length).toBeGreaterThan(0);
    for (const [i, png] of pages.entries()) {
      // An A4 page of text inks a few percent of its pixels; a blank one none.
      expect(await inkShare(png)).toBeGreaterThan(0.005);
      if (process.env.UPDATE_EXAMPLES === '1') writeFileSync(join(EXAMPLES, `${example}-${i + 1}.png`), png);
    }
    return pages;
  };

  it("prints the demo school's plans, every page inked, in both languages", async () => {
    for (const [id, name] of [
      [PLAN_DEMO_IDS.plan2026, 'plan-2026'],
      [PLAN_DEMO_IDS.plan2024, 'plan-2024'],
    ]) {
      for (const language of ['id', 'en']) {
        const file = await pdf(`/api/v1/plans/${id}/export.pdf`, language);
        const pages = await rendered(file, `${name}-${language}`);
        const text = pdfText(file);
        expect(text).toContain('SDN Pelambuan 4 Banjarmasin');
        expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(pages.length);
        expect(text).toContain(language === 'id' ? 'Ringkasan anggaran' : 'Budget summary');
      }
    }
  });

  it('prints the one-page partnership summary with folded quiet years, wrapped themes and dates in words', async () => {
    for (const language of ['id', 'en']) {
      const file = await pdf(`/api/v1/reports/partnerships/${partnershipId}/summary.pdf`, language);
      const pages = await rendered(file, `partnership-summary-${language}`);
      expect(pages).toHaveLength(1);
      const text = pdfText(file);
      expect(text).toContain(language === 'id' ? '5 Desember 2026' : '5 December 2026');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/);
      expect(text).not.toContain('…');
      expect(text).not.toMatch(/-\s+-/);
      expect(text).toMatch(language === 'id' ? /\d{4}–\d{4}: tidak ada kegiatan tercatat/ : /\d{4}–\d{4}: no recorded activity/);
      // Header words are whole, never split across lines.
      for (const word of language === 'id' ? ['Dicairkan', 'Kompetisi', 'Kenaikan'] : ['Disbursed', 'Competition', 'Sessions']) expect(text).toContain(word);
    }
  });
});
