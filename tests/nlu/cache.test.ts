import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Recognizer } from '../../nlu';
import { modelKey } from '../../nlu/cache';
import { NLU_DATA_DIR } from '../../nlu/settings';
import { RECOGNIZER_VERSION } from '../../nlu/version';

describe('trained-model cache', () => {
  const sentences = [
    'je suis enceinte, j ai droit à quoi ?',
    'jsui artisan mon camion est en panne',
    "je n'y arrive plus",
    'comment declarer la tva',
    'arret maladi',
    'je sui indepandant et mon chifre d afaire a baisé',
    'congé maternitée pour une comercante',
  ];

  // The spelling vocabulary comes from the cache too: the corrected texts must be the fresh model's.
  it('gives exactly the answers of a freshly trained model, without training', () => {
    Recognizer.fromDirectory(undefined, { cache: true }); // trains and stores, or reads
    const cached = Recognizer.fromDirectory(undefined, { cache: true });
    const fresh = Recognizer.fromDirectory(undefined, { cache: false });
    expect(cached.fromCache).toBe(true);
    expect(fresh.fromCache).toBe(false);
    for (const text of sentences) {
      const a = cached.recognize(text);
      const b = fresh.recognize(text);
      expect(a.topIntent).toBe(b.topIntent);
      expect(a.normalized).toBe(b.normalized);
      expect(a.alteredText).toBe(b.alteredText);
      for (const [intent, { score }] of Object.entries(b.intents)) {
        expect(a.intents[intent].score).toBeCloseTo(score, 6);
      }
    }
  });

  it('keeps one entry per set of training inputs (here: other options)', () => {
    const base = Recognizer.fromDirectory(undefined, { cache: true });
    expect(base.fromCache).toBe(true);
    const changed = Recognizer.fromDirectory(undefined, { cache: true, threshold: 0.31 });
    // Different options are a different key: this one was trained (or read from its own entry).
    const again = Recognizer.fromDirectory(undefined, { cache: true, threshold: 0.31 });
    expect(again.fromCache).toBe(true);
    expect(changed.options.threshold).toBe(0.31);
  });
});

describe('model cache key', () => {
  const ROOT = path.join(__dirname, '..', '..');

  it('changes with the options and with the content of the data files', () => {
    const base = Recognizer.fromDirectory(undefined, { cache: true }).cacheKey;
    const other = Recognizer.fromDirectory(undefined, { cache: true, segmentWeight: 0.4 }).cacheKey;
    expect(other).not.toBe(base);
    const dir = mkdtempSync(path.join(tmpdir(), 'relais-nlu-'));
    try {
      cpSync(NLU_DATA_DIR, dir, { recursive: true });
      expect(modelKey({ same: 'inputs' }, dir)).toBe(modelKey({ same: 'inputs' }));
      appendFileSync(path.join(dir, 'lexicon.yaml'), '  - un mot de plus\n');
      expect(modelKey({ same: 'inputs' }, dir)).not.toBe(modelKey({ same: 'inputs' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /**
   * The key hashes the data and RECOGNIZER_VERSION, not the code. When this test fails, the code that trains the
   * model changed: bump RECOGNIZER_VERSION in nlu/version.ts, then record both values below (a change that cannot
   * change what is trained — a comment, unreachable code — only records the new sources hash).
   */
  it('comes with a new RECOGNIZER_VERSION whenever the code that trains the model changes', () => {
    const TRAINING_SOURCES = [
      'courtesy.ts',
      'data.ts',
      'features.ts',
      'hardship.ts',
      'index.ts',
      'lexicon.ts',
      'model.ts',
      'natural.ts',
      'normalize.ts',
      'settings.ts',
      'spell.ts',
    ];
    const hash = createHash('sha256');
    for (const file of TRAINING_SOURCES) hash.update(file).update(readFileSync(path.join(ROOT, 'nlu', file)));
    expect({ version: RECOGNIZER_VERSION, sources: hash.digest('hex').slice(0, 16) }).toEqual({
      version: '2026-12-04.1',
      sources: 'ab2745e4def366d4',
    });
  });
});
