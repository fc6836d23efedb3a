import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCorpus } from '../../scripts/realWorld';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'tests', 'fixtures', 'real-world.sample.fr.yaml');

/** `npm run realworld:eval -- …` as a child process: its standard output. */
const cli = (...args: string[]): string =>
  execFileSync(
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', path.join(ROOT, 'scripts/realworld-eval.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
    },
  );

/** The `(n/d)` of a printed line `label  xx.x %  (n/d)`. */
const counts = (out: string, label: string): [number, number] => {
  const m = new RegExp(`^\\s+${label}\\s+[\\d.–]+\\s*%?\\s+\\((\\d+)/(\\d+)\\)$`, 'm').exec(out);
  if (!m) throw new Error(`no line « ${label} » in:\n${out}`);
  return [Number(m[1]), Number(m[2])];
};

describe('realworld:eval (command line over scripts/realWorld.ts)', () => {
  it('chooses a part of the corpus; a file without split is all of it; a half-split file is refused', () => {
    expect(loadCorpus(SAMPLE, { part: 'all' })?.items).toHaveLength(10);
    expect(loadCorpus(SAMPLE, { part: 'dev' })?.items.map((i) => i.id)).toEqual(['s09', 's10']);
    expect(loadCorpus(SAMPLE)?.items).toHaveLength(8);
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      const item = '{id: a, kind: question, text: x, intent: None, outcome: out_of_scope}';
      writeFileSync(path.join(dir, 'none.yaml'), `items:\n  - ${item}\n`);
      expect(loadCorpus(path.join(dir, 'none.yaml'), { part: 'dev' })?.items).toHaveLength(1);
      writeFileSync(
        path.join(dir, 'half.yaml'),
        `items:\n  - ${item}\n  - {${item.slice(1, -1)}, split: dev}\n`,
      );
      expect(() => loadCorpus(path.join(dir, 'half.yaml'))).toThrow(/items\.0\.split/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs on the sample and prints per kind, per outcome, hardship → HELP, out of scope, bare not-understood', () => {
    const out = cli(SAMPLE, '--part', 'test', '--verbose');
    expect(out).toMatch(/== .*real-world\.sample\.fr\.yaml — as written — 8 messages \(part test\)/);
    expect(counts(out, 'outcome served, all')[1]).toBe(8);
    const kinds = counts(out, 'top-1 outcome, question')[1] + counts(out, 'top-1 outcome, testimony')[1];
    expect(kinds).toBe(8);
    const outcomes = ['help', 'aide_financiere', 'topic', 'out_of_scope'].map(
      (o) => counts(out, `outcome ${o}`)[1],
    );
    expect(outcomes.reduce((a, b) => a + b, 0)).toBe(8);
    // s03 and s06 (self-harm: there the 3114 counts) are the hardship stories of the test part.
    expect(counts(out, 'hardship → HELP \\(self-harm: 3114\\)')[1]).toBe(2);
    expect(counts(out, 'self-harm → 3114 shown')[1]).toBe(1);
    expect(counts(out, 'out of scope answered as such')[1]).toBe(2);
    expect(out).toMatch(/bare « pas compris », ≥ 12 words: \d+ {3}\(any length: \d+\)/);
    // Every miss is listed with what the bot did.
    const served = counts(out, 'outcome served, all')[0];
    expect(out.split('\n').filter((l) => l.startsWith('  ✗ ')).length).toBeGreaterThanOrEqual(8 - served);
  });

  it('shows the replies of one item, and refuses an unknown option value', () => {
    const shown = cli(SAMPLE, '--part', 'all', '--show', 's01');
    expect(shown).toMatch(/carte Vitale/);
    expect(shown).toMatch(/^-- .*topic:carte_vitale/m);
    expect(() => cli(SAMPLE, '--part', 'nope')).toThrow();
    expect(() => cli(SAMPLE, '--seed', 'x')).toThrow();
  });

  it('realworld:cv --seeds runs once per training seed and prints each total, then their mean and range', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--disable-warning=DEP0111',
        '--import',
        'tsx',
        path.join(ROOT, 'scripts/realworld-cv.ts'),
        SAMPLE,
        '--part',
        'test',
        '--folds',
        '1',
        '--seeds',
        '7,8',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
      },
    );
    const totals = [7, 8].map((seed) => {
      const part = out.split(`, seed ${seed}\n`)[1];
      expect(part).toBeDefined();
      return counts(part, 'outcome served, all');
    });
    expect(totals.map(([, d]) => d)).toEqual([8, 8]);
    const mean =
      /^== mean of 2 seeds \(7, 8\): served \(range\)\n\s+outcome served, all\s+[\d.]+ %\s+\(([\d.]+)\/8; (\d+)–(\d+)\)$/m.exec(
        out,
      );
    expect(mean).not.toBeNull();
    const served = totals.map(([n]) => n);
    expect(Number(mean?.[1])).toBeCloseTo((served[0] + served[1]) / 2, 5);
    expect([Number(mean?.[2]), Number(mean?.[3])]).toEqual([Math.min(...served), Math.max(...served)]);
    expect(() =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/realworld-cv.ts'), SAMPLE, '--seeds', '7,x'],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      ),
    ).toThrow();
  }, 120_000);
});
