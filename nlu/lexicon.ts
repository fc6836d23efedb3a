/**
 * Domain lexicon: groups of words, acronyms and phrases that mean the same thing for our intents. Each group
 * becomes one extra feature ("k|GROUP") so that a synonym or an acronym never seen in the training sentences
 * still lights up what the model learnt for its siblings. These are features weighted by training, not rules.
 *
 * The groups are data: `locales/fr/nlu/lexicon.yaml` (validated by settings.ts). Words are written normalised
 * (lower-case, no accents); single words are compared by French stem, phrases by substring of the normalised text.
 */
import { LEXICON } from './settings';

export const CONCEPTS: Readonly<Record<string, readonly string[]>> = LEXICON.concepts;

/** Words too common to carry meaning on their own (still used inside bigrams). */
export const STOPWORDS: ReadonlySet<string> = new Set(LEXICON.stopwords);
