/**
 * Questions outside the bot's field (taxes, unemployment benefits of employees, banks, company formalities,
 * pension amounts, private insurance, disputes, family benefits, bookkeeping, hiring, vocational training, the rules
 * of the trade): recognised from the data
 * file `locales/fr/nlu/out-of-scope.yaml`, so that the bot answers honestly « ce n'est pas mon domaine » instead of
 * a domain answer or a bare « je n'ai pas compris ».
 */
import { z } from 'zod';
import { IntentNameSchema, type OutOfScope } from '../contract';
import { compileGroup, loadDataFile, PatternSchema as Pattern, patternWords } from './patterns';
import { type Requirement, requirementOf, satisfies } from './prefilter';

export const OutOfScopeFileSchema = z.strictObject({
  domains: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z_]+$/),
        /** Ids of `knowledge/contacts.yaml` the sources give for this field (may be empty). */
        contacts: z.array(z.string().min(1)).default([]),
        /** When `contacts` is empty: the bot's own lines that fit the field all the same (ids of contacts.yaml). */
        lines: z.array(z.string().min(1)).optional(),
        /** Intents whose journey answers this field's questions itself (`dialogs/mainDialog.ts` isOutOfScope). */
        answeredBy: z.array(IntentNameSchema).optional(),
        /** The field's questions are about other people (employees): their illness or maternity is not the person's. */
        aboutOthers: z.boolean().optional(),
        /**
         * Not outside the domain, but a subject the sources say nothing precise about (a miscarriage): the answer says
         * so (« mes documents ne disent rien de précis sur… »), with the contacts, instead of « pas mon domaine ».
         */
        gap: z.boolean().optional(),
        /** For a gap: topics whose answer follows the statement when the recogniser placed the message there. */
        near: z.array(IntentNameSchema).optional(),
        /**
         * For a gap: the person's own case is not covered but the sources' general rules are (a French
         * micro-entrepreneur living abroad): any topic the recogniser placed follows, introduced as the general rule.
         */
        generalRules: z.boolean().optional(),
        /**
         * Named even beside a subject the recogniser is sure of (« ma prévoyance Madelin paiera-t-elle pendant mon
         * arrêt ? »: the private contract is not the bot's to answer; the sick-leave answer follows).
         */
        alwaysNamed: z.boolean().optional(),
        /**
         * The person is outside the sources' scheme (a farmer of the MSA, an independent in Belgium): whatever the
         * subject, none of the bot's answers applies; the honest answer only (with HELP when in difficulty).
         */
        outsideScheme: z.boolean().optional(),
        /**
         * The words of this field's own subject that are also signs of difficulty (« majorations de retard »): a
         * question about them (« majorations de retard combien ? ») tells none; signs elsewhere in the message still
         * count (`nlu/index.ts` readDistress).
         */
        subjectWords: Pattern.optional(),
        patterns: z.array(Pattern).min(1),
      }),
    )
    .min(1),
});
export type OutOfScopeFile = z.infer<typeof OutOfScopeFileSchema>;

export type { OutOfScope };

export class ScopeDetector {
  /** `result`: what `detect` answers for the domain; `req`: what any match of `re` needs (`prefilter.ts`), or null. */
  private readonly domains: { result: OutOfScope; re: RegExp; req: Requirement | null }[];
  /** Each field's `subjectWords` (global), by id (only the fields that have some). */
  private readonly subjects = new Map<string, RegExp>();
  readonly words: string[];

  constructor(data: OutOfScopeFile) {
    this.domains = data.domains.map(
      ({
        id,
        contacts,
        lines,
        answeredBy,
        aboutOthers,
        gap,
        near,
        generalRules,
        alwaysNamed,
        outsideScheme,
        subjectWords,
        patterns,
      }) => {
        const re = compileGroup(patterns);
        if (subjectWords) this.subjects.set(id, new RegExp(subjectWords, 'g'));
        const result = {
          domain: id,
          contacts,
          ...(lines ? { lines } : {}),
          ...(answeredBy ? { answeredBy } : {}),
          ...(aboutOthers ? { aboutOthers } : {}),
          ...(gap ? { gap } : {}),
          ...(near ? { near } : {}),
          ...(generalRules ? { generalRules } : {}),
          ...(alwaysNamed ? { alwaysNamed } : {}),
          ...(outsideScheme ? { outsideScheme } : {}),
        };
        return { result, re, req: requirementOf(re) };
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
      if (d.re.test(normalized)) return { ...d.result };
    }
    return undefined;
  }
}
