/**
 * Regenerates `locales/fr/common-words.txt`: the common French words that the recogniser's spelling correction
 * (`nlu/spell.ts`) would otherwise "correct" into a training word (« purement » → « apurement », « index » →
 * « indep », « gauche » → « gache »). The recogniser leaves the listed words as written. The list is committed:
 * the bot and CI need none of the sources below.
 *
 *   apt-get install -y wfrench                                  # /usr/share/dict/french: is it a French word?
 *   npm install --prefix /tmp/wl --no-save @zxcvbn-ts/language-fr@4.1.2   # how frequent (OpenSubtitles, ranked)
 *   node --import tsx scripts/common-words.ts \
 *     --dict /usr/share/dict/french \
 *     --ranked /tmp/wl/node_modules/@zxcvbn-ts/language-fr/dist/commonWords.json.cjs
 *
 * `--ranked`: the words by decreasing frequency, as a module exporting an array (the package above: its 28,095 most
 * frequent subtitle words) or a text file, one word a line. A word is listed when it is in both sources (lower-case
 * entries of the dictionary only: no names, no English), is one token once normalised (accents folded as the
 * recogniser does), and the corrector changes it — unless the correction is the same word in another gender or
 * number (« quittée » → « quitte »: the training sentences' form, read by the model and the patterns), or it looks more
 * like a typo of a frequent domain word than
 * like itself: one edit from a training word of at least `--min-length` letters (5) that the training sentences use
 * at least `--min-count` times (10). So « traitent » still becomes « traitant » (54 uses: « medcin traitent »),
 * « comte » « compte », « quant » « quand », while « index » (« indep »: 9 uses) stays (« rejet », taken for a form of « rejete », is kept by vocabulary.txt).
 * Figures that chose those two (2026-12-04, every single-edit typo of every training word of 5+ letters, weighted by
 * the word's training count): the rule gives up 0.18 % of those typos' corrections (0.40 % with no exception) and
 * still protects 87 % of the changed words' frequency mass (Zipf, by rank).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMMON_WORDS_FILE, DEFAULT_DATA_DIR, Recognizer, loadExamples } from '../nlu';
import { damerauLevenshtein } from '../nlu/natural';
import { normalizeTokens } from '../nlu/normalize';

const { values } = parseArgs({
  options: {
    dict: { type: 'string', default: '/usr/share/dict/french' },
    ranked: { type: 'string' },
    'min-length': { type: 'string', default: '5' },
    'min-count': { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(DEFAULT_DATA_DIR, '..', COMMON_WORDS_FILE) },
  },
});

if (!values.ranked) {
  console.error(
    'usage: scripts/common-words.ts --ranked <words by frequency: .cjs/.js module or .txt> [--dict FILE]',
  );
  process.exit(2);
}

function rankedWords(file: string): string[] {
  if (/\.(c?js|json)$/.test(file)) {
    const loaded: unknown = createRequire(__filename)(path.resolve(file));
    const list = Array.isArray(loaded) ? loaded : (loaded as { default?: unknown }).default;
    if (!Array.isArray(list)) throw new Error(`${file}: does not export an array of words`);
    return list.filter((w): w is string => typeof w === 'string');
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter(Boolean);
}

const dictionary = new Set(
  readFileSync(values.dict, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => w !== '' && w === w.toLowerCase()),
);
const minLength = Number(values['min-length']);
const minCount = Number(values['min-count']);

// The corrector as it is without the list (`keep: []`), and the training words' counts.
const recognizer = Recognizer.fromDirectory(undefined, { cache: true, keep: [] });
const counts = new Map<string, number>();
for (const e of loadExamples())
  for (const t of normalizeTokens(e.text).tokens) counts.set(t, (counts.get(t) ?? 0) + 1);

/** A word without its gender and number endings (final s or x, then final e, twice: « quittées » → « quitt »). */
function inflectionless(word: string): string {
  const once = (w: string): string => w.replace(/[sx]$/, '').replace(/e$/, '');
  return once(once(word));
}

const seen = new Set<string>();
const kept: string[] = [];
let changed = 0;
let typos = 0;
let inflections = 0;
for (const word of rankedWords(values.ranked)) {
  if (!dictionary.has(word)) continue;
  const tokens = normalizeTokens(word).tokens;
  if (tokens.length !== 1 || seen.has(tokens[0])) continue;
  const token = tokens[0];
  seen.add(token);
  const corrected = recognizer.correct(token);
  if (corrected === token) continue;
  changed++;
  // The same word in another gender or number (« quittée » → « quitte », « dettes » → « dette »): the training
  // sentences' own form, which the model and the patterns read; correcting it loses nothing.
  if (inflectionless(token) === inflectionless(corrected)) {
    inflections++;
    continue;
  }
  if (
    corrected.length >= minLength &&
    (counts.get(corrected) ?? 0) >= minCount &&
    damerauLevenshtein(token, corrected) === 1
  ) {
    typos++;
    continue;
  }
  kept.push(token);
}
kept.sort();

const header = [
  '# Mots français courants que la correction orthographique du recogniser laisse tels quels (ex. « purement » ne',
  '# devient pas « apurement »). Généré par scripts/common-words.ts (ne pas modifier à la main : les mots à protéger',
  '# un par un vont dans vocabulary.txt). Sources : les mots fréquents des sous-titres (OpenSubtitles, via',
  '# @zxcvbn-ts/language-fr) présents dans le dictionnaire wfrench, accents ôtés ; règle et chiffres : le script.',
  `# ${seen.size} mots fréquents lus, ${changed} changés par le correcteur ; laissés à la correction : ${inflections} formes`,
  `# d'un mot d'entraînement (genre, nombre), ${typos} à une lettre d'un mot d'entraînement d'au moins ${minLength} lettres`,
  `# employé au moins ${minCount} fois ; ${kept.length} ici.`,
];
writeFileSync(values.out, [...header, ...kept].join('\n') + '\n');
console.log(
  `${values.out}: ${kept.length} words (${seen.size} read, ${changed} changed, left to correction: ${inflections} inflections, ${typos} likely typos)`,
);
