import { loadExamples, normalize } from '../../nlu';
import { ENTITY_PATTERNS } from '../../nlu/entityPatterns';
import { DistressDetector } from '../../nlu/distress';
import { couldMatch, requiredAtoms } from '../../nlu/prefilter';
import { ScopeDetector } from '../../nlu/scope';

/** What a pattern needs, written `^word` (a word starting so) or `*part`, `|` between choices, `&` between needs. */
const atoms = (source: string, flags = ''): string[] | null =>
  requiredAtoms(source, flags)?.map((conj) =>
    conj.map((clause) => clause.map((a) => (a.prefix ? `^${a.s}` : `*${a.s}`)).join('|')).join(' & '),
  ) ?? null;

describe('requirements read from a pattern', () => {
  it('asks for a word start after a space or the start, for a substring elsewhere', () => {
    expect(atoms('(?:^| )(?:dettes?|huissier)')).toEqual(['^dette', '^huissier']);
    expect(atoms('retards? de paiement')).toEqual(['^paiement & *retard & ^de']);
    expect(atoms('cotisations?')).toEqual(['*cotisation']);
    expect(atoms('(?:^| )(?:ne )?(?:me )?leve (?:plus|pas)')).toEqual(['^plus & ^leve', '^leve & ^pas']);
    // After words of any kind, « dependante » still starts a word.
    expect(atoms('(?:mere|pere) (?:\\w+ ){0,3}dependante?')).toEqual([
      '^dependant & *mere',
      '^dependant & *pere',
    ]);
    // Each alternative needs all its words (a group's choices split it in two).
    expect(atoms('(?:^| )(?:(?:pas|plus) de gaz|touche le fond)')).toEqual([
      '^pas & ^gaz & ^de',
      '^plus & ^gaz & ^de',
      '^touche & ^fond & ^le',
    ]);
  });

  it('asks nothing of an alternative that can match without a literal', () => {
    expect(atoms('(?:^| )(?:dette|\\d+ euros?)')).toEqual(['^dette', '^euro']);
    expect(atoms('(?:^| )(?:dette|\\d+)')).toBeNull();
    expect(atoms('(?:^| )(?:dette)?')).toBeNull();
    expect(atoms('.{0,40}')).toBeNull();
  });

  it('gives up on what it does not read', () => {
    expect(atoms('dette', 'i')).toBeNull();
    expect(atoms('\\u0064ette')).toBeNull();
    expect(atoms('(a)\\1')).toBeNull();
    expect(atoms('a{,2}')).toBeNull();
  });

  it('never rules out a text the pattern matches (every pattern of the recogniser, training sentences)', () => {
    const patterns: RegExp[] = [];
    const collect = (x: unknown): void => {
      if (x instanceof RegExp) patterns.push(x);
      else if (x && typeof x === 'object') for (const v of Object.values(x)) collect(v);
    };
    collect(ENTITY_PATTERNS);
    collect(DistressDetector.fromFile());
    collect(ScopeDetector.fromFile());
    expect(patterns.length).toBeGreaterThan(60);
    const sentences = loadExamples().map((e) => e.text);
    const texts = [
      ...sentences.map(normalize),
      ...sentences.map((t) => t.toLowerCase()),
      // long texts: six sentences joined
      ...sentences
        .filter((_, i) => i % 6 === 0)
        .map((_, i) =>
          sentences
            .slice(i * 6, i * 6 + 6)
            .map(normalize)
            .join(' '),
        ),
    ];
    let ruledOut = 0;
    for (const re of patterns) {
      for (const text of texts) {
        re.lastIndex = 0;
        const matches = re.test(text);
        const may = couldMatch(re, text);
        if (matches)
          expect({ pattern: re.source, text, may }).toEqual({ pattern: re.source, text, may: true });
        if (!may) ruledOut++;
      }
      re.lastIndex = 0;
    }
    // The pre-test is worth having: most (pattern, text) pairs never run the pattern.
    expect(ruledOut).toBeGreaterThan((patterns.length * texts.length) / 2);
  });
});

describe('requirements registered while texts are read (a new process’s first messages)', () => {
  it('answers as the patterns do, whether checked one by one or after the layout is made again', () => {
    const text =
      'je suis artisan boulanger depuis douze ans et mon chiffre de affaires a baisse de moitie je ne arrive plus a payer';
    const present = ['boulang', 'chiffre', 'moitie', 'payer', 'arrive', 'douze'];
    const absent = ['plombier', 'taxi', 'zzz'];
    // More new patterns than are ever checked one by one, asked about the same text and about others in turn.
    for (let i = 0; i < 150; i++) {
      const has = i % 3 !== 0;
      const word = has ? present[i % present.length] : absent[i % absent.length];
      const re = new RegExp(`(?:^| )${word}\\w* (?:\\w+ ){0,${i + 1}}\\w+`);
      expect(couldMatch(re, text)).toBe(has);
      if (has) expect(re.test(text)).toBe(true);
      expect(couldMatch(re, `autre texte ${i} sans rien`)).toBe(false);
    }
    expect(couldMatch(/(?:^| )boulanger depuis/, text)).toBe(true);
  });
});
