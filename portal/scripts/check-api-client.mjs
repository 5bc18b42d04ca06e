// Fails when the checked-in OpenAPI document or the client types generated from it differ from
// what the API builds now: run `npm run api:generate` and commit the result.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'jalin-api-'));
try {
  execFileSync(process.execPath, ['dist/src/openapi-export.js', join(tmp, 'openapi.json')], { stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', join(tmp, 'openapi.json'), '-o', join(tmp, 'schema.d.ts'), '--silent'], { stdio: 'inherit' });
  const drift = ['openapi.json', 'schema.d.ts'].filter((f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join('portal/src/api', f), 'utf8'));
  if (drift.length > 0) {
    console.error(`portal: ${drift.join(' and ')} in portal/src/api differ from the API's OpenAPI document; run \`npm run api:generate\` and commit them`);
    process.exit(1);
  }
  console.log('portal: the API client matches the OpenAPI document');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
