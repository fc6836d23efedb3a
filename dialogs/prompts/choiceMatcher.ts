/**
 * Understands a free-text answer to a question with a few choices: the button text itself, a synonym, a number
 * ("2"), an ordinal ("plutôt la 2e", "la première"), or a sentence that mentions one option's words.
 * Everything is compared after normalisation (case, accents, SMS spellings), so "ouai jsui retraite" works.
 */
export interface ChoiceOption {
  value: string;
  label: string;
  synonyms?: string[];
}

export interface MatcherVocabulary {
  /** Words for each position, e.g. ["premier premiere 1er", "deuxieme second seconde 2e", …]. */
  ordinals: string[];
  /** Words meaning "the last one". */
  last: string[];
}

const STOPWORDS = new Set([
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
]);

function words(text: string): string[] {
  return text.split(' ').filter((w) => w.length > 0);
}

function containsPhrase(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${haystack} `.includes(` ${phrase} `);
}

/** Index of the chosen option, or -1 when the answer names none (or several equally). */
export function matchChoice(
  answer: string,
  options: ChoiceOption[],
  normalize: (s: string) => string,
  vocabulary: MatcherVocabulary,
): number {
  const text = normalize(answer);
  if (!text) return -1;

  // 1. The whole answer is an option's value, label or one of its synonyms.
  const exact = options.findIndex((o) =>
    [o.value.replace(/_/g, ' '), o.label, ...(o.synonyms ?? [])].some((s) => normalize(s) === text),
  );
  if (exact >= 0) return exact;

  // 2. The answer mentions a synonym phrase, or shares meaningful words with exactly one option.
  const tokens = words(text);
  const scores = options.map((o) => {
    let score = 0;
    for (const synonym of o.synonyms ?? []) {
      const phrase = normalize(synonym);
      if (containsPhrase(text, phrase)) score = Math.max(score, 10 + words(phrase).length);
    }
    const labelWords = words(normalize(o.label)).filter((w) => !STOPWORDS.has(w) && w.length > 2);
    const shared = labelWords.filter((w) => tokens.includes(w)).length;
    return Math.max(score, shared);
  });
  const best = Math.max(...scores);
  if (best > 0) {
    const winners = scores.filter((s) => s === best).length;
    return winners === 1 ? scores.indexOf(best) : -1;
  }

  // 3. Only then a number or an ordinal ("2", "la 2e", "la deuxième", "la dernière"): a sentence that names
  //    an option ("une panne sur mon camion") must not be read as a position.
  const numeric = tokens.length <= 4 ? tokens.find((t) => /^\d+(e|er)?$/.test(t)) : undefined;
  if (numeric !== undefined) {
    const n = parseInt(numeric, 10);
    if (n >= 1 && n <= options.length) return n - 1;
  }
  if (tokens.length <= 5) {
    for (let i = 0; i < Math.min(options.length, vocabulary.ordinals.length); i++) {
      if (words(normalize(vocabulary.ordinals[i])).some((w) => tokens.includes(w))) return i;
    }
    if (vocabulary.last.some((w) => tokens.includes(normalize(w)))) return options.length - 1;
  }

  return -1;
}
