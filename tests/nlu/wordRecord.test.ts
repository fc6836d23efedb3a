/**
 * A long message's chunks keep their words for the scorer and their atoms for the pre-tests (nlu/index.ts
 * `chunkWords`, `chunkAtoms`). Both belong to a numbering that can change: the featurizer drops its ids when its
 * memos grow too large, and the pre-tests number atoms again when a pattern is registered. The answers must not
 * change when that happens between two readings of the same chunks.
 */
import { getRecognizer } from '../../nlu';
import type { Featurizer } from '../../nlu/features';
import { couldMatch, requirementOf } from '../../nlu/prefilter';

const STORIES = [
  "Bonjour, je suis artisan boulanger depuis 12 ans. Mon four est tombé en panne et je n'ai pas la trésorerie pour le réparer, mais les cotisations tombent quand même. Je ne sais plus quoi faire.",
  'je suis enceinte de 5 mois et je suis auto entrepreneuse. combien je vais toucher pendant mon conge maternite ? et est ce que je dois arreter completement mon activite',
  "Depuis mon accident du travail en mars je ne peux plus exercer, l'huissier est passé hier et j'ai des dettes partout. J'en peux plus, vraiment.",
  'Mon mari est décédé le mois dernier, il était commerçant. Est-ce que j’ai droit à un capital décès ? Et pour mes enfants, qui dois-je contacter ?',
];

const SHORT = [
  'pension d invalidite',
  'carte vitale perdue',
  'je voudrais une aide financiere',
  'arret maladie pour un independant',
  'tout s ecroule je suis a bout',
  'mon four est en panne',
  'cotisations urssaf en retard',
];

describe('the words and atoms a long message keeps with its chunks', () => {
  const recognizer = getRecognizer();
  const answers = (): string[] => STORIES.map((t) => JSON.stringify(recognizer.recognize(t)));

  it('give the same answers after the featurizer has renumbered its features', () => {
    const before = answers();
    // The featurizer is private: reached here to make it renumber (as it does when its memos pass their bound).
    const featurizer = (recognizer as unknown as { featurizer: Featurizer }).featurizer;
    const start = featurizer.generation;
    featurizer.useIndex(new Map());
    // Other words first, read outside the chunks (short messages): the new numbering differs from the old one.
    for (const text of SHORT) recognizer.recognize(text);
    expect(answers()).toEqual(before);
    expect(featurizer.generation).toBeGreaterThan(start);
    expect(answers()).toEqual(before);
  });

  it('give the same answers after a pattern was registered, and the new pattern is pre-tested on them', () => {
    const before = answers();
    const pattern = /(?:^| )boulanger depuis/;
    expect(requirementOf(pattern)).not.toBeNull();
    expect(answers()).toEqual(before);
    // The story's chunks were read before the pattern existed: their atoms must now include the new one.
    const story = recognizer.recognize(STORIES[0]);
    expect(story.normalized).toContain('boulanger depuis');
    expect(couldMatch(pattern, story.normalized)).toBe(true);
    expect(couldMatch(pattern, recognizer.recognize(STORIES[1]).normalized)).toBe(false);
  });
});
