import { z } from 'zod';

/**
 * The topic intents: the needs a person can have that the knowledge base answers. The names are a contract
 * shared by the recogniser (training files `locales/fr/intents/<name>.yaml`), the knowledge entries (`intent:`),
 * the dialogs, the traces and the analytics: do not rename.
 */
export const TopicIntentSchema = z.enum([
  'aide_financiere',
  'maternite',
  'paternite',
  'adoption',
  'indemnites_journalieres',
  'invalidite',
  'help',
  'deces',
  'complementaire_sante_solidaire',
  'compte_ameli',
  'carte_vitale',
  'medecin_traitant',
  'cent_pour_cent_sante',
  'examen_prevention',
  'mon_soutien_psy',
  'fin_de_vie',
  'deuil_parental',
  'reclamation',
  'prevention',
  'sophia',
  'accompagnement_sante',
  'service_social',
  'desinsertion_professionnelle',
  'premiers_mois_urssaf',
  'compte_urssaf',
  'ald',
  'hospitalisation',
  'at_mp',
  'contact',
  'cotisations_delais',
  'statut_conjoint',
]);

/** The conversation intents: moves in the conversation itself rather than needs (greeting, menu, back…). */
export const ConversationIntentSchema = z.enum([
  'greeting',
  'thanks',
  'goodbye',
  'menu',
  'restart',
  'cancel',
  'back',
  'human',
  'capabilities',
]);

/** Every class of the recogniser: the topics, the conversation moves and `None` (out of scope). */
export const IntentNameSchema = z.enum([
  ...TopicIntentSchema.options,
  ...ConversationIntentSchema.options,
  'None',
]);

export const TOPIC_INTENTS = TopicIntentSchema.options;
export const CONVERSATION_INTENTS = ConversationIntentSchema.options;
export const ALL_INTENTS = IntentNameSchema.options;

export type TopicIntent = z.infer<typeof TopicIntentSchema>;
export type ConversationIntent = z.infer<typeof ConversationIntentSchema>;
export type IntentName = z.infer<typeof IntentNameSchema>;

const KNOWN = new Set<string>(ALL_INTENTS);
const CONVERSATIONAL = new Set<string>(CONVERSATION_INTENTS);

/** True for a conversation move (greeting, menu, back…), false for a topic, `None` or anything else. */
export function isConversationIntent(name: string): name is ConversationIntent {
  return CONVERSATIONAL.has(name);
}

export function isIntentName(name: string): name is IntentName {
  return KNOWN.has(name);
}
