/**
 * A short question about one fact of a journey's subject (`dialogs/factQuestion.ts`): which fact it asks, and
 * whether the journey's tree names entries that state it — unless the message tells more of the person's case
 * than the first question's answer, which the journey answers for that case.
 */
import { factAnswer, factAsked, factLine } from '../../dialogs/factQuestion';
import { translator } from '../../dialogs/i18n';
import { normalize } from '../../nlu/normalize';
import type { RecognizedEntities } from '../../dialogs/ports';
import { knowledge } from './harness';

const t = translator('fr-FR');
const tree = (id: string) => knowledge.treeById(id);
const answer = (treeId: string, text: string, entities: RecognizedEntities = {}) =>
  factAnswer(knowledge, tree(treeId), text, entities, t, normalize);

describe('the fact a question asks (`prompts.factMarkers`)', () => {
  it.each([
    ["il faut combien de mois d'affiliation pour le congé mat", 'conditions'],
    ['cb de mois d affiliation pr le conge mat', 'conditions'],
    ["c'est quoi les conditions pour toucher les IJ", 'conditions'],
    ['il faut combien de mois pour avoir les ij', 'conditions'],
    ['faut etre affiliée combien de temps pour avoir le congé maternité', 'conditions'],
    ["qui décide de la catégorie d'invalidité", 'decidedBy'],
    ["la categorie d'invalidité est fixée par qui ?", 'decidedBy'],
    ['combien de temps dure le congé maternité', 'durations'],
    ['le congé mat ça dure combien', 'durations'],
    ['combien on touche en invalidité', 'amounts'],
  ])('« %s » → %s', (text, field) => {
    expect(factAsked(text, t, normalize)).toBe(field);
  });

  it.each([
    ["je suis enceinte, j'ai droit à quoi ?"],
    ['combien de séances chez le psy'],
    ['je suis en arrêt maladie'],
  ])('« %s » asks no one fact', (text) => {
    expect(factAsked(text, t, normalize)).toBeUndefined();
  });
});

describe('the fact answered from the journey tree (`journey.facts`)', () => {
  it('gives the maternity leave condition and its entry', () => {
    const found = answer('parcours-maternite', "il faut combien de mois d'affiliation pour le congé mat");
    expect(found?.entries.map((entry) => entry.id)).toEqual(['maternite']);
    expect(found?.facts).toContain("Au moins 10 mois d'affiliation à la date présumée de l'accouchement.");
    expect(factLine(found!, t)).toMatch(/^D'après mes documents, les conditions sont : \n• Au moins 10 mois/);
  });

  it('gives who decides of the invalidity category as one sentence', () => {
    const found = answer('parcours-invalidite', "qui décide de la catégorie d'invalidité", {
      situation: 'invalide',
    });
    expect(found && factLine(found, t)).toBe(
      "D'après mes documents : La catégorie d'invalidité est déterminée par le médecin conseil, selon votre état de santé et votre capacité à travailler.",
    );
  });

  it('keeps the first question told (a status) but not another (twins, a category)', () => {
    expect(
      answer('parcours-maternite', 'combien de temps dure le congé maternité pour une indépendante', {
        statut: 'independant',
      }),
    ).toBeDefined();
    expect(
      answer('parcours-maternite', 'enceinte de jumeaux, combien de temps dure le congé ?', {
        enceinte: true,
        enfants: 2,
      }),
    ).toBeUndefined();
    expect(
      answer('parcours-invalidite', 'je suis en invalidité catégorie 2, combien je vais toucher ?', {
        situation: 'invalide',
      }),
    ).toBeUndefined();
  });

  it('answers nothing the tree does not name (a maternity amount, a sick leave duration)', () => {
    expect(answer('parcours-maternite', 'combien je touche en congé maternité')).toBeUndefined();
    expect(answer('parcours-maladie', 'combien de temps dure un arret maladie')).toBeUndefined();
  });
});
