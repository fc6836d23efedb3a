import { normalize } from '../../nlu';
import { translator } from '../../dialogs/i18n';
import { matchChoice } from '../../dialogs/prompts/choiceMatcher';
import { withoutHedges } from '../../dialogs/prompts/choiceStep';
import { knowledge } from './harness';

const t = translator('fr');
const vocabulary = {
  ordinals: t('prompts.ordinals', { returnObjects: true }) as string[],
  last: t('prompts.last', { returnObjects: true }) as string[],
  units: t('prompts.units', { returnObjects: true }) as string[],
  doubts: t('prompts.doubts', { returnObjects: true }) as string[],
  courtesy: t('prompts.courtesy', { returnObjects: true }) as string[],
};

function question(treeId: string, nodeId: string) {
  const node = knowledge.treeById(treeId).nodes.find((n) => n.id === nodeId);
  if (node?.type !== 'question') throw new Error(`${nodeId} is not a question`);
  return node;
}

function pick(treeId: string, nodeId: string, answer: string): string | undefined {
  const q = question(treeId, nodeId);
  return q.options[matchChoice(answer, q.options, normalize, vocabulary)]?.value;
}

describe('the particle of a negation is not the option’s « ou plus »', () => {
  it.each([
    ['parcours-maternite', 'q_affiliation_cheffe', 'je n’en peux plus'],
    ['parcours-maladie', 'q_affiliation_ij', 'mon comptable ne répond plus'],
    ['parcours-maladie', 'q_affiliation_ij', 'je ne sais plus'],
    ['parcours-maladie', 'q_affiliation_ij', 'jme souviens plus'],
    ['parcours-maternite', 'q_affiliation_cheffe', 'je me rappelle plus'],
  ])('%s / %s: « %s » chooses nothing', (treeId, nodeId, answer) => {
    expect(pick(treeId, nodeId, answer)).toBeUndefined();
  });
  it.each(['plus de 12 mois', '12 mois ou plus', 'plus', 'ça fait 12 mois et plus'])(
    'still reads « %s » as the option « ou plus »',
    (answer) => {
      expect(pick('parcours-maladie', 'q_affiliation_ij', answer)).toBe(
        question('parcours-maladie', 'q_affiliation_ij').options[0].value,
      );
    },
  );
});

describe('free-text answers to a question', () => {
  it.each([
    // A sentence that names an option is not read as a position, even with "une" or a number in it.
    ['demander-une-aide-financiere', 'q_difficulte_actif', 'une panne sur mon camion', 'evenement_ponctuel'],
    ['parcours-maternite', 'q_naissance_cheffe', 'mon 2e enfant', 'premier_ou_deuxieme'],
    // « mon 2 » is a rank where the options are ranks (it was the second button: 26 weeks instead of 16).
    ['parcours-maternite', 'q_naissance_cheffe', 'mon 2', 'premier_ou_deuxieme'],
    ['parcours-maternite', 'q_naissance_cheffe', 'c mon 2', 'premier_ou_deuxieme'],
    ['parcours-maternite', 'q_naissance_cheffe', 'mon 3', 'troisieme_ou_plus'],
    ['parcours-maternite', 'q_naissance_cheffe', 'deux bébés', 'jumeaux'],
    // Positions, when the answer is only that.
    ['demander-une-aide-financiere', 'q_situation', '2', 'invalide'],
    ['demander-une-aide-financiere', 'q_situation', 'plutôt la 3e', 'retraite_proche'],
    ['demander-une-aide-financiere', 'q_situation', 'la deuxième', 'invalide'],
    ['demander-une-aide-financiere', 'q_situation', 'la dernière', 'pamc'],
    // Doubt chooses only an option that says it; a negated verb names nothing; an activity over has its option.
    ['parcours-maladie', 'q_arret_ald', "je sais pas si c'est une ALD", 'ne_sait_pas'],
    ['parcours-maladie', 'q_arret_ald', 'je ne pense pas que ce soit une ALD', 'ne_sait_pas'],
    ['demander-une-aide-financiere', 'q_situation', 'plus en activité', 'activite_terminee'],
  ])('%s / %s: "%s" → %s', (treeId, nodeId, answer, expected) => {
    expect(pick(treeId, nodeId, answer)).toBe(expected);
  });

  it.each([
    // A word the answer denies names no option: « pas d'ALD » is not « Oui, une ALD ».
    ['parcours-maladie', 'q_arret_ald', "pas d'ALD"],
    ['parcours-maladie', 'q_arret_ald', 'aucune ALD'],
    ['parcours-maladie', 'q_arret_ald', "c'est pas lié à mon ALD"],
    ['demander-une-aide-financiere', 'q_situation', 'je ne suis plus en activité'],
    ['demander-une-aide-financiere', 'q_difficulte_actif', "j'ai pas de problème de cotisations"],
    // « aide » alone names no option (« J'aide un proche dépendant »).
    ['demander-une-aide-financiere', 'q_difficulte_actif', "j'ai besoin d'aide, je m'en sors plus"],
    // An option whose own word is denied is not chosen by another of its words.
    ['demander-une-aide-financiere', 'q_situation', 'infirmière mais pas conventionnée'],
  ])('%s / %s: "%s" names no option', (treeId, nodeId, answer) => {
    expect(pick(treeId, nodeId, answer)).toBeUndefined();
  });

  // « Quelle naissance attendez-vous ? »: a rank is the child's, not a button's position (« notre troisième » was
  // « Des jumeaux », 34 weeks instead of 26; « mon 2e » was « Mon 3e enfant ou plus »).
  it.each([
    ['c est notre troisieme', 'troisieme_ou_plus'],
    ['quatrieme', 'troisieme_ou_plus'],
    ["j'en ai déjà 2", 'troisieme_ou_plus'],
    ['mon 2e', 'premier_ou_deuxieme'],
    ['c mon deuxieme', 'premier_ou_deuxieme'],
    ['le 2ème', 'premier_ou_deuxieme'],
    ['mon deuxième bébé', 'premier_ou_deuxieme'],
  ])('the birth question reads a rank as the child\'s: "%s" → %s', (answer, expected) => {
    expect(pick('parcours-maternite', 'q_naissance_cheffe', answer)).toBe(expected);
    expect(pick('parcours-maternite', 'q_naissance_conjointe', answer)).toBe(expected);
  });

  it('does not read an ordinal as a position when the options themselves are ranks', () => {
    const ranks = [
      { value: 'un', label: 'Mon 1er ou mon 2e enfant' },
      { value: 'trois', label: 'Mon 3e enfant ou plus' },
      { value: 'jumeaux', label: 'Des jumeaux' },
    ];
    expect(matchChoice('la troisième', ranks, normalize, vocabulary)).toBe(-1);
    expect(matchChoice('mon 2e', ranks, normalize, vocabulary)).toBe(-1);
    // A bare number is still the button's.
    expect(matchChoice('3', ranks, normalize, vocabulary)).toBe(2);
  });

  it('still reads an inability as an answer, not as a denial', () => {
    expect(
      pick('demander-une-aide-financiere', 'q_difficulte_actif', 'je ne peux plus payer mes cotisations'),
    ).toBe('cotisations');
  });

  it.each(['je ne paie plus mes cotisations depuis 3 mois', 'en plus de mes cotisations'])(
    'reads a negation after another verb than « être » or « avoir » as about that verb: « %s »',
    (answer) => {
      expect(pick('demander-une-aide-financiere', 'q_difficulte_actif', answer)).toBe('cotisations');
    },
  );

  it('finds nothing in an answer that names no option and no position', () => {
    expect(pick('demander-une-aide-financiere', 'q_difficulte_actif', 'bonjour')).toBeUndefined();
    expect(pick('demander-une-aide-financiere', 'q_situation', "j'ai une question")).toBeUndefined();
  });
});

describe('courtesy is no part of an answer', () => {
  it.each([
    ['2 svp', 1],
    ['le 2 s il vous plait', 1],
    ['1 merci', 0],
    ["s'il vous plaît, la 2", 1],
  ])('« %s » is the option at position %i', (answer, index) => {
    const q = question('parcours-maladie', 'q_affiliation_ij');
    expect(pick('parcours-maladie', 'q_affiliation_ij', answer)).toBe(q.options[index].value);
  });
});

describe('an adviser’s buttons (Teams): the third-person label shown, both wordings understood', () => {
  /** The options as the journey gives them to an adviser: `adviserLabel` shown, the first-person label an alias. */
  function pickAsAdviser(treeId: string, nodeId: string, answer: string): string | undefined {
    const options = question(treeId, nodeId).options.map((o) =>
      o.adviserLabel !== undefined
        ? { value: o.value, label: o.adviserLabel, alias: o.label, synonyms: o.synonyms }
        : o,
    );
    return options[matchChoice(answer, options, normalize, vocabulary)]?.value;
  }

  it.each([
    ['q_difficulte_actif', 'Payer ses cotisations Urssaf', 'cotisations'],
    ['q_difficulte_actif', 'Payer mes cotisations Urssaf', 'cotisations'],
    ['q_difficulte_actif', 'sa santé menace son activité', 'sante_activite'],
    ['q_difficulte_actif', 'ma santé menace mon activité', 'sante_activite'],
    ['q_situation', 'En activité', 'actif'],
    ['q_situation', 'Je suis en activité', 'actif'],
    ['q_situation', 'son activité est terminée', 'activite_terminee'],
    ['q_invalide_actif', 'Oui, je travaille encore', 'oui'],
    ['q_invalide_actif', 'non, plus en activité', 'non'],
  ])('at %s, « %s » is %s', (nodeId, answer, value) => {
    expect(pickAsAdviser('demander-une-aide-financiere', nodeId, answer)).toBe(value);
  });

  it('gives every first-person option of the trees an adviser’s wording', () => {
    const firstPerson = /^(?:je |j'|mon |ma |mes |nous )|\b(?:mon|ma|mes)\b/i;
    const missing = knowledge
      .journeyTrees()
      .flatMap((tree) => tree.nodes)
      .flatMap((node) => (node.type === 'question' ? node.options : []))
      .filter(
        (o) => firstPerson.test(o.label) && o.label !== 'Je ne sais pas' && o.adviserLabel === undefined,
      )
      .map((o) => o.label);
    expect(missing).toEqual([]);
  });
});

describe('an answer without its words of uncertainty (withoutHedges)', () => {
  it.each([
    ['11 mois je crois', '11 mois'],
    ['je ne suis plus très sûr, 11 mois je crois', '11 mois'],
    ['ça doit faire 3 ans', '3 ans'],
    ['depuis 2021 il me semble', 'depuis 2021'],
    ['2 ans je pense', '2 ans'],
  ])('« %s » → « %s »', (answer, plain) => {
    expect(withoutHedges(answer, normalize, t)).toBe(plain);
  });

  it.each(['11 mois', 'je ne sais pas', 'je ne pense pas', 'je crois'])(
    '« %s » has nothing else to read',
    (answer) => {
      expect(withoutHedges(answer, normalize, t)).toBeUndefined();
    },
  );
});
