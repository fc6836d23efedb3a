/**
 * Understands a free-text answer to a question with a few choices: the button text itself, a synonym, a number
 * ("2"), an ordinal ("plutôt la 2e", "la première"), or a sentence that mentions one option's words.
 * Everything is compared after normalisation (case, accents, SMS spellings), so "ouai jsui retraite" works.
 */
import { markerPhrases, withoutPhrases } from './markers';

export interface ChoiceOption {
  value: string;
  label: string;
  /**
   * Another wording of the label, matched like it but never shown: the web chat's first-person label (« Payer mes
   * cotisations Urssaf ») when an adviser reads the third-person one (« Payer ses cotisations Urssaf »).
   */
  alias?: string;
  synonyms?: string[];
  /**
   * The key of a list of the locale's resources naming the option too (`prompts.yesSynonyms`): the waiting
   * question's state keeps the key, not the list (the list is read when an answer comes, `choiceStep.ts`).
   */
  synonymsOf?: string;
}

/** The texts an option is named by as a whole: its label, its alias and its synonyms. */
function namings(o: ChoiceOption): string[] {
  return [o.label, ...(o.alias !== undefined ? [o.alias] : []), ...(o.synonyms ?? [])];
}

export interface MatcherVocabulary {
  /** Words for each position, e.g. ["premier premiere 1er", "deuxieme second seconde 2e", …]. */
  ordinals: string[];
  /** Words meaning "the last one". */
  last: string[];
  /** Words that make a number a quantity, not a position (« 2 ans », « 3 enfants »). */
  units?: string[];
  /** Phrases of doubt (« je ne sais pas si », « peut-être »): the option's words that follow are not a choice. */
  doubts?: string[];
  /** Courtesy (« s'il vous plaît », « merci »): left out of the answer (« 2 svp » is « 2 »). */
  courtesy?: string[];
}

/** Words that name no option by themselves. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'je',
  'j',
  'suis',
  'la',
  'le',
  'les',
  'l',
  'de',
  'des',
  'du',
  'd',
  'un',
  'une',
  'et',
  'ou',
  'a',
  'au',
  'aux',
  'en',
  'mon',
  'ma',
  'mes',
  'plutot',
  'c',
  'est',
  'ce',
  'que',
  'qui',
  'pour',
  'par',
  'pas',
  'ne',
  'moi',
  'on',
  'il',
  'elle',
  'y',
  'ai',
  'avoir',
  'etre',
  'mais',
  'sur',
  'dans',
  'son',
  'sa',
  'ses',
  'vous',
  'votre',
  'vos',
  // The domain's most general words name no option by themselves: « j'ai besoin d'aide » is not « J'aide un proche
  // dépendant ».
  'aide',
  // « je suis toujours en activité » at « Quelle difficulté rencontrez-vous ? » is not « Ma santé menace mon activité ».
  'activite',
  'aides',
  'besoin',
]);

/** Words that deny what follows them (« je ne suis plus en activité », « pas d'ALD », « aucune ALD »). */
const NEGATORS = new Set(['pas', 'plus', 'aucun', 'aucune', 'sans', 'ni', 'jamais']);

/** Words that may stand between a negation and the word it denies (« pas de problème de cotisations »). */
const NEGATION_FILLERS = new Set([
  'de',
  'd',
  'le',
  'la',
  'les',
  'du',
  'des',
  'en',
  'un',
  'une',
  'a',
  'mon',
  'ma',
  'mes',
  'notre',
  'nos',
  'vraiment',
  'encore',
  'tout',
  'ete',
  'lie',
  'liee',
  'probleme',
  'problemes',
  'souci',
  'soucis',
]);

/**
 * A negation denies what follows only after « être » or « avoir » (« je ne suis plus en activité », « je n'ai pas
 * d'ALD », « ce n'est pas lié »), a conjunction (« infirmière mais pas conventionnée ») or at the start; after another
 * verb it negates that verb (« je ne paie plus mes cotisations » is about the cotisations).
 */
const DENYING_AFTER = new Set([
  'suis',
  'es',
  'est',
  'sommes',
  'etes',
  'sont',
  'etais',
  'etait',
  'ai',
  'as',
  'a',
  'avons',
  'avez',
  'ont',
  'avais',
  'avait',
  'mais',
  'et',
  'ou',
  'non',
  'ne',
  // Having or drawing something (« je ne touche plus ma pension ») denies that thing too.
  'touche',
  'percois',
  'recois',
  'beneficie',
  // Not wanting or not meaning to do something (« je ne veux pas reprendre le travail ») denies that thing; not
  // being able to (« je ne peux pas payer mes cotisations ») does not: that is the difficulty itself.
  'veux',
  'voudrais',
  'souhaite',
  'compte',
  'vais',
]);

/** Always a denial, whatever precedes them. */
const ALWAYS_DENYING = new Set(['aucun', 'aucune', 'sans', 'ni']);

/** At most this many fillers between a negation and the word it denies. */
const NEGATION_REACH = 3;

/** For each token, whether a negation denies it. */
function deniedTokens(tokens: string[]): boolean[] {
  const denied = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i++) {
    if (!NEGATORS.has(tokens[i])) continue;
    // The verb it negates is denied itself (« je ne pars pas à la retraite », « je travaille plus »): a synonym
    // made of it names nothing.
    if (i > 0 && !ALWAYS_DENYING.has(tokens[i]) && !STOPWORDS.has(tokens[i - 1])) denied[i - 1] = true;
    if (!ALWAYS_DENYING.has(tokens[i]) && i > 0 && !DENYING_AFTER.has(tokens[i - 1])) continue;
    for (let j = i + 1, fillers = 0; j < tokens.length; j++) {
      denied[j] = true;
      if (!NEGATION_FILLERS.has(tokens[j]) || ++fillers > NEGATION_REACH) break;
    }
  }
  return denied;
}

/**
 * `padded` (a normalised text between spaces) has one of the phrases of `list` that no negation denies
 * (`deniedTokens`: « je travaille sans arrêt », « je ne me suis pas du tout arrêtée » do not tell a sick leave; « en
 * arrêt depuis un mois, pas payée » does). A phrase is denied when its first word is.
 */
export function hasAffirmedPhrase(
  padded: string,
  list: readonly string[],
  normalize: (s: string) => string,
): boolean {
  const tokens = padded.trim().split(' ');
  let denied: boolean[] | undefined;
  for (const phrase of markerPhrases(list, normalize)) {
    for (let at = padded.indexOf(phrase); at >= 0; at = padded.indexOf(phrase, at + 1)) {
      denied ??= deniedTokens(tokens);
      // The phrase's first word is the token after the words before it.
      const first = padded.slice(0, at).trim() === '' ? 0 : padded.slice(0, at).trim().split(' ').length;
      if (!denied[first]) return true;
    }
  }
  return false;
}

/** How an answer named its option: the strongest first. */
export type MatchKind = 'exact' | 'phrase' | 'words' | 'position';

export interface ChoiceMatch {
  /** Index of the chosen option, or -1 when the answer names none (or several equally). */
  index: number;
  kind?: MatchKind;
  /** For `words` and `phrase`: how many of the option's words (or of its synonym's) the answer uses. */
  shared?: number;
}

function words(text: string): string[] {
  return text.split(' ').filter((w) => w.length > 0);
}

/** An option's text (value, label, synonym) normalised, with its words. */
interface Phrase {
  text: string;
  words: string[];
}

/**
 * Option texts come from the knowledge base and the locale's resources: each is normalised once per normalising
 * function, not at every answer (a journey's first message matched its `told` phrases, all normalised again, at
 * every first message: ≈ 17 µs of its CPU). Typed answers are never kept here.
 */
const phrases = new WeakMap<(s: string) => string, Map<string, Phrase>>();
const PHRASES_MAX = 50_000;

function phraseOf(text: string, normalize: (s: string) => string): Phrase {
  let known = phrases.get(normalize);
  if (!known) {
    known = new Map();
    phrases.set(normalize, known);
  }
  let phrase = known.get(text);
  if (!phrase) {
    const normalized = normalize(text);
    phrase = { text: normalized, words: words(normalized) };
    if (known.size >= PHRASES_MAX) known.clear();
    known.set(text, phrase);
  }
  return phrase;
}

/**
 * The option whose label or one of whose synonyms the answer begins with (« non, j'ai déjà eu l'ACED deux fois »
 * begins with « Non »), when only one does: -1 otherwise.
 */
export function leadingOption(
  answer: string,
  options: ChoiceOption[],
  normalize: (s: string) => string,
): number {
  const text = ` ${normalize(answer)} `;
  const leading = options
    .map((o, i) =>
      namings(o).some((s) => {
        const phrase = phraseOf(s, normalize).text;
        return phrase.length > 0 && text.startsWith(` ${phrase} `);
      })
        ? i
        : -1,
    )
    .filter((i) => i >= 0);
  return leading.length === 1 ? leading[0] : -1;
}

/** Index of the chosen option, or -1 when the answer names none (or several equally). */
export function matchChoice(
  answer: string,
  options: ChoiceOption[],
  normalize: (s: string) => string,
  vocabulary: MatcherVocabulary,
): number {
  return matchChoiceDetailed(answer, options, normalize, vocabulary).index;
}

/** The chosen option and how the answer named it. */
export function matchChoiceDetailed(
  answer: string,
  options: ChoiceOption[],
  normalize: (s: string) => string,
  vocabulary: MatcherVocabulary,
): ChoiceMatch {
  const none: ChoiceMatch = { index: -1 };
  const text = withoutCourtesy(normalize(answer), vocabulary, normalize);
  if (!text) return none;

  // 1. The whole answer is an option's value, label or one of its synonyms.
  const exact = options.findIndex(
    (o) =>
      phraseOf(o.value.replace(/_/g, ' '), normalize).text === text ||
      namings(o).some((s) => phraseOf(s, normalize).text === text),
  );
  if (exact >= 0) return { index: exact, kind: 'exact' };

  // When the options speak of ranks (« Mon 1er ou mon 2e enfant »), « mon 2 » is a rank (« mon 2e »), not the
  // second button: read as such.
  if (
    /(?:^| )(?:mon|ma|notre|son|sa) \d+(?= |$)/.test(text) &&
    rankedOptions(options, normalize, vocabulary)
  ) {
    const ranked = text.replace(
      /(^| )(mon|ma|notre|son|sa) (\d+)(?= |$)/g,
      (_, start: string, possessive: string, n: string) =>
        `${start}${possessive} ${n === '1' ? '1er' : `${n}e`}`,
    );
    return matchChoiceDetailed(ranked, options, normalize, vocabulary);
  }

  // 2. The answer mentions a synonym phrase, or shares meaningful words with exactly one option; a phrase or a word
  //    the answer denies (« je ne suis plus en activité », « pas d'ALD ») names nothing.
  const tokens = words(text);
  // « je sais pas si c'est une ALD » chooses nothing by its words (a number, a position or an option saying « Je ne
  // sais pas » still would).
  const doubts = (vocabulary.doubts ?? []).map((doubt) => phraseOf(doubt, normalize).text);
  const doubtful = doubts.some((doubt) => ` ${text} `.includes(` ${doubt} `));
  const saysDoubt = (phrase: string) => doubts.some((doubt) => ` ${doubt} `.includes(` ${phrase} `));
  const denied = deniedTokens(tokens);
  // A phrase of doubt holds its own negation (« je ne pense pas »): not denied by it.
  const phraseDenied = doubtful ? tokens.map(() => false) : denied;
  // « plus », « pas » after « ne » are the negation's particle (« je n'en peux plus », « il ne répond plus »), never
  // the option's « ou plus ».
  // So is « plus » after a verb without its « ne » (« jme souviens plus »), unless it compares (« 12 mois ou
  // plus », « plus de 12 mois », « plus » alone).
  const particle = (i: number) =>
    NEGATORS.has(tokens[i]) &&
    (tokens.slice(Math.max(0, i - 3), i).includes('ne') ||
      (tokens[i] === 'plus' && i > 0 && !comparative(tokens, i)));
  const affirmed = (word: string) => tokens.some((token, i) => token === word && !denied[i] && !particle(i));
  const scores = options.map((o) => {
    let score = 0;
    for (const synonym of o.synonyms ?? []) {
      const phrase = phraseOf(synonym, normalize);
      if (doubtful && !saysDoubt(phrase.text)) continue;
      if (phraseAffirmed(tokens, phraseDenied, phrase.words))
        score = Math.max(score, 10 + phrase.words.length);
    }
    if (doubtful) return score;
    // An adviser's option is named by the words of both wordings (each counted once).
    const ownWords = phraseOf(o.label, normalize).words;
    const labelWords = (
      o.alias === undefined ? ownWords : [...new Set([...ownWords, ...phraseOf(o.alias, normalize).words])]
    ).filter((w) => !STOPWORDS.has(w) && w.length > 2);
    // An option whose own word the answer denies is not chosen by its other words (« infirmière mais pas
    // conventionnée » is not « Professionnel de santé conventionné »).
    if (deniesAny(tokens, denied, labelWords)) return 0;
    const shared = labelWords.filter(affirmed).length;
    return Math.max(score, shared);
  });
  const best = Math.max(...scores);
  if (best > 0) {
    const winners = scores.filter((s) => s === best).length;
    if (winners !== 1) return none;
    return best >= 10
      ? { index: scores.indexOf(best), kind: 'phrase', shared: best - 10 }
      : { index: scores.indexOf(best), kind: 'words', shared: best };
  }

  // 3. Only then a number or an ordinal ("2", "la 2e", "la deuxième", "la dernière"): a sentence that names
  //    an option ("une panne sur mon camion") must not be read as a position.
  //    When the options themselves speak of ranks (« Mon 1er ou mon 2e enfant », « Mon 3e enfant ou plus »), « mon
  //    2e » or « la troisième » is a rank, not a position: only a bare number is.
  const ranked = rankedOptions(options, normalize, vocabulary);
  const units = (vocabulary.units ?? []).map((unit) => phraseOf(unit, normalize).text);
  const numeric =
    tokens.length <= 4
      ? tokens.find(
          (t, i) => (ranked ? /^\d+$/ : /^\d+(e|er)?$/).test(t) && !units.includes(tokens[i + 1] ?? ''),
        )
      : undefined;
  if (numeric !== undefined) {
    const n = parseInt(numeric, 10);
    if (n >= 1 && n <= options.length) return { index: n - 1, kind: 'position' };
  }
  if (tokens.length <= 5 && !ranked) {
    for (let i = 0; i < Math.min(options.length, vocabulary.ordinals.length); i++) {
      if (phraseOf(vocabulary.ordinals[i], normalize).words.some((w) => tokens.includes(w)))
        return { index: i, kind: 'position' };
    }
    if (vocabulary.last.some((w) => tokens.includes(phraseOf(w, normalize).text)))
      return { index: options.length - 1, kind: 'position' };
  }

  return none;
}

/** `text` (normalised) without the courtesy phrases of `vocabulary`, unless it is nothing but them. */
function withoutCourtesy(
  text: string,
  vocabulary: MatcherVocabulary,
  normalize: (s: string) => string,
): string {
  if (!vocabulary.courtesy) return text;
  const left = withoutPhrases(` ${text} `, vocabulary.courtesy, normalize).trim();
  return left || text;
}

/** The options speak of ranks (« Mon 1er ou mon 2e enfant », « Mon 3e enfant ou plus »). */
function rankedOptions(
  options: ChoiceOption[],
  normalize: (s: string) => string,
  vocabulary: MatcherVocabulary,
): boolean {
  const ordinalWords = vocabulary.ordinals.flatMap((o) => phraseOf(o, normalize).words);
  return options.some((o) => phraseOf(o.label, normalize).words.some((w) => ordinalWords.includes(w)));
}

/** Words before « plus » that make it a comparison (« ou plus », « 12 mois plus », « et plus »). */
const COMPARED_BEFORE = new Set(['ou', 'et', 'mois', 'ans', 'an', 'annees', 'semaines', 'voire', 'meme']);
/** Words after « plus » that make it a comparison (« plus de 12 mois », « plus que ça »). */
const COMPARED_AFTER = new Set(['de', 'd', 'que', 'qu', 'ou', 'longtemps', 'tard']);

/** « plus » at `i` compares (« 10 mois ou plus », « plus de 12 mois ») rather than denies. */
function comparative(tokens: string[], i: number): boolean {
  const before = tokens[i - 1] ?? '';
  return COMPARED_BEFORE.has(before) || /^\d/.test(before) || COMPARED_AFTER.has(tokens[i + 1] ?? '');
}

/** Shortest word compared by its stem when checking a denial (« conventionnée » denies « conventionné »). */
const DENIED_STEM_MIN = 5;

/** The answer denies one of `words` (or a word sharing its stem: « conventionnée » / « conventionné »). */
function deniesAny(tokens: string[], denied: boolean[], words: string[]): boolean {
  return tokens.some(
    (token, i) =>
      denied[i] &&
      words.some(
        (word) =>
          token === word ||
          (Math.min(token.length, word.length) >= DENIED_STEM_MIN &&
            (token.startsWith(word) || word.startsWith(token))),
      ),
  );
}

/** The phrase's words appear in a row in the answer, and no negation denies any of them. */
function phraseAffirmed(tokens: string[], denied: boolean[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((word, k) => tokens[i + k] === word && !denied[i + k])) return true;
  }
  return false;
}
