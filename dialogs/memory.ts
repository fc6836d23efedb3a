import { type Entities, type PersonFacts, SituationSchema } from '../contract';

/**
 * What a person told about themselves, kept for the rest of the conversation: a nurse who said « infirmière
 * libérale conventionnée » at first and asks later for help with her contributions is reminded of it at « Quelle est
 * votre situation ? », rather than led to aids she cannot have; a pregnant micro-entrepreneuse back from a detour is
 * reminded of her status. The facts are read from the person's requests (the recogniser's entities; not from a
 * message about someone else, `prompts.otherPersonMarkers`) and from the answers the person chose in a journey. They
 * never answer a question by themselves — the message may have been about someone else, or things changed —: a
 * question they would answer is asked with « Plus tôt, vous m'avez dit : … », and the person chooses.
 */

/** Facts that go together: a message that speaks of one of them restates the whole group. */
const IDENTITY: readonly (keyof PersonFacts)[] = ['statut', 'activiteTerminee', 'situation'];
const GROUPS: readonly (readonly (keyof PersonFacts)[])[] = [
  IDENTITY,
  ['enceinte', 'grossesseAutrui'],
  ['ald'],
];

/**
 * Journeys about a birth: a status told earlier is recalled at their first question (« Je suis cheffe d'entreprise »,
 * the mother's status) only when the person also said she is the one pregnant; a father's « je suis artisan » is
 * not the mother's status.
 */
const BIRTH_JOURNEYS: ReadonlySet<string> = new Set(['maternite']);

const SITUATIONS: ReadonlySet<string> = new Set(SituationSchema.options);

function copy(to: PersonFacts, from: PersonFacts, keys: readonly (keyof PersonFacts)[]): void {
  for (const key of keys) {
    if (from[key] !== undefined) (to as Record<string, unknown>)[key] = from[key];
  }
}

/**
 * An activity over told earlier (« je suis retraitée depuis 6 mois », « j'ai fermé ») and a trade told now without
 * its tense (« une dette urssaf de mon ancienne activité de fleuriste »): the trade does not say the activity
 * resumed, so the ended activity is kept beside it (asked again with « Plus tôt, vous m'avez dit : … », never
 * turned into « en activité »).
 */
const ENDED: readonly (keyof PersonFacts)[] = ['activiteTerminee', 'situation'];

function tradeBesideEnded(told: Entities, facts: PersonFacts | undefined): boolean {
  return (
    facts !== undefined &&
    told.statut !== undefined &&
    told.activiteTerminee === undefined &&
    told.situation === undefined &&
    (facts.activiteTerminee === true ||
      facts.situation === 'retraite' ||
      facts.situation === 'activite_terminee')
  );
}

function orNothing(facts: PersonFacts): PersonFacts | undefined {
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/**
 * The facts known after a message with these entities: each group the message speaks of replaces what was
 * remembered of it (« en fait je suis artisan » after « infirmière libérale »), the others are kept.
 */
export function rememberTold(previous: PersonFacts | undefined, told: Entities): PersonFacts | undefined {
  const spoken = GROUPS.filter((group) => group.some((key) => told[key] !== undefined));
  // Most messages say nothing of the person: the same object, so that the state is not written again.
  if (spoken.length === 0) return previous;
  const next: PersonFacts = { ...previous };
  const keepEnded = tradeBesideEnded(told, previous);
  for (const group of spoken) {
    for (const key of group) if (!(keepEnded && ENDED.includes(key))) delete next[key];
    copy(next, told, group);
  }
  return orNothing(next);
}

/**
 * The facts known after a journey's answers: the situation chosen (a tree's `situation` slot shares the contract's
 * codes) replaces the one remembered; the status is kept (a PamC is still a profession libérale).
 */
export function rememberAnswers(
  previous: PersonFacts | undefined,
  answers: Readonly<Record<string, string>>,
): PersonFacts | undefined {
  const situation = answers.situation;
  if (situation === undefined || !SITUATIONS.has(situation)) return previous;
  const next: PersonFacts = { ...previous, situation: situation as PersonFacts['situation'] };
  if (situation === 'actif') delete next.activiteTerminee;
  return next;
}

/**
 * The message's entities completed with the facts remembered, group by group: a group the message speaks of is
 * the message's alone. `recalled` says whether anything came from memory.
 */
export function recall(
  entities: Entities,
  facts: PersonFacts | undefined,
  intent: string,
): { entities: Entities; recalled: boolean } {
  if (!facts) return { entities, recalled: false };
  const merged: Entities = { ...entities };
  const mother = entities.enceinte ?? (entities.grossesseAutrui ? false : facts.enceinte);
  let recalled = false;
  for (const group of GROUPS) {
    if (group === IDENTITY && tradeBesideEnded(entities, facts)) {
      const before = Object.keys(merged).length;
      copy(merged, facts, ENDED);
      recalled ||= Object.keys(merged).length > before;
      continue;
    }
    if (group.some((key) => entities[key] !== undefined)) continue;
    if (group === IDENTITY && BIRTH_JOURNEYS.has(intent) && !mother) continue;
    const before = Object.keys(merged).length;
    copy(merged, facts, group);
    recalled ||= Object.keys(merged).length > before;
  }
  return { entities: merged, recalled };
}
