/**
 * The one schema of the knowledge base. Every YAML file under `knowledge/` is validated against these zod
 * schemas at start-up; the TypeScript types are inferred from them (`z.infer`) and never declared by hand.
 */
import { z } from 'zod';
import { StatutSchema, TopicIntentSchema } from '../contract';

/** Stable identifier: lowercase kebab-case or snake_case (`afe`, `aide-urgence-cpsti`, `leaf_actif`). */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'must be lowercase kebab-case or snake_case (a-z, 0-9, - or _)');

/** Statuses an entry applies to. */
export const AudienceSchema = z.enum([
  'tous',
  ...StatutSchema.options,
  /** Praticien ou auxiliaire médical conventionné (PamC): médecin, infirmier, kinésithérapeute… conventionné. */
  'praticien_auxiliaire_medical',
  'invalide',
  'retraite',
  'futur_retraite',
  'conjoint_survivant',
]);

/** Organisations that run, decide or pay. */
export const OrganisationSchema = z.enum([
  'urssaf',
  'cpsti',
  'cnam',
  'cpam',
  'service_social',
  'carsat',
  'assurance_retraite',
  'caf',
  'cgss',
  /** A national public line outside social security (suicide prevention, emergency services). */
  'numero_national',
]);

/** Intents of the recogniser (contract with the NLU). */
export const IntentSchema = TopicIntentSchema;

export const LinkTypeSchema = z.enum(['info', 'form', 'referral', 'simulator']);

export const LinkSchema = z.strictObject({
  type: LinkTypeSchema,
  label: z.string().min(1),
  url: z.url(),
});

export const RelationSchema = z.enum(['combinable', 'not_combinable', 'see_also']);

export const RelatedSchema = z.strictObject({
  id: IdSchema,
  relation: RelationSchema,
});

/** An amount or a duration: `text` is what the bot says, `values` the figures it contains. */
export const FigureSchema = z.strictObject({
  label: z.string().min(1),
  text: z.string().min(1),
  values: z.array(z.number()).default([]),
});

/** Where a fact comes from: seed file name, section heading and a short verbatim quote. */
export const SourceSchema = z.strictObject({
  file: z
    .string()
    .regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'must be a seed file name like 000_86cfd7445831eca4.txt'),
  section: z.string().min(1),
  quote: z.string().min(3).max(600),
});

export const DeciderSchema = z.enum([
  'cass',
  'directeur',
  'medecin',
  'medecin_conseil',
  'caisse',
  'organismes',
]);

export const DecisionSchema = z.strictObject({
  who: DeciderSchema,
  text: z.string().min(1),
});

export const EntrySchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(300, 'must fit a chat bubble (300 characters at most)'),
  audience: z.array(AudienceSchema).min(1),
  /**
   * Statuses the sources reserve it to (« pour les futurs retraités artisans et commerçants »): another status is
   * told it does not concern them, not that the documents say nothing precise for them.
   */
  reservedTo: z.array(AudienceSchema).min(1).optional(),
  /**
   * Statuses the entry does not fit although its audience is everyone (« revenus estimés », contributions
   * regularised on the real income: not the micro-entrepreneur's scheme): left out of the answers given to a person
   * of that status, who is told so in a direct answer.
   */
  notFor: z.array(StatutSchema).default([]),
  /**
   * The entry is for an activity under way (« revenus estimés », the current year's income estimated): left out of the
   * answer to a person whose activity is over (retired, closed), whatever the status.
   */
  activeOnly: z.boolean().default(false),
  organisations: z.array(OrganisationSchema).min(1),
  intent: IntentSchema.optional(),
  conditions: z.array(z.string().min(1)).default([]),
  motives: z.array(z.string().min(1)).optional(),
  details: z.array(z.string().min(1)).default([]),
  amounts: z.array(FigureSchema).default([]),
  durations: z.array(FigureSchema).default([]),
  decidedBy: DecisionSchema.optional(),
  steps: z.array(z.string().min(1)).default([]),
  documents: z.array(z.string().min(1)).default([]),
  links: z.array(LinkSchema).default([]),
  contacts: z.array(IdSchema).default([]),
  related: z.array(RelatedSchema).default([]),
  keywords: z.array(z.string().min(1)).default([]),
  /**
   * What this entry alone is called (« ACED », « aide au répit »): a short question naming it (« c'est quoi
   * l'ACED ? ») gets this entry's card rather than a journey. Unique across the knowledge base.
   */
  names: z.array(z.string().min(1)).default([]),
  sources: z.array(SourceSchema).min(1),
});

/** A domain file (`aides.yaml`, `maternite.yaml`, …). */
export const EntryFileSchema = z.strictObject({
  entries: z.array(EntrySchema),
});

export const ContactChannelSchema = z.enum([
  'telephone',
  'site',
  'compte',
  'chatbot',
  'accueil',
  'formulaire',
]);

export const ContactSchema = z
  .strictObject({
    id: IdSchema,
    label: z.string().min(1),
    channel: ContactChannelSchema,
    number: z
      .string()
      .regex(/^\d{2,10}$/, 'must be digits only (2 to 10)')
      .optional(),
    url: z.url().optional(),
    hours: z.string().min(1).optional(),
    price: z.string().min(1).optional(),
    organisation: OrganisationSchema,
    purpose: z.string().min(1),
    sources: z.array(SourceSchema).min(1),
  })
  .refine((c) => c.number !== undefined || c.url !== undefined || c.channel === 'accueil', {
    message: 'a contact needs a number or a url (only an "accueil" contact may have neither)',
    path: ['number'],
  });

export const ContactFileSchema = z.strictObject({
  contacts: z.array(ContactSchema),
});

/**
 * The name of what a question asks. `situation`, `difficulte` and `invalide_actif` are the contract shared with
 * the recogniser's entities (`SLOT_VALUES` of the contract); journey trees may add their own (snake_case).
 */
export const SlotSchema = z.string().regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'must be a snake_case slot name');

export const OptionSchema = z.strictObject({
  value: IdSchema,
  label: z.string().min(1).max(40, 'button text must be 40 characters at most'),
  /**
   * The button an adviser (Teams) reads about the insured person, for a label in the first person (« Payer mes
   * cotisations Urssaf » → « Payer ses cotisations Urssaf »); a typed answer still matches both wordings.
   */
  adviserLabel: z.string().min(1).max(40, 'button text must be 40 characters at most').optional(),
  synonyms: z.array(z.string().min(1)).default([]),
  /**
   * Phrases that, in the message starting the journey, answer this question by themselves (« catégorie 2 »,
   * « combien je vais toucher »): the question is then not asked. Narrower than `synonyms` (which read an answer to
   * the question asked): a phrase here must not be said of another option, nor in passing.
   */
  told: z.array(z.string().min(1)).default([]),
  next: IdSchema,
});

export const QuestionNodeSchema = z
  .strictObject({
    type: z.literal('question'),
    id: IdSchema,
    slot: SlotSchema,
    question: z.string().min(1).max(160),
    /** The same question asked of an adviser about the insured person (Teams): « Votre assuré est-il affilié… ? ». */
    adviserQuestion: z.string().min(1).max(160).optional(),
    /**
     * The same question when the event has already happened (« j'ai accouché le 27 mars »: « Quelle naissance avez-vous
     * eue ? », not « attendez-vous »), and its adviser's wording.
     */
    pastQuestion: z.string().min(1).max(160).optional(),
    pastAdviserQuestion: z.string().min(1).max(160).optional(),
    options: z.array(OptionSchema).min(2),
  })
  .refine(
    (q) =>
      q.pastQuestion === undefined || q.adviserQuestion === undefined || q.pastAdviserQuestion !== undefined,
    {
      // Without it, an adviser would be asked in the future tense about a birth already past.
      message: 'a question with pastQuestion and adviserQuestion needs pastAdviserQuestion',
      path: ['pastAdviserQuestion'],
    },
  );

/** A figure of an entry to stress on a leaf (`figure` is the label of one of its amounts or durations). */
export const HighlightSchema = z.strictObject({
  entry: IdSchema,
  figure: z.string().min(1),
});

export const LeafNodeSchema = z.strictObject({
  type: z.literal('leaf'),
  id: IdSchema,
  aids: z.array(IdSchema).default([]),
  help: z.boolean(),
  note: z.string().min(1).max(300).optional(),
  /**
   * The statuses the note is about (« Les sources ne disent pas la même chose pour les professions libérales et les
   * micro-entrepreneurs »): it is said to them, or when the status is not known, not to a commerçant.
   */
  noteFor: z.array(AudienceSchema).min(1).optional(),
  /** What introduces the leaf's cards when « Voici l'aide qui correspond à votre situation » would not fit (a
   * condition not met). */
  intro: z.string().min(1).max(120).optional(),
  highlights: z.array(HighlightSchema).default([]),
  /** Aids the person who reaches this leaf cannot have: never offered, nor named as combinable, here. */
  excludes: z.array(IdSchema).default([]),
  /**
   * Aids of `aids` for a contributions debt (the Urssaf's payment delays): never offered to a person who says they
   * have none (« aucune dette »), and, unless `debtLikely`, only to one who speaks of a debt or of contributions.
   */
  forDebt: z.array(IdSchema).min(1).optional(),
  /** A contributions debt is likely here (a future retiree's last contributions): `forDebt` unless it is denied. */
  debtLikely: z.boolean().optional(),
  /** The note said instead of `note` when the `forDebt` aids are left out: it must not speak of a debt. */
  noteWithoutDebt: z.string().min(1).max(300).optional(),
});

export const TreeNodeSchema = z.discriminatedUnion('type', [QuestionNodeSchema, LeafNodeSchema]);

/**
 * What makes a tree a journey of the bot: the intent that starts it, the dialog's id (kept stable: it is stored in
 * the conversation state) and its place in the main menu (label `menu.<intent>` in every locale; no `menuOrder`,
 * no menu entry: the journey is reached by recognition only).
 */
export const JourneySchema = z.strictObject({
  intent: IntentSchema,
  dialog: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]*Dialog$/, 'must be a PascalCase dialog id ending in "Dialog"')
    .optional(),
  menuOrder: z.number().int().positive().optional(),
  /**
   * The entries that state one fact the journey's subject is often asked about alone (« il faut combien de mois
   * d'affiliation pour le congé mat ? », « qui décide de la catégorie d'invalidité ? »), by the entry field that
   * states it: such a question gets that fact and these entries' cards first, the journey offered after, rather than
   * the journey's questions (`dialogs/factQuestion.ts`). Each entry must have that field.
   */
  facts: z
    .strictObject({
      conditions: z.array(IdSchema).min(1).optional(),
      durations: z.array(IdSchema).min(1).optional(),
      amounts: z.array(IdSchema).min(1).optional(),
      decidedBy: z.array(IdSchema).min(1).optional(),
    })
    .optional(),
});

export const OrientationTreeSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1),
  root: IdSchema,
  /** Entry id of the HELP offer, proposed on leaves with `help: true`. */
  helpEntry: IdSchema,
  /**
   * true (default): every leaf must offer an aid with a `form` link, or HELP. Journey trees whose sources give
   * no form (maternité, maladie…) set false: their leaves must then point to at least one entry.
   */
  requireForm: z.boolean().default(true),
  /** Set on the trees the dialogs walk as a journey (`dialogs/journeys`). */
  journey: JourneySchema.optional(),
  nodes: z.array(TreeNodeSchema).min(1),
});

export const WorkedExampleSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  story: z.string().min(1),
  path: z.record(SlotSchema, IdSchema),
  expectedAids: z.array(IdSchema).min(1),
  sources: z.array(SourceSchema).min(1),
});

export const WorkedExampleFileSchema = z.strictObject({
  examples: z.array(WorkedExampleSchema),
});

export type Id = z.infer<typeof IdSchema>;
export type Audience = z.infer<typeof AudienceSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Intent = z.infer<typeof IntentSchema>;
export type LinkType = z.infer<typeof LinkTypeSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type Related = z.infer<typeof RelatedSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type Entry = z.infer<typeof EntrySchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type ContactChannel = z.infer<typeof ContactChannelSchema>;
export type Slot = z.infer<typeof SlotSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Highlight = z.infer<typeof HighlightSchema>;
export type QuestionNode = z.infer<typeof QuestionNodeSchema>;
export type LeafNode = z.infer<typeof LeafNodeSchema>;
export type TreeNode = z.infer<typeof TreeNodeSchema>;
export type Journey = z.infer<typeof JourneySchema>;
export type OrientationTree = z.infer<typeof OrientationTreeSchema>;
export type WorkedExample = z.infer<typeof WorkedExampleSchema>;

/** The files of the knowledge base and the schema each one must satisfy. */
export const ENTRY_FILES = [
  'aides.yaml',
  'maternite.yaml',
  'maladie.yaml',
  'invalidite.yaml',
  'help.yaml',
  'faq.yaml',
] as const;
export const CONTACTS_FILE = 'contacts.yaml';
export const TREE_FILE = 'orientation.yaml';
/** Journey trees (`parcours-maternite.yaml`, …): same schema as the orientation tree. */
export const JOURNEY_TREE_FILE = /^parcours-[a-z0-9-]+\.yaml$/;
export const WORKED_EXAMPLES_FILE = 'worked-examples.yaml';
