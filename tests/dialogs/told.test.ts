import { TestConversation } from './harness';
import { toldChoice } from '../../dialogs/prompts/choiceStep';
import { translator } from '../../dialogs/i18n';
import { normalize } from '../../nlu/normalize';
import { knowledge } from './harness';
import type { QuestionNode } from '../../knowledge/schema';

const t = translator('fr-FR');
const question = (id: string) =>
  knowledge.treeById('parcours-invalidite').nodes.find((n) => n.id === id) as QuestionNode;

describe('an option told in the message that starts a journey (`told`)', () => {
  it.each([
    ['q_besoin_invalidite', 'je touche une pension d invalidité cat 2, combien je vais toucher ?', 'pension'],
    ['q_besoin_invalidite', 'un assuré en invalidité peut-il reprendre une activité ?', 'reprise'],
    ['q_besoin_invalidite', 'je ne veux pas reprendre le travail, combien je touche ?', 'pension'],
    ['q_categorie_invalidite', 'je suis en invalidité 2ème catégorie', 'totale'],
    ['q_categorie_invalidite', 'invalide en catégorie 3, quel montant ?', 'tierce_personne'],
    ['q_besoin_invalidite', "invalidité categorie 3, c'est combien ?", 'pension'],
    ['q_besoin_invalidite', "j'ai été mis en invalidité, je voudrais savoir le montant", 'pension'],
    ['q_besoin_invalidite', 'catégorie 2 depuis 2 ans, mes ressources sont insuffisantes', 'ressources'],
  ])('%s: « %s » → %s', (id, text, value) => {
    expect(toldChoice(question(id).options, text, normalize, t)).toBe(value);
  });

  it.each([
    ['q_besoin_invalidite', 'je suis en invalidité'],
    ['q_besoin_invalidite', 'je ne veux pas reprendre le travail'],
    ['q_categorie_invalidite', 'je ne sais pas quelle catégorie'],
    // Two options told: nothing chosen, the question is asked.
    ['q_categorie_invalidite', 'je suis passé de la catégorie 1 à la catégorie 2'],
  ])('%s: « %s » chooses nothing', (id, text) => {
    expect(toldChoice(question(id).options, text, normalize, t)).toBeUndefined();
  });

  it('the invalidity journey skips what the first message told and answers', async () => {
    const reply = await new TestConversation().send(
      'je touche une pension d invalidité cat 2 et je voudrais savoir combien je vais toucher',
    );
    expect(reply.text).toContain(
      "J'ai compris : Le montant de ma pension › Invalidité totale et définitive.",
    );
    expect(reply.text).toContain('Dans votre cas : 50 % des revenus soumis à cotisations');
    expect(reply.text).not.toContain('Que voulez-vous savoir ?');
  });

  it('an adviser’s question about resuming work gets the source’s answer at once', async () => {
    const reply = await new TestConversation('msteams').send(
      'Bonjour, un assuré artisan en catégorie 2 peut-il reprendre une activité ?',
    );
    expect(reply.text).toContain('Quelle que soit la catégorie de votre pension');
    expect(reply.text).not.toContain('Que voulez-vous savoir ?');
  });
});
