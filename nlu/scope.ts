/**
 * Questions outside the bot's field (taxes, unemployment benefits of employees, banks, company formalities,
 * pension amounts, private insurance, disputes, family benefits, bookkeeping, hiring, vocational training, the rules
 * of the trade): recognised from the data
 * file `locales/fr/nlu/out-of-scope.yaml`, so that the bot answers honestly « ce n'est pas mon domaine » instead of
 * a domain answer or a bare « je n'ai pas compris ».
 */
import { z } from 'zod';
import { type OutOfScope, OutOfScopeSchema } from '../contract';
import { compileGroup, loadDataFile, matchesAny, PatternSchema as Pattern, patternWords } from './patterns';
import { type Requirement, requirementOf, satisfies } from './prefilter';

/**
 * The data file: each field is the contract's `OutOfScope` (what `detect` answers: its fields are documented there),
 * named by its `id` (the result's `domain`), with the patterns that find it.
 */
export const OutOfScopeFileSchema = z.strictObject({
  domains: z
    .array(
      z.strictObject({
        ...OutOfScopeSchema.omit({ domain: true, theirSituation: true }).shape,
        id: z.string().regex(/^[a-z_]+$/),
        contacts: z.array(z.string().min(1)).default([]),
        lines: z.array(z.string().min(1)).optional(),
        /**
         * The words of this field's own subject that are also signs of difficulty (« majorations de retard »): a
         * question about them (« majorations de retard combien ? ») tells none; signs elsewhere in the message still
         * count (`nlu/index.ts` readDistress). Read here only, not part of the answer.
         */
        subjectWords: Pattern.optional(),
        /**
         * For a field about other people: their situation told (« mon salarié est en arrêt maladie »), which sets the
         * answer's `theirSituation` — unless the person tells their own as well (`ownSituationWords`: « je suis en
         * arrêt »).
         */
        theirSituationWords: Pattern.optional(),
        ownSituationWords: Pattern.optional(),
        patterns: z.array(Pattern).min(1),
      }),
    )
    .min(1),
});
export type OutOfScopeFile = z.infer<typeof OutOfScopeFileSchema>;

export type { OutOfScope };

/** A field's `theirSituationWords` and `ownSituationWords`, compiled. */
interface Situations {
  theirs: RegExp;
  own: RegExp | undefined;
}

export class ScopeDetector {
  /** `result`: what `detect` answers for the domain; `req`: what any match of `re` needs (`prefilter.ts`), or null. */
  private readonly domains: {
    result: OutOfScope;
    re: RegExp;
    req: Requirement | null;
    situations?: Situations;
  }[];
  /** Each field's `subjectWords` (global), by id (only the fields that have some). */
  private readonly subjects = new Map<string, RegExp>();
  readonly words: string[];

  constructor(data: OutOfScopeFile) {
    this.domains = data.domains.map(
      ({ id, patterns, subjectWords, theirSituationWords, ownSituationWords, ...field }) => {
        const re = compileGroup(patterns);
        if (subjectWords) this.subjects.set(id, new RegExp(subjectWords, 'g'));
        const result: OutOfScope = { domain: id, ...field };
        const situations = theirSituationWords
          ? {
              theirs: compileGroup([theirSituationWords]),
              own: ownSituationWords ? compileGroup([ownSituationWords]) : undefined,
            }
          : undefined;
        return { result, re, req: requirementOf(re), ...(situations ? { situations } : {}) };
      },
    );
    this.words = patternWords(data.domains.flatMap((d) => d.patterns));
  }

  static fromFile(file = 'out-of-scope.yaml'): ScopeDetector {
    return new ScopeDetector(loadDataFile(file, OutOfScopeFileSchema));
  }

  /**
   * `normalized` without the words of field `domain`'s own subject (`subjectWords`, blanked), or undefined when the
   * field has none or the text has none of them.
   */
  withoutSubject(domain: string, normalized: string): string | undefined {
    const re = this.subjects.get(domain);
    if (!re) return undefined;
    re.lastIndex = 0;
    const blanked = normalized.replace(re, (m) => ' '.repeat(m.length));
    return blanked === normalized ? undefined : blanked;
  }

  /** The field outside the bot's domain that a normalised text names, if any. */
  detect(normalized: string): OutOfScope | undefined {
    for (const d of this.domains) {
      d.re.lastIndex = 0;
      if (d.req && !satisfies(d.req, d.re, normalized)) continue;
      if (d.re.test(normalized)) {
        return this.theirSituation(d.situations, normalized)
          ? { ...d.result, theirSituation: true }
          : { ...d.result };
      }
    }
    return undefined;
  }

  /** Whether the text tells the others' situation and not the person's own (`theirSituationWords`). */
  private theirSituation(situations: Situations | undefined, normalized: string): boolean {
    if (!situations || !matchesAny(situations.theirs, null, [normalized])) return false;
    return !situations.own || !matchesAny(situations.own, null, [normalized]);
  }
}
