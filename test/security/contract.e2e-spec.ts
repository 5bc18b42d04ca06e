import Ajv, { type ValidateFunction } from 'ajv';
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from '../../src/demo/demo';
import { createTestApp, TestApp } from '../support/app';

// The API's contract, checked against itself:
// - mass assignment: every write operation refuses every field the server owns (any property of
//   its answer that the request does not document: ids, statuses, versions, owners, totals, times),
//   naming it, before anything is looked up or written;
// - answers: every readable list and record, as every role of the demo, matches its documented
//   schema exactly, with no property the document does not name.

type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

const WRITE_METHODS = ['post', 'patch', 'put'];

function resolve(doc: Doc, s: Schema | undefined): Schema {
  let cur = s ?? {};
  for (let i = 0; i < 10 && cur.$ref; i++) cur = doc.components.schemas[String(cur.$ref).split('/').pop() as string] ?? {};
  return cur;
}

/** The top-level property names of a schema (through $ref, allOf, oneOf and anyOf). */
function propertyNames(doc: Doc, s: Schema | undefined): string[] {
  const r = resolve(doc, s);
  const own = Object.keys(r.properties ?? {});
  return [...own, ...([...(r.allOf ?? []), ...(r.oneOf ?? []), ...(r.anyOf ?? [])] as Schema[]).flatMap((p) => propertyNames(doc, p))];
}

/** A copy of the document's schemas where every object with named properties allows no others. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) out[k] = k === 'example' || k === 'examples' ? v : closed(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (typeof out.$ref === 'string') out.$ref = `doc${out.$ref}`;
  // OpenAPI 3.0's `nullable` (also beside an enum or an allOf of a $ref): the value or null.
  if (out.nullable === true) {
    const { nullable: _nullable, description, example, ...rest } = out;
    return { description, example, anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

describe('the API keeps its own contract', () => {
  let t: TestApp;
  let doc: Doc;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    await loadDemoData(t.dataSource);
    doc = (await t.http.get('/docs-json')).body as Doc;
    for (const u of DEMO_USERS) {
      const res = await t.http.post('/api/v1/auth/login').send({ email: u.email, password: DEMO_PASSWORD });
      tokens.set(u.role, res.body.accessToken as string);
    }
  }, 5 * 60_000);
  afterAll(() => t?.close());

  it('refuses every server-owned field on every write operation, naming it', async () => {
    const admin = tokens.get('admin') as string;
    const refused: string[] = [];
    const accepted: string[] = [];
    let attempts = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!WRITE_METHODS.includes(method)) continue;
        const requestSchema = op.requestBody?.content?.['application/json']?.schema as Schema | undefined;
        if (!requestSchema) continue;
        const documented = new Set(propertyNames(doc, requestSchema));
        const answer = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1] as Schema | undefined;
        const owned = new Set([...propertyNames(doc, answer?.content?.['application/json']?.schema), 'id', 'createdAt', 'updatedAt', 'createdBy', 'organizationId', '__proto__', 'constructor']);
        for (const field of owned) {
          if (documented.has(field)) continue;
          attempts++;
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'number' ? '1' : '00000000-0000-4000-8000-00000000ffff'));
          const body = field === '__proto__' ? '{"__proto__":{"isAdmin":true}}' : JSON.stringify({ [field]: 'server-owned' });
          const res = await (t.http as any)[method](url).set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', randomUUID()).set('Content-Type', 'application/json').send(body);
          const named = res.status === 422 && (res.body.errors ?? []).some((e: { field: string; code: string }) => e.field === field && e.code === 'unknown_field');
          if (named) refused.push(`${method} ${path} ${field}`);
          else accepted.push(`${method.toUpperCase()} ${path} ${field}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
      }
    }
    expect(attempts).toBeGreaterThan(300);
    expect(accepted).toEqual([]);
    console.log(`mass assignment: ${attempts} server-owned fields sent to write operations, ${refused.length} refused by name`);
  }, 10 * 60_000);

  it('answers every readable list and record, as every role, exactly in its documented shape', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: closed(doc.components) as Schema });
    const validators = new Map<string, ValidateFunction>();
    const validatorOf = (key: string, schema: Schema) => {
      if (!validators.has(key)) validators.set(key, ajv.compile(closed(schema) as Schema));
      return validators.get(key) as ValidateFunction;
    };
    const mismatches: string[] = [];
    let checked = 0;
    const gets = Object.entries(doc.paths).filter(([, item]) => item.get).map(([path, item]) => ({ path, op: item.get as Schema }));
    const schemaOf = (op: Schema) => op.responses?.['200']?.content?.['application/json']?.schema as Schema | undefined;
    const check = async (role: string, url: string, pattern: string, op: Schema) => {
      const schema = schemaOf(op);
      if (!schema) return null;
      const res = await t.http.get(url).set('Authorization', `Bearer ${tokens.get(role)}`);
      if (res.status !== 200 || !String(res.headers['content-type']).includes('json')) return null;
      checked++;
      const validate = validatorOf(pattern, schema);
      if (!validate(res.body)) mismatches.push(`${role} GET ${url}: ${ajv.errorsText(validate.errors?.slice(0, 3))}`);
      return res.body as Schema;
    };

    for (const role of tokens.keys()) {
      // Lists (and other reads without an id); their items give the ids of the records to read.
      const idsBy = new Map<string, string[]>();
      for (const { path, op } of gets.filter((g) => !g.path.includes('{'))) {
        const body = await check(role, path, path, op);
        const items = Array.isArray(body?.items) ? (body.items as Array<{ id?: string }>) : [];
        idsBy.set(path, items.map((i) => i.id).filter((id): id is string => typeof id === 'string').slice(0, 3));
      }
      for (const { path, op } of gets.filter((g) => /^[^{]*\{id\}/.test(g.path) && (g.path.match(/\{/g) ?? []).length === 1)) {
        const list = path.slice(0, path.indexOf('/{id}'));
        for (const id of idsBy.get(list) ?? []) await check(role, path.replace('{id}', id), path, op);
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(mismatches).toEqual([]);
    console.log(`answers: ${checked} answers of ${validators.size} read operations checked against their schemas`);
  }, 10 * 60_000);
});
