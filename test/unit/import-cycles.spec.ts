import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// No file under src/ may reach itself through its relative imports (type-only imports included:
// a circle of types still ties two modules into one). Prints every circle it finds.
const SRC = resolve(__dirname, '../../src');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?\sfrom\s+'(\.{1,2}\/[^']+)'/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function target(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p)) ?? null;
}

function importCycles(files: string[]): string[][] {
  const edges = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => target(f, m[1])).filter((t): t is string => t !== null)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles.map((c) => c.map((f) => relative(SRC, f)));
}

describe('imports under src/', () => {
  it('form no circle', () => {
    const cycles = importCycles(sources(SRC));
    expect(cycles.map((c) => c.join(' -> '))).toEqual([]);
  });
});
