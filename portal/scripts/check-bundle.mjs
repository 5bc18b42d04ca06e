// Fails the build when the JavaScript a phone downloads before the sign-in and home pages work
// grows past the budget (gzip): the entry chunk and everything it imports statically.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dir = resolve(process.argv[2] ?? 'dist/portal');
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((c) => c.isEntry);
const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) walk(i);
};
walk(Object.keys(manifest).find((k) => manifest[k] === entry));
let total = 0;
for (const key of seen) total += gzipSync(readFileSync(join(dir, manifest[key].file)), { level: 9 }).length;
const kb = total / 1024;
console.log(`portal: initial JavaScript ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, ${seen.size} chunk(s))`);
if (kb > BUDGET_KB) {
  console.error(`portal: the initial JavaScript is over budget; load more of it lazily (per area, see portal/src/features/*/routes.tsx)`);
  process.exit(1);
}
