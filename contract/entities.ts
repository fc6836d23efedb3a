import { z } from 'zod';

/**
 * The entity vocabularies, declared once: the recogniser extracts these values, the knowledge base's trees offer
 * them as option values, the dialogs map one onto the other (`dialogs/slots.ts`) and the portal sends a status.
 */

/** A professional status, as a portal knows it and as the knowledge base's audiences name it. */
export const StatutSchema = z.enum([
  'artisan',
  'commercant',
  'profession_liberale',
  'micro_entrepreneur',
  'conjoint_collaborateur',
]);

/**
 * A status the recogniser reads in a message: a {@link StatutSchema} value, or `independant` when the person is
 * independent without a more precise status ("cheffe d'entreprise", "à mon compte", "TNS").
 */
export const RecognizedStatutSchema = z.enum([...StatutSchema.options, 'independant']);

/**
 * The situation question of the orientation tree (slot `situation`). The recogniser reads `actif`, `pamc` (the person
 * says they are a nurse, a physiotherapist, a doctor…), `invalide`, `retraite_proche`, `conjoint_survivant` and
 * `retraite` (already retired, the activity over) from messages; `activite_terminee` is read by the slot from
 * `activiteTerminee`.
 */
export const SituationSchema = z.enum([
  'actif',
  'pamc',
  'invalide',
  'retraite_proche',
  'retraite',
  'conjoint_survivant',
  /** The activity is over, not by retirement (« je ne suis plus en activité »); read from `activiteTerminee`. */
  'activite_terminee',
]);

/** The natures of an active worker's difficulty, shared by the recogniser and the orientation tree. */
export const BusinessDifficultySchema = z.enum([
  'cotisations',
  'evenement_ponctuel',
  'catastrophe_naturelle',
  'aidant',
  'sante_activite',
  'frais_sante',
]);

/** The orientation tree's `difficulte` slot: one nature, or `plusieurs` when difficulties add up. */
export const DifficulteSchema = z.enum([...BusinessDifficultySchema.options, 'plusieurs']);

/**
 * A difficulty the recogniser reads in a message: a nature of the business's difficulty, or one that is a
 * situation of its own (retirement, invalidity, a spouse's death; `dialogs/slots.ts` maps these to
 * {@link SituationSchema} values).
 */
export const RecognizedDifficultySchema = z.enum([
  ...BusinessDifficultySchema.options,
  'retraite',
  'invalidite',
  'deces_conjoint',
]);

/** Extra slot of the orientation tree: does the person on an invalidity pension still work? */
export const InvalideActifSchema = z.enum(['oui', 'non']);

/** Values of the contract slots: a tree option asking one of these slots must use one of its values. */
export const SLOT_VALUES: Readonly<Record<string, readonly string[]>> = {
  situation: SituationSchema.options,
  difficulte: DifficulteSchema.options,
  invalide_actif: InvalideActifSchema.options,
};

/** What the recogniser extracts from one message. */
export const EntitiesSchema = z.object({
  statut: RecognizedStatutSchema.optional(),
  /** The person speaks of their activity in the past (« j'étais boulanger », « retraitée depuis 2019 »). */
  activiteTerminee: z.boolean().optional(),
  difficultes: z.array(RecognizedDifficultySchema).optional(),
  situation: SituationSchema.optional(),
  enfants: z.number().optional(),
  rangEnfant: z.number().optional(),
  ald: z.boolean().optional(),
  /** At least this many months of affiliation (« depuis 2 ans » → 24). */
  affiliationMois: z.number().optional(),
  /** Fewer than this many months of affiliation (« moins d'un an », « presque un an » → 12): known from above only. */
  affiliationMoisMoinsDe: z.number().optional(),
  /** The pregnancy told is someone else's (« ma femme est enceinte »): the person is not the one giving birth. */
  grossesseAutrui: z.boolean().optional(),
  /**
   * The couple expects a child and who carries it is not said (« on attend un bébé pour mars, je suis plombier »): the
   * status told is not read as the mother's; her situation is asked.
   */
  grossesseCommune: z.boolean().optional(),
  /** The person says she is pregnant herself (« je suis enceinte », « ma grossesse »). */
  enceinte: z.boolean().optional(),
  /**
   * The birth told has already happened (« ayant accouché le 27 mars », « mon bébé est né »): the journey asks about
   * it in the past (« Quelle naissance avez-vous eue ? »).
   */
  naissanceFaite: z.boolean().optional(),
  /**
   * The sick leave told is a relative's (« mon mari est en arrêt maladie depuis une semaine »), not the person's: a
   * pregnant woman who says so is asking about her maternity, not her own sick leave.
   */
  arretProche: z.boolean().optional(),
  /**
   * The question is asked for a relative (« est-ce que ma mère a droit à quelque chose ? », « ma fille est enceinte,
   * elle a droit à quoi ? »): the relative's rights, which the person's own status or situation do not decide.
   */
  pourProche: z.boolean().optional(),
  /** The person speaks of adopting a child (« nous allons adopter », « l'adoption de notre fils »). */
  adoption: z.boolean().optional(),
  montants: z.array(z.number()).optional(),
  /** ISO dates (`YYYY-MM-DD`). */
  dates: z.array(z.string()).optional(),
});

/**
 * What a person told about themselves that holds for the rest of the conversation (`dialogs/memory.ts`): who
 * they are (status, situation, an activity that is over), whose pregnancy it is, whether they have an ALD. Not their
 * months of affiliation (a duration in a story is too often something else's: « un accident il y a 3 mois »), nor
 * their difficulties, amounts or dates, which belong to the request that named them.
 */
export const PersonFactsSchema = EntitiesSchema.pick({
  statut: true,
  activiteTerminee: true,
  situation: true,
  grossesseAutrui: true,
  enceinte: true,
  ald: true,
});

export type Statut = z.infer<typeof StatutSchema>;
export type RecognizedStatut = z.infer<typeof RecognizedStatutSchema>;
export type Situation = z.infer<typeof SituationSchema>;
export type BusinessDifficulty = z.infer<typeof BusinessDifficultySchema>;
export type Difficulte = z.infer<typeof DifficulteSchema>;
export type RecognizedDifficulty = z.infer<typeof RecognizedDifficultySchema>;
export type Entities = z.infer<typeof EntitiesSchema>;
export type PersonFacts = z.infer<typeof PersonFactsSchema>;
