import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildOpenApi, createApp } from '../../src/app.setup';
import { AppLogger } from '../../src/common/logging/logger';
import { loadConfig } from '../../src/config/env';

type Node = Record<string, unknown>;

/** The document the API serves, built without a database (as src/openapi-export.ts does). */
async function openApiDocument(): Promise<Node> {
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'openapi-examples-only-0123456789abcdefghij', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, databaseUrl: config.databaseUrl as string, logger: AppLogger.create('silent'), preview: true });
  const document = JSON.parse(JSON.stringify(buildOpenApi(app))) as Node;
  await app.close();
  return document;
}

/** JSON pointers of every schema in the document that carries an example. */
function schemasWithExamples(node: unknown, pointer = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => schemasWithExamples(item, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found = 'example' in node ? [pointer] : [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue; // data, not schemas
    found.push(...schemasWithExamples(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return found;
}

const at = (doc: Node, pointer: string): Node =>
  pointer
    .split('/')
    .slice(1)
    .reduce<Node>((n, key) => n[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Node, doc);

describe('the OpenAPI document: every example fits its schema', () => {
  let doc: Node;
  let ajv: Ajv;
  beforeAll(async () => {
    doc = await openApiDocument();
    // OpenAPI 3.0 schemas: `nullable` is understood, `example` and the other annotations are ignored.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, 'openapi.json');
  });

  it('has examples to check', () => {
    expect(schemasWithExamples(doc).length).toBeGreaterThan(500);
  });

  it('validates every example against the schema it illustrates', () => {
    const failures: string[] = [];
    for (const pointer of schemasWithExamples(doc)) {
      const node = at(doc, pointer);
      const validate = ajv.getSchema(`openapi.json#${pointer.split('/').map(encodeURIComponent).join('/')}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      if (!validate(node.example)) failures.push(`${pointer}: ${JSON.stringify(node.example)} ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it('catches an example that does not fit', () => {
    const validate = ajv.compile({ type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' }, n: { type: 'integer', nullable: true } } });
    expect(validate({ id: '00000000-0000-4000-8000-000000000001', n: null })).toBe(true);
    expect(validate({ id: 'not-a-uuid' })).toBe(false);
    expect(validate({ id: '00000000-0000-4000-8000-000000000001', n: 1.5 })).toBe(false);
  });
});

describe('the OpenAPI document: Redocly lint', () => {
  it('passes `npm run lint:openapi` (rules in redocly.yaml) with no error', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', 'portal', 'scripts', 'lint-openapi.mjs')], { encoding: 'utf8' });
    expect([run.status, run.stdout + run.stderr]).toEqual([0, expect.stringContaining('Your API description is valid')]);
  });
});
