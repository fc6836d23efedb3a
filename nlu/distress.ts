/**
 * Signs of hardship and distress in any message, whatever its topic: money trouble, debts, bailiffs, being unable
 * to pay or to live, insolvency proceedings, exhaustion, isolation, illness threatening the activity, family
 * blows; and words of self-harm, kept apart because they call for another answer. The vocabulary is data
 * (`locales/fr/nlu/distress.yaml`, validated here); a sign preceded by a negation (« je n'ai pas de dettes »)
 * does not count when its group says so.
 */
import { z } from 'zod';
import { type Distress, type DistressLevel, type DistressSignal, DistressSignalSchema } from '../contract';
import { loadDataFile, PatternGroup, PatternSchema as Pattern, patternWords } from './patterns';
import { satisfies } from './prefilter';

/** The kinds of difficulty, in the contract's order. */
export const DISTRESS_SIGNALS = DistressSignalSchema.options;

export const DistressFileSchema = z.strictObject({
  negations: Pattern,
  /**
   * A sign only supposed (« je peux moduler mes cotisations si mon CA baisse », « en cas de retard de paiement »): not
   * the person's situation, for the signals marked `hypothetical`. `before` ends at `$` (the words just before the
   * sign); `unlessAfter` starts at `^` (the words just after it: « si mon CA baisse encore » says it already does).
   */
  hypotheticals: z.strictObject({ before: Pattern, unlessAfter: Pattern }).optional(),
  signals: z
    .array(
      z.strictObject({
        id: z.enum(DISTRESS_SIGNALS),
        severe: z.boolean().default(false),
        need: z.enum(['help', 'aide_financiere', 'either']).default('either'),
        negatable: z.boolean().default(false),
        /** A sign of this signal only supposed (`hypotheticals`) does not count. */
        hypothetical: z.boolean().default(false),
        patterns: z.array(Pattern).min(1),
      }),
    )
    .min(1),
  selfHarm: z.array(Pattern).min(1),
  /** Someone else's suicide told by the person (not words of self-harm). */
  othersSuicide: z.array(Pattern).default([]),
  /** Someone else thinking of killing themselves, told by a relative or an adviser. */
  othersAtRisk: z.array(Pattern).default([]),
  /** A medical emergency told in passing (« je saigne », « j'ai perdu les eaux »): the 15 first. */
  medicalEmergency: z.array(Pattern).default([]),
  /**
   * A difficulty told as over (« 12 mois de rééducation et j'ai pu reprendre mon activité », « je m'en suis
   * sortie »): a moderate sign told before these words is the story's past, not the person's situation today.
   */
  resolved: Pattern.optional(),
});
export type DistressFile = z.infer<typeof DistressFileSchema>;

export type { Distress, DistressLevel, DistressSignal };

interface CompiledSignal {
  id: DistressSignal;
  severe: boolean;
  negatable: boolean;
  hypothetical: boolean;
  need: 'help' | 'aide_financiere' | 'either';
  /**
   * Its patterns (`PatternGroup`): on a long text, a long list is run part by part, only the parts whose words the
   * text has; the negation is read before each match of a negatable signal.
   */
  patterns: PatternGroup;
}

export class DistressDetector {
  private readonly signals: CompiledSignal[];
  private readonly negation: RegExp;
  private readonly supposed: { before: RegExp; unlessAfter: RegExp } | null;
  private readonly selfHarmPatterns: PatternGroup;
  private readonly othersSuicidePatterns: PatternGroup | null;
  private readonly othersAtRiskPatterns: PatternGroup | null;
  private readonly medicalEmergencyPatterns: PatternGroup | null;
  private readonly resolvedPattern: RegExp | null;
  /** Every plain word of the patterns (for the spelling corrector). */
  readonly words: string[];

  constructor(data: DistressFile) {
    this.signals = data.signals.map(({ id, severe, negatable, hypothetical, need, patterns }) => ({
      id,
      severe,
      negatable,
      hypothetical,
      need,
      patterns: new PatternGroup(patterns),
    }));
    this.negation = new RegExp(data.negations);
    this.supposed = data.hypotheticals
      ? {
          before: new RegExp(data.hypotheticals.before),
          unlessAfter: new RegExp(data.hypotheticals.unlessAfter),
        }
      : null;
    this.selfHarmPatterns = new PatternGroup(data.selfHarm);
    this.othersSuicidePatterns = data.othersSuicide.length > 0 ? new PatternGroup(data.othersSuicide) : null;
    this.othersAtRiskPatterns = data.othersAtRisk.length > 0 ? new PatternGroup(data.othersAtRisk) : null;
    this.medicalEmergencyPatterns =
      data.medicalEmergency.length > 0 ? new PatternGroup(data.medicalEmergency) : null;
    this.resolvedPattern = data.resolved ? new RegExp(data.resolved, 'g') : null;
    this.words = patternWords([
      ...data.signals.flatMap((s) => s.patterns),
      ...data.selfHarm,
      ...data.othersSuicide,
      ...data.othersAtRisk,
    ]);
  }

  static fromFile(file = 'distress.yaml'): DistressDetector {
    return new DistressDetector(loadDataFile(file, DistressFileSchema));
  }

  /**
   * Reads a normalised text (`normalize.ts`); with several texts (the message before and after spelling
   * correction), a sign found in any of them counts: correction toward the training vocabulary must not erase a
   * word of distress the training data never used (« parties en fumée » → « partiel en fumer »).
   */
  detect(...texts: string[]): Distress {
    return this.read(...texts).distress;
  }

  /**
   * `detect`, and whether a sign was found only denied (« je n'ai pas de dettes »): the person says there is no
   * such difficulty, which a learned reading of the message must not contradict.
   */
  read(...texts: string[]): { distress: Distress; denied: boolean } {
    const found: DistressSignal[] = [];
    let severe = false;
    let aid = false;
    let denied = false;
    for (const s of this.signals) {
      let present = false;
      for (const text of texts) {
        const reading = this.present(s, text);
        if (reading === 'denied') denied = true;
        else if (reading === 'found') {
          present = true;
          break;
        }
      }
      if (present) {
        found.push(s.id);
        severe ||= s.severe;
        aid ||= s.need === 'aide_financiere';
      }
    }
    const level: DistressLevel =
      found.length === 0 ? 'none' : severe || found.length >= 2 ? 'high' : 'moderate';
    return { distress: { level, signals: found, need: aid ? 'aide_financiere' : 'help' }, denied };
  }

  /**
   * Whether the text tells its difficulty as over: the words of `resolved`, with no sign of difficulty after the
   * last of them (« j'ai pu reprendre mon activité, mais je ne m'en sors plus » is still a difficulty).
   */
  resolved(text: string): boolean {
    const pattern = this.resolvedPattern;
    if (pattern === null) return false;
    pattern.lastIndex = 0;
    let end = -1;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) end = pattern.lastIndex;
    return end >= 0 && this.read(text.slice(end)).distress.level === 'none';
  }

  /** Words of self-harm in any of the texts (see `detect`). */
  selfHarm(...texts: string[]): boolean {
    return this.selfHarmPatterns.matchesAny(texts);
  }

  /** Someone else's suicide told in any of the texts (« un confrère s'est suicidé »). */
  othersSuicide(...texts: string[]): boolean {
    return this.othersSuicidePatterns?.matchesAny(texts) ?? false;
  }

  /** Someone else thinking of killing themselves, told in any of the texts (« il parle de se tuer »). */
  othersAtRisk(...texts: string[]): boolean {
    return this.othersAtRiskPatterns?.matchesAny(texts) ?? false;
  }

  /** A medical emergency told in any of the texts (« je saigne », « j'ai perdu les eaux »). */
  medicalEmergency(...texts: string[]): boolean {
    return this.medicalEmergencyPatterns?.matchesAny(texts) ?? false;
  }

  /**
   * Whether `text` has signal `s`: found, only denied (every match negated or, for a `hypothetical` signal, only
   * supposed: « si mon CA baisse » tells no difficulty either), or absent.
   */
  private present(s: CompiledSignal, text: string): 'found' | 'denied' | 'absent' {
    // A long text is read part by part (`PatternGroup`): only the parts whose words it has are run.
    let denied = false;
    for (const { re, req } of s.patterns.runOn(text)) {
      re.lastIndex = 0;
      // A pattern that needs a word the text does not have cannot match it (`prefilter.ts`).
      if (req && !satisfies(req, re, text)) continue;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const before = text.slice(Math.max(0, m.index - 40), m.index);
        if (
          !(s.negatable && this.negation.test(before)) &&
          !(s.hypothetical && this.supposes(text, m, before))
        )
          return 'found';
        denied = true;
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return denied ? 'denied' : 'absent';
  }

  /** Whether match `m` of `text` (preceded by `before`) is only supposed (`hypotheticals`). */
  private supposes(text: string, m: RegExpExecArray, before: string): boolean {
    if (!this.supposed?.before.test(before)) return false;
    // A pattern may end inside a word (a root: « baiss »): the words after are read from the end of that word.
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 40).replace(/^\S*/, '');
    return !this.supposed.unlessAfter.test(rest);
  }
}
