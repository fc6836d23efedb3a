/**
 * The entity extractor's patterns and vocabularies, kept as data (`locales/fr/nlu/entities.yaml`), validated with
 * zod and compiled once when the module loads. A pattern that is not a valid regular expression, or that names an
 * unknown fragment, stops the start with the file, the entry and the reason. How the patterns are combined
 * (negation, tense, numbers) stays in `entities.ts`.
 */
import { z } from 'zod';
import { RecognizedDifficultySchema, RecognizedStatutSchema } from '../contract';
import { loadDataFile } from './patterns';

export const ENTITIES_FILE = 'entities.yaml';

/**
 * A regular expression over the normalised text: one source string, or alternatives (`any`, joined with `|`), or
 * words and phrases (`words`) that must stand as whole words. `{NAME}` is replaced by the fragment `NAME`.
 */
const PatternSchema = z.union([
  z.string().min(1),
  z.strictObject({ any: z.array(z.string().min(1)).min(1), flags: z.string().optional() }),
  z.strictObject({ words: z.array(z.string().min(1)).min(1), flags: z.string().optional() }),
]);
type Pattern = z.infer<typeof PatternSchema>;

const NumberMap = z.record(z.string().min(1), z.number().int());

const EntitiesDataSchema = z.strictObject({
  /** Number words (« trois enfants », « depuis deux ans ») and their value. */
  numbers: NumberMap,
  /** Ordinal words (« deuxième enfant ») and their value. */
  ordinals: NumberMap,
  /** Month names and abbreviations, as written after `fold`, and their number. */
  months: NumberMap,
  /** Pieces shared by several patterns, written `{NAME}` inside them. */
  fragments: z.record(z.string().regex(/^[A-Z][A-Z_]*$/, 'must be UPPER_SNAKE_CASE'), z.string().min(1)),
  statut: z.strictObject({
    /** The status named outright; the first that matches wins. */
    explicit: z.array(z.strictObject({ statut: RecognizedStatutSchema, pattern: PatternSchema })).min(1),
    /** Trades: the one named first in the message wins. */
    trades: z.array(z.strictObject({ statut: RecognizedStatutSchema, pattern: PatternSchema })).min(1),
    /** Said of oneself without a more precise status; only used when nothing more precise is found. */
    independant: PatternSchema,
    /** Just before a trade: someone else has it (a possessive, an article: « la sage-femme m'a arrêtée »). */
    someoneElseBefore: PatternSchema,
    /** Just before the article of `someoneElseBefore`: the person says it is theirs (« je suis la coiffeuse »). */
    ownBefore: PatternSchema,
    /** Trades that are places or sectors (« un commerce », « le BTP »): an article before them says nothing. */
    places: PatternSchema,
  }),
  /** An activity that is over: then a trade named in the message does not mean « en activité ». */
  pastActivity: PatternSchema,
  /** « pas de », « plus de », « pas en », « aucun », « sans », « ni » just before a match cancels it. */
  negatedBefore: PatternSchema,
  /**
   * Just before a status, a trade or « en activité »: it is no longer (or not yet) the person's (« je ne suis plus
   * conjointe collaboratrice », « j'étais en activité »).
   */
  notNowBefore: PatternSchema,
  /** Already retired (« je suis à la retraite depuis 2019 »): the situation « retraite » once the activity is over. */
  retired: PatternSchema,
  /**
   * The insured person an adviser speaks of (« mon assuré est médecin conventionné »): their words are read in the
   * first person (`rewrites`), and so are « il », « elle » (`pronouns`) before a relative is named (`relative`).
   */
  insured: z.strictObject({
    mention: PatternSchema,
    rewrites: z.array(z.strictObject({ from: z.string().min(1), to: z.string() })).min(1),
    pronouns: z.array(z.strictObject({ from: z.string().min(1), to: z.string() })).min(1),
    relative: PatternSchema,
    /** Said by an adviser (Teams), the insured too (« ma cliente »): replaced by « assuré » before reading. */
    adviserWords: PatternSchema,
  }),
  /** An adviser presenting themselves (« je suis conseillère Urssaf depuis 15 ans »): not the insured's words. */
  agentSelf: PatternSchema,
  /** Just before a number of children: only a possibility (« peut-être des jumeaux »). */
  hedgedBefore: PatternSchema,
  /** The activity goes on or has started again, after retirement or invalidity too (cumul emploi-retraite). */
  resumedActivity: PatternSchema,
  /**
   * Difficulties, in the order they are reported. `prefilter`: a cheap test that must pass before the pattern is
   * tried (the pattern needs one of its substrings), so that most messages skip the expensive ones.
   */
  difficultes: z
    .array(
      z.strictObject({
        difficulte: RecognizedDifficultySchema,
        prefilter: PatternSchema.optional(),
        pattern: PatternSchema,
        /** Just before a match (as well as `negatedBefore`): not the person's situation now (past, to come). */
        notBefore: PatternSchema.optional(),
      }),
    )
    .min(1),
  /** Any mention of health. */
  health: PatternSchema,
  /** Health that threatens the activity. */
  santeActivite: PatternSchema,
  /** A serious illness or an operation: enough on its own, unless the message is only about the cost of care. */
  seriousHealth: PatternSchema,
  /**
   * A child's ordinary illness (« mon fils a la grippe »): the child's, not the person's, whose health is read without
   * it.
   */
  childIllness: PatternSchema,
  /** The person says they are an employee: a relative's trade is not theirs. */
  salarieSoi: PatternSchema,
  /**
   * The sick relative runs or works in the business (« il est conjoint collaborateur », « son entreprise va couler »):
   * their health threatens an activity (the AMA), not a dependant the person cares for.
   */
  sickRelativeWorks: PatternSchema,
  /** An illness supposed (« si je tombe malade »): a question on the cover, the health is read without it. */
  hypotheticalHealth: PatternSchema,
  /** Still working. */
  situationActive: PatternSchema,
  /** The person is a practitioner or medical auxiliary under the Assurance Maladie's convention (PamC). */
  pamc: PatternSchema,
  /** A practitioner who says they are not under convention: the CPSTI's aids are theirs. */
  pamcDenied: PatternSchema,
  /** Just before a health profession: a relative's (« sa femme, infirmière libérale ») or a past one. */
  relativeOrPastBefore: PatternSchema,
  /** Just after a health profession: practised as an employee (« infirmière salariée à l'hôpital »). */
  salariedAfter: PatternSchema,
  enfants: z.strictObject({
    quadruples: PatternSchema,
    triples: PatternSchema,
    jumeaux: PatternSchema,
    /** Group 1: how many children are expected. */
    expecting: PatternSchema,
  }),
  rang: z.strictObject({
    /** Group 1: the rank in digits (« 3e enfant »). */
    numbered: PatternSchema,
    /** Group 1: the rank as an ordinal word. */
    ordinal: PatternSchema,
    /** A birth or an adoption is being talked about. */
    birthContext: PatternSchema,
    /** Group 1: a rank without the word « enfant », only read in a birth context. */
    bare: PatternSchema,
    /** Group 1: the number of children already there. */
    alreadyHave: PatternSchema,
    /** Group 1: the number of children there are (a rank only in a birth context). */
    haveChildren: PatternSchema,
  }),
  grossesse: z.strictObject({
    /** A relative's pregnancy (« ma femme est enceinte »). */
    others: PatternSchema,
    /** The person's own (« je suis enceinte »): then the message is hers, whoever else is named. */
    own: PatternSchema,
    /** The couple expects a child and the person names their female partner (« on attend un bébé avec ma femme »). */
    partner: PatternSchema,
    /** The couple expects a child, who carries it unsaid (« on attend un bébé », « nous attendons un enfant »). */
    couple: PatternSchema,
    /** The birth has already happened (« ayant accouché le 27 mars », « mon bébé est né »). */
    born: PatternSchema,
  }),
  /** Adopting a child (« nous allons adopter »), not a status (« adopter le statut micro »). */
  adoption: PatternSchema,
  /** A relative's sick leave (« mon mari est en arrêt maladie »). */
  arretProche: PatternSchema,
  /** The question is asked for a relative (« est-ce que ma mère a droit à quelque chose ? »). */
  pourProche: z.strictObject({
    /** A question of rights whose subject is a relative, or « il », « elle ». */
    asks: PatternSchema,
    /** A relative named (then « il », « elle » may be them). */
    relative: PatternSchema,
    /** The person asks for themselves too (« et moi ? », « est-ce que j'ai droit »). */
    own: PatternSchema,
  }),
  /** Words that do not make an answer longer (« ah non pardon, moins de 12 mois en fait » is a short answer). */
  answerFillers: PatternSchema,
  ald: z.strictObject({
    /** Global: every mention is read with what stands just before it. */
    mention: PatternSchema,
    /** Just before a mention: denied (« pas d'ALD », « aucune ALD »). */
    negated: PatternSchema,
    /** Just before a mention: the sick leave is not due to it (« pas lié à mon ALD », « sans lien avec l'ALD »). */
    unrelated: PatternSchema,
    /** Just before a mention: a relative's (« mon mari est en ALD »), which says nothing of the person's leave. */
    others: PatternSchema,
    /** Just before a mention: a doubt (« je ne sais pas si c'est une ALD »), which says nothing either. */
    doubted: PatternSchema,
    /** Just before a mention: told in the past (« j'étais en ALD »), which says nothing of today's leave. */
    past: PatternSchema,
    /** Just after a mention: told in the past (« en ALD l'année dernière », « en 2022 »). */
    pastAfter: PatternSchema,
    /** Just after a mention: denied, over or refused (« ALD ? non », « mon ALD est terminée »). */
    deniedAfter: PatternSchema,
    /** Anywhere: another cause of the leave told (« je me suis cassé la jambe », « une grippe »). */
    otherCause: PatternSchema,
  }),
  affiliation: z.strictObject({
    /**
     * Named groups: `since` (the word that introduces the duration), `under` (the duration is not reached yet:
     * « moins d'un an », « presque »), `n` (number), `unit` (mois, an, année), `extra` (« demi » or « N mois »).
     * A match with neither `since` nor `under` is not read. Global: every match is tried.
     */
    since: PatternSchema,
    /** Groups: number and unit. */
    duration: PatternSchema,
    /** « depuis 2015 »: group `year`. Read like `since` (whose activity), at least the years up to today. */
    sinceYear: PatternSchema,
    /** Words that make a duration the activity's. */
    positive: PatternSchema,
    /** Words that make a duration something else's (an illness, a marriage). */
    negative: PatternSchema,
  }),
  /** Over the folded raw text. Groups: 1 whole, 2 cents, 3 k/m, 4 unit; or 5 number and 6 « k ». Global. */
  montants: PatternSchema,
  dates: z.strictObject({
    /** Groups: day, month, year (optional). Global. */
    numeric: PatternSchema,
    /** Groups: day (« 1er », digits, « premier »), month name, year (optional). Global. */
    named: PatternSchema,
    /** Words for a day relative to today, and how many days away. */
    relative: z.array(z.strictObject({ days: z.number().int(), pattern: PatternSchema })).min(1),
  }),
});
/** The source of a pattern with its fragments in place; throws naming an unknown fragment. */
function patternSource(pattern: Pattern, fragments: Record<string, string>): string {
  const raw =
    typeof pattern === 'string'
      ? pattern
      : 'any' in pattern
        ? pattern.any.join('|')
        : `(?:^| )(?:${pattern.words.join('|')})(?= |$)`;
  return raw.replace(/\{([A-Z][A-Z_]*)\}/g, (_, name: string) => {
    const fragment = fragments[name];
    if (fragment === undefined) throw new Error(`unknown fragment {${name}}`);
    return fragment;
  });
}

const EntityPatternsSchema = EntitiesDataSchema.transform((data, ctx) => {
  /** Compiles one pattern; an invalid one is reported under its path in the file. */
  const re = (pattern: Pattern, ...at: (string | number)[]): RegExp => {
    try {
      return new RegExp(
        patternSource(pattern, data.fragments),
        typeof pattern === 'string' ? '' : pattern.flags,
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      ctx.addIssue({ code: 'custom', path: at, message: `not a valid regular expression: ${reason}` });
      return /$^/;
    }
  };
  const { statut, difficultes, enfants, rang, ald, affiliation, dates } = data;
  return {
    numbers: data.numbers,
    ordinals: data.ordinals,
    months: data.months,
    statut: {
      explicit: statut.explicit.map((s, i) => ({
        statut: s.statut,
        re: re(s.pattern, 'statut', 'explicit', i),
      })),
      trades: statut.trades.map((s, i) => ({ statut: s.statut, re: re(s.pattern, 'statut', 'trades', i) })),
      independant: re(statut.independant, 'statut', 'independant'),
      someoneElseBefore: re(statut.someoneElseBefore, 'statut', 'someoneElseBefore'),
      ownBefore: re(statut.ownBefore, 'statut', 'ownBefore'),
      places: re(statut.places, 'statut', 'places'),
    },
    pastActivity: re(data.pastActivity, 'pastActivity'),
    negatedBefore: re(data.negatedBefore, 'negatedBefore'),
    notNowBefore: re(data.notNowBefore, 'notNowBefore'),
    hedgedBefore: re(data.hedgedBefore, 'hedgedBefore'),
    agentSelf: re(data.agentSelf, 'agentSelf'),
    insured: {
      mention: re(data.insured.mention, 'insured', 'mention'),
      rewrites: data.insured.rewrites.map((r, i) => ({
        re: new RegExp(re(r.from, 'insured', 'rewrites', i, 'from').source, 'g'),
        to: r.to,
      })),
      pronouns: data.insured.pronouns.map((r, i) => ({
        re: new RegExp(re(r.from, 'insured', 'pronouns', i, 'from').source, 'g'),
        to: r.to,
      })),
      relative: re(data.insured.relative, 'insured', 'relative'),
      adviserWords: new RegExp(re(data.insured.adviserWords, 'insured', 'adviserWords').source, 'g'),
    },
    retired: re(data.retired, 'retired'),
    resumedActivity: re(data.resumedActivity, 'resumedActivity'),
    difficultes: difficultes.map((d, i) => ({
      difficulte: d.difficulte,
      prefilter: d.prefilter === undefined ? undefined : re(d.prefilter, 'difficultes', i, 'prefilter'),
      re: re(d.pattern, 'difficultes', i, 'pattern'),
      notBefore: d.notBefore === undefined ? undefined : re(d.notBefore, 'difficultes', i, 'notBefore'),
    })),
    health: re(data.health, 'health'),
    santeActivite: re(data.santeActivite, 'santeActivite'),
    seriousHealth: re(data.seriousHealth, 'seriousHealth'),
    childIllness: re(data.childIllness, 'childIllness'),
    salarieSoi: re(data.salarieSoi, 'salarieSoi'),
    sickRelativeWorks: re(data.sickRelativeWorks, 'sickRelativeWorks'),
    hypotheticalHealth: re(data.hypotheticalHealth, 'hypotheticalHealth'),
    situationActive: re(data.situationActive, 'situationActive'),
    pamc: re(data.pamc, 'pamc'),
    pamcDenied: re(data.pamcDenied, 'pamcDenied'),
    relativeOrPastBefore: re(data.relativeOrPastBefore, 'relativeOrPastBefore'),
    salariedAfter: re(data.salariedAfter, 'salariedAfter'),
    enfants: {
      quadruples: re(enfants.quadruples, 'enfants', 'quadruples'),
      triples: re(enfants.triples, 'enfants', 'triples'),
      jumeaux: re(enfants.jumeaux, 'enfants', 'jumeaux'),
      expecting: re(enfants.expecting, 'enfants', 'expecting'),
    },
    rang: {
      numbered: re(rang.numbered, 'rang', 'numbered'),
      ordinal: re(rang.ordinal, 'rang', 'ordinal'),
      birthContext: re(rang.birthContext, 'rang', 'birthContext'),
      bare: re(rang.bare, 'rang', 'bare'),
      alreadyHave: re(rang.alreadyHave, 'rang', 'alreadyHave'),
      haveChildren: re(rang.haveChildren, 'rang', 'haveChildren'),
    },
    grossesse: {
      others: re(data.grossesse.others, 'grossesse', 'others'),
      own: re(data.grossesse.own, 'grossesse', 'own'),
      partner: re(data.grossesse.partner, 'grossesse', 'partner'),
      born: re(data.grossesse.born, 'grossesse', 'born'),
      couple: re(data.grossesse.couple, 'grossesse', 'couple'),
    },
    adoption: re(data.adoption, 'adoption'),
    arretProche: re(data.arretProche, 'arretProche'),
    pourProche: {
      asks: re(data.pourProche.asks, 'pourProche', 'asks'),
      relative: re(data.pourProche.relative, 'pourProche', 'relative'),
      own: re(data.pourProche.own, 'pourProche', 'own'),
    },
    answerFillers: re(data.answerFillers, 'answerFillers'),
    ald: {
      mention: re(ald.mention, 'ald', 'mention'),
      negated: re(ald.negated, 'ald', 'negated'),
      unrelated: re(ald.unrelated, 'ald', 'unrelated'),
      others: re(ald.others, 'ald', 'others'),
      doubted: re(ald.doubted, 'ald', 'doubted'),
      past: re(ald.past, 'ald', 'past'),
      pastAfter: re(ald.pastAfter, 'ald', 'pastAfter'),
      deniedAfter: re(ald.deniedAfter, 'ald', 'deniedAfter'),
      otherCause: re(ald.otherCause, 'ald', 'otherCause'),
    },
    affiliation: {
      since: re(affiliation.since, 'affiliation', 'since'),
      duration: re(affiliation.duration, 'affiliation', 'duration'),
      sinceYear: re(affiliation.sinceYear, 'affiliation', 'sinceYear'),
      positive: re(affiliation.positive, 'affiliation', 'positive'),
      negative: re(affiliation.negative, 'affiliation', 'negative'),
    },
    montants: re(data.montants, 'montants'),
    dates: {
      numeric: re(dates.numeric, 'dates', 'numeric'),
      named: re(dates.named, 'dates', 'named'),
      relative: dates.relative.map((r, i) => ({ days: r.days, re: re(r.pattern, 'dates', 'relative', i) })),
    },
  };
});
export type EntityPatterns = z.output<typeof EntityPatternsSchema>;

/** Reads, validates and compiles `entities.yaml` (or another file given by its absolute path). */
export function loadEntityPatterns(file: string = ENTITIES_FILE): EntityPatterns {
  return loadDataFile(file, EntityPatternsSchema);
}

/** Loaded once, when the recogniser is first imported. */
export const ENTITY_PATTERNS: EntityPatterns = loadEntityPatterns();
