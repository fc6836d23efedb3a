/**
 * A short question about one fact of a journey's subject — a condition, who decides, a duration, an amount —
 * that the knowledge states (« il faut combien de mois d'affiliation pour le congé mat ? », « qui décide de la
 * catégorie d'invalidité ? »): that fact first, with the cards of the entries that state it, rather than the journey's
 * questions; the journey is offered after. Which entries state which fact is data (`journey.facts` of the trees);
 * the words that ask for each kind are the locale's (`prompts.factMarkers`).
 */
import type { TFunction } from 'i18next';
import { type FactField, factsOf } from '../knowledge/facts';
import type { Knowledge } from '../knowledge/loader';
import type { Entry, OrientationTree, QuestionNode } from '../knowledge/schema';
import { isQuestion, resolve } from '../knowledge/tree';
import { hasPhrase, paddedText } from './prompts/markers';
import { toldChoice } from './prompts/choiceStep';
import type { RecognizedEntities } from './ports';
import { valueFromEntities } from './slots';

/**
 * The kinds of fact in the order a question is read: « il faut combien de mois d'affiliation » asks a condition
 * before a duration, « qui décide de la durée » who decides, « combien de temps » a duration before an amount.
 */
const FACT_ORDER: readonly FactField[] = ['conditions', 'decidedBy', 'durations', 'amounts'];

export interface FactAnswer {
  field: FactField;
  /** The entries that state the fact, in the tree's order (their cards follow). */
  entries: Entry[];
  /** The fact, as the first of them states it. */
  facts: string[];
}

/** The kind of fact a message asks for, if any; a number of things (« combien de séances ? ») is none. */
export function factAsked(
  text: string,
  t: TFunction,
  normalize: (s: string) => string,
): FactField | undefined {
  const padded = paddedText(text, normalize);
  const says = (key: string) => hasPhrase(padded, t(key, { returnObjects: true }) as string[], normalize);
  if (says('prompts.countMarkers')) return undefined;
  return FACT_ORDER.find((field) => says(`prompts.factMarkers.${field}`));
}

/**
 * The fact a message asks of a journey's subject, when the journey's tree names entries that state it and the
 * message tells nothing of the person's case beyond the answer to the first question (a status): a message that
 * answers another of the journey's questions (« catégorie 2, combien je vais toucher ? », « enceinte de jumeaux,
 * combien de temps ? ») gets the journey, which answers for that case; so does one whose first answer is the answer.
 */
export function factAnswer(
  knowledge: Knowledge,
  tree: OrientationTree,
  text: string,
  entities: RecognizedEntities,
  t: TFunction,
  normalize: (s: string) => string,
): FactAnswer | undefined {
  const facts = tree.journey?.facts;
  if (!facts) return undefined;
  const field = factAsked(text, t, normalize);
  if (field === undefined) return undefined;
  const entries = (facts[field] ?? []).flatMap((id) => knowledge.get(id) ?? []);
  if (entries.length === 0) return undefined;
  const told = (question: QuestionNode) =>
    valueFromEntities(
      question.slot,
      entities,
      question.options.map((o) => o.value),
    ) ?? toldChoice(question.options, text, normalize, t);
  for (const node of tree.nodes) {
    if (!isQuestion(node)) continue;
    const value = told(node);
    if (value === undefined) continue;
    if (node.id !== tree.root) return undefined;
    if (resolve(tree, { [node.slot]: value }).kind === 'leaf') return undefined;
  }
  return { field, entries, facts: factsOf(entries[0], field) };
}

/** The line that gives the fact: one sentence as it is, several as a list. */
export function factLine(answer: FactAnswer, t: TFunction): string {
  const facts =
    answer.facts.length === 1 ? answer.facts[0] : answer.facts.map((fact) => `\n• ${fact}`).join('');
  return t(`main.factFirst.${answer.field}`, { facts });
}
