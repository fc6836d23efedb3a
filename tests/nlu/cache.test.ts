import { Recognizer } from '../../nlu';

describe('trained-model cache', () => {
  const sentences = [
    'je suis enceinte, j ai droit à quoi ?',
    'jsui artisan mon camion est en panne',
    "je n'y arrive plus",
    'comment declarer la tva',
    'arret maladi',
  ];

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
