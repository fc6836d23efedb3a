/**
 * The import rule: imports run one way, down — bot/ → dialogs/ → knowledge/ and nlu/ → contract/. This test reads
 * every TypeScript file of the layers, resolves its relative imports and fails on any that runs against them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LAYERS = ['bot', 'dialogs', 'knowledge', 'nlu', 'contract'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer must never import (besides external packages, which are always allowed). */
const OUTSIDE = ['tests', 'scripts', 'bench'];
const FORBIDDEN: Record<Layer, readonly string[]> = {
  bot: [...OUTSIDE],
  dialogs: ['bot', ...OUTSIDE],
  knowledge: ['bot', 'dialogs', 'nlu', ...OUTSIDE],
  nlu: ['bot', 'dialogs', 'knowledge', ...OUTSIDE],
  // The contract imports nothing of the project: no layer, nor any other top-level folder.
  contract: ['*'],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic `import()` and `require()`. */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

/** The top-level folder a relative import lands in, or undefined for a package. */
function targetTop(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.relative(ROOT, path.resolve(path.dirname(file), specifier));
  return target.split(path.sep)[0];
}

interface Violation {
  file: string;
  specifier: string;
}

function violations(layer: Layer): Violation[] {
  const forbidden = FORBIDDEN[layer];
  const out: Violation[] = [];
  for (const file of sourceFiles(path.join(ROOT, layer))) {
    for (const specifier of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      const top = targetTop(file, specifier);
      if (top === undefined || top === layer) continue;
      if (forbidden.includes('*') || forbidden.includes(top))
        out.push({ file: path.relative(ROOT, file), specifier });
    }
  }
  return out;
}

describe('layers: imports run down only', () => {
  it.each(LAYERS.map((l) => [l]))('%s/ imports nothing it must not', (layer) => {
    expect(violations(layer)).toEqual([]);
  });

  it('reads the import forms the rule relies on', () => {
    const source = [
      "import { a } from '../bot/app';",
      "import type { B } from '../dialogs/ports';",
      "export * from './intents';",
      "export { c } from '../knowledge/loader';",
      "import '../nlu/side-effect';",
      "const d = require('../bot/config');",
      "const e = await import('../bot/index');",
      'import {\n  f,\n  g,\n} from "../contract";',
    ].join('\n');
    expect(importSpecifiers(source).sort()).toEqual(
      [
        '../bot/app',
        '../dialogs/ports',
        './intents',
        '../knowledge/loader',
        '../nlu/side-effect',
        '../bot/config',
        '../bot/index',
        '../contract',
      ].sort(),
    );
  });

  it('catches an upward import', () => {
    const file = path.join(ROOT, 'nlu', 'index.ts');
    expect(targetTop(file, '../dialogs/ports')).toBe('dialogs');
    expect(targetTop(file, './cache')).toBe('nlu');
    expect(targetTop(file, 'zod')).toBeUndefined();
  });
});
