// Lints the OpenAPI document the API serves, with the rules in redocly.yaml. The API is compiled
// with SWC into a throwaway folder (no type check, no dist/), the document exported from it without a
// database (src/openapi-export.ts), then handed to `redocly lint`. Usage: node portal/scripts/lint-openapi.mjs [--keep out.json]
import { transformFileSync } from '@swc/core';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  swcrc: false,
};

function compile(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compile(path, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const target = join(out, relative(root, path)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, transformFileSync(path, { ...SWC, filename: path }).code);
    }
  }
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const work = mkdtempSync(join(tmpdir(), 'jalin-openapi-'));
try {
  compile(join(root, 'src'), work);
  compile(join(root, 'migrations'), work);
  copyFileSync(join(root, 'package.json'), join(work, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
  const keep = process.argv.indexOf('--keep');
  const document = keep > 0 ? resolve(process.argv[keep + 1]) : join(work, 'openapi.json');
  run(process.execPath, [join(work, 'src', 'openapi-export.js'), document]);
  run(join(root, 'node_modules', '.bin', 'redocly'), ['lint', '--config', join(root, 'redocly.yaml'), document]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
