/** The intent names are a contract with the dialogs: do not rename. */
export const TOPIC_INTENTS = [
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
  'ald',
  'hospitalisation',
  'at_mp',
  'contact',
  'cotisations_delais',
  'statut_conjoint',
] as const;

export const CONVERSATION_INTENTS = [
  'greeting',
  'thanks',
  'goodbye',
  'menu',
  'restart',
  'cancel',
  'back',
  'human',
  'capabilities',
] as const;

export const ALL_INTENTS = [...TOPIC_INTENTS, ...CONVERSATION_INTENTS, 'None'] as const;

export type TopicIntent = (typeof TOPIC_INTENTS)[number];
export type ConversationIntent = (typeof CONVERSATION_INTENTS)[number];
export type IntentName = TopicIntent | ConversationIntent | 'None';

const KNOWN = new Set<string>(ALL_INTENTS);
export function isIntentName(name: string): name is IntentName {
  return KNOWN.has(name);
}
