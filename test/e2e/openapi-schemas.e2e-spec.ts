import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../support/app';

type Node = Record<string, unknown>;

/** Objects whose keys are free-form on purpose: each must say `additionalProperties: true`. */
const FREE_FORM = [
  // What an audited action changed: its shape depends on the action.
  '#/components/schemas/AuditEventResponse/properties/changes',
  '#/components/schemas/PartnerRequestEventResponse/properties/changes',
  // A value in a plan version: any JSON value, an added or removed item among them.
  '#/components/schemas/PlanDiffEntryResponse/properties/before/oneOf/4',
  '#/components/schemas/PlanDiffEntryResponse/properties/after/oneOf/4',
];

/**
 * Every schema of the document that would come out of openapi-typescript as `Record<string, never>`
 * (an object with nothing said about its keys), or as `unknown` (a property with no schema at all),
 * and every deliberately free-form object.
 */
function inspect(doc: Node): { vague: string[]; freeForm: string[] } {
  const vague: string[] = [];
  const freeForm: string[] = [];
  const visit = (node: unknown, pointer: string, isProperty: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${pointer}/${i}`, false));
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    const composed = ['$ref', 'oneOf', 'anyOf', 'allOf'].some((k) => k in n);
    if (n.type === 'object' && !composed && !('properties' in n)) {
      if (n.additionalProperties === true) freeForm.push(pointer);
      else if (n.additionalProperties === undefined) vague.push(pointer);
    }
    if (isProperty && !composed && n.type === undefined && n.enum === undefined) vague.push(pointer);
    for (const [key, value] of Object.entries(n)) {
      // Examples are data, not schemas.
      if (key === 'example' || key === 'examples') continue;
      if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [name, property] of Object.entries(value as Node)) visit(property, `${pointer}/properties/${name}`, true);
      } else visit(value, `${pointer}/${key}`, false);
    }
  };
  visit(doc, '#', false);
  return { vague, freeForm };
}

describe('the OpenAPI document the portal client is generated from', () => {
  let t: TestApp;
  let doc: Node;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('gives every object a shape: properties, additionalProperties, a composition or a $ref', () => {
    const { vague, freeForm } = inspect(doc);
    expect(vague).toEqual([]);
    expect(freeForm.sort()).toEqual([...FREE_FORM].sort());
  });

  it('finds a vague object when there is one', () => {
    const planted = { components: { schemas: { X: { type: 'object', properties: { a: { type: 'object', example: { k: 1 } }, b: { example: 1 }, c: { type: 'object', additionalProperties: true } } } } } };
    expect(inspect(planted)).toEqual({
      vague: ['#/components/schemas/X/properties/a', '#/components/schemas/X/properties/b'],
      freeForm: ['#/components/schemas/X/properties/c'],
    });
  });

  it('types the fixed properties for real', () => {
    const s = (doc.components as { schemas: Record<string, { properties: Record<string, Node> }> }).schemas;
    expect(JSON.stringify(s.HealthResponse.properties.checks)).toContain('"$ref":"#/components/schemas/HealthChecksResponse"');
    expect(JSON.stringify(s.PortfolioHealthResponse.properties.rule)).toContain('"$ref":"#/components/schemas/HealthRuleResponse"');
    expect(s.HealthRuleResponse.properties.overdue_followups).toBeDefined();
    expect(s.CreateMentoringSessionDto.properties.notes).toMatchObject({ type: 'string', nullable: true });
    expect(s.PlanDiffEntryResponse.properties.before).toMatchObject({ oneOf: expect.arrayContaining([{ type: 'string', nullable: true }, { type: 'number' }]) });
    expect(s.MeResponse.properties.locale).toMatchObject({ enum: ['id', 'en'] });
  });

  it('generates TypeScript types without Record<string, never> for any schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalin-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
      // The package exports no CommonJS entry, so its CLI is run as the portal's build runs it.
      const cli = join(__dirname, '..', '..', 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
      execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '-o', join(dir, 'schema.d.ts')], { stdio: 'pipe' });
      const types = readFileSync(join(dir, 'schema.d.ts'), 'utf8');
      const never = types.split('\n').filter((line) => line.includes('Record<string, never>'));
      // Only the document's empty top-level sections (no webhooks, no $defs).
      expect(never.map((line) => line.trim())).toEqual(['export type webhooks = Record<string, never>;', 'export type $defs = Record<string, never>;']);
      expect(types).toContain('changes: {\n                [key: string]: unknown;\n            } | null;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
