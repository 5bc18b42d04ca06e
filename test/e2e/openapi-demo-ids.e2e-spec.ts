import { loadDemoData } from '../../src/demo/demo';
import { createTestApp, TestApp } from '../support/app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Example ids that cannot name a demo record, each with why. Users, documents, competition entries and
 * their judge assignments, expense reports and their lines, disbursements, contacts, notifications, MoU obligations and training
 * questionnaire items get random ids when the demo loads, so no example can name them yet.
 */
const NOT_DEMO_RECORDS: Record<string, string> = {
  '3f2a6c1e-8d4b-4c5e-9a7b-1e2d3c4b5a69': 'an Idempotency-Key the client makes up (and users, random in the demo)',
  '5b0f2c1e-4a8e-4f57-9d1c-2f5e0b7c9a11': 'a request id, not a record',
  '6c1f4e2a-3b5d-4c7e-8f9a-0b1c2d3e4f5a': 'an outbox message (the demo sends no mail: the outbox starts empty)',
  '00000000-0000-4000-8000-000000000003': 'a user (random in the demo)',
  '00000000-0000-4000-8000-000000000005': 'a user (random in the demo)',
  '00000000-0000-4000-8000-000000000d01': 'a competition entry (random in the demo)',
  '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f': 'an MoU obligation (random in the demo)',
  '2e1d0c9b-8a7f-4e6d-9c5b-4a3f2e1d0c9b': 'an expense report (random in the demo)',
  '5c1f0a9e-2b7d-4e3a-8c6f-1d2e3f4a5b6c': 'a document (random in the demo)',
  '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a': 'an expense line (random in the demo)',
  '6d0f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b': 'a contact (random in the demo)',
  '8c7b6a59-4e3d-4c2b-9a1f-0e9d8c7b6a59': 'a disbursement (random in the demo)',
  '8e1d2c3b-4a5f-4e6d-9c8b-7a6f5e4d3c2b': 'a notification (random in the demo)',
  'c3f0a1b2-4d5e-4f60-8a7b-9c0d1e2f3a4b': 'a training questionnaire item (random in the demo)',
  '7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09': 'a judge assignment (random in the demo)',
};

/** Every id named by an `example` anywhere in the document. */
function exampleIds(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => exampleIds(item, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'example') for (const id of JSON.stringify(value).match(UUID) ?? []) found.add(id);
      else exampleIds(value, found);
    }
  }
  return found;
}

describe('the OpenAPI examples name records of the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
  });
  afterAll(() => t.close());

  it('so that trying an example in Swagger UI against the demo finds its record', async () => {
    const doc = (await t.http.get('/docs-json')).body as unknown;
    const tables: Array<{ name: string }> = await t.dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const demo = new Set<string>();
    for (const { name } of tables) {
      const rows: Array<{ row: string }> = await t.dataSource.query(`SELECT t::text AS row FROM "${name}" t`);
      for (const { row } of rows) for (const id of row.match(UUID) ?? []) demo.add(id);
    }
    const missing = [...exampleIds(doc)].filter((id) => !demo.has(id) && !(id in NOT_DEMO_RECORDS));
    expect(missing).toEqual([]);
    // POST /plans names the demo's 2026 program year.
    expect(JSON.stringify((doc as { components: { schemas: Record<string, unknown> } }).components.schemas.CreatePlanDto)).toContain('00000000-0000-4000-8000-000000000826');
  });
});
