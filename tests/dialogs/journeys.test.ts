import type { IntentRecognizer } from '../../dialogs/ports';
import { walkPaths } from '../../knowledge/tree';
import { knowledge, readingAs, TestConversation } from './harness';

const MENU_FR = 'Demander une aide financière';

describe('journey trees (maternité, maladie, invalidité): every path, walked by clicking', () => {
  const starts: Record<string, string> = {
    'parcours-maternite': 'Maternité, paternité, adoption',
    'parcours-maladie': 'Arrêt maladie (indemnités journalières)',
    'parcours-invalidite': 'Invalidité',
  };
  const cases = Object.entries(starts).flatMap(([treeId, start]) =>
    walkPaths(knowledge.treeById(treeId)).map(
      (path) => [`${treeId}: ${path.steps.map((s) => s.label).join(' › ')}`, start, path] as const,
    ),
  );

  it.each(cases)('%s ends on its cards with a link or a contact', async (_name, start, path) => {
    const conversation = new TestConversation();
    let reply = await conversation.send(start);
    for (const step of path.steps) {
      expect(reply.choices).toContain(step.label);
      reply = await conversation.send(step.label);
    }
    for (const id of path.leaf.aids) expect(reply.text).toContain(knowledge.get(id)!.title);
    expect(reply.links.length + (reply.text.match(/3646|3698/g)?.length ?? 0)).toBeGreaterThan(0);
    if (path.leaf.note) expect(reply.text).toContain(path.leaf.note.slice(0, 40));
    expect(reply.text).toContain('Cette réponse vous a-t-elle aidé ?');
  });
});

describe('maternité', () => {
  it('skips what the first message says: cheffe d’entreprise for 3 years, twins → 34 weeks', async () => {
    const reply = await new TestConversation().send(
      'je suis enceinte de jumeaux, je suis artisane depuis 3 ans',
    );
    expect(reply.text).toContain("J'ai compris");
    expect(reply.text).toContain('34 semaines');
    expect(reply.text).toContain("Maternité de la cheffe d'entreprise");
    expect(reply.text).toContain('Attestation médicale');
  });

  it('says which condition is not met when affiliation is under 10 months', async () => {
    const conversation = new TestConversation();
    await conversation.send('je suis enceinte');
    await conversation.send("Je suis cheffe d'entreprise");
    const reply = await conversation.send('non');
    expect(reply.text).toMatch(/10 mois/);
    expect(reply.text).toContain('3646');
  });

  it('uses the portal context: greets by first name and does not ask the status again', async () => {
    const conversation = new TestConversation();
    await conversation.send({
      type: 'event',
      name: 'context',
      value: { prenom: 'Camille', statut: 'conjoint_collaborateur', departement: '14' },
    });
    const hello = await conversation.send('bonjour');
    expect(hello.text).toContain('Bonjour Camille !');
    const reply = await conversation.send('je suis enceinte');
    expect(reply.text).toContain('Je suis conjointe collaboratrice');
    expect(reply.text).toContain('10 mois');
    expect(reply.choices).not.toContain("Je suis cheffe d'entreprise");
  });
});

describe('direct answers', () => {
  it.each([
    [
      'paternité',
      "j'aimerais prendre mon congé paternité, j'ai droit à combien de jours ?",
      ['25 jours', '32 jours'],
    ],
    [
      'décès',
      'mon mari est décédé, il était artisan, que puis-je toucher ?',
      ['Capital décès', 'Non cumulable'],
    ],
    ['carte Vitale', "j'ai perdu ma carte vitale", ['carte Vitale']],
    ['CSS', 'c quoi la complementaire sante solidaire', ['Complémentaire santé solidaire']],
    ['délais de paiement', 'je voudrais un échéancier pour payer mes cotisations urssaf', ['délai']],
  ])('%s', async (_name, message, expected) => {
    const reply = await new TestConversation().send(message);
    for (const text of expected) expect(reply.text.toLowerCase()).toContain(text.toLowerCase());
    expect(reply.text).toContain('Cette réponse vous a-t-elle aidé ?');
  });

  it('HELP answers distress with the démarches simplifiées link and the steps', async () => {
    const reply = await new TestConversation().send("je n'y arrive plus, je coule");
    expect(reply.text).toContain('HELP');
    expect(reply.links).toContain('https://www.demarches-simplifiees.fr');
    expect(reply.text).toContain('questionnaire');
  });
});

describe('not understood and out of scope', () => {
  it('a short message not understood: rephrase once, then the menu, then the contacts', async () => {
    const conversation = new TestConversation();
    const first = await conversation.send('blablabla');
    expect(first.text).toContain('reformuler');
    const second = await conversation.send('zzzz');
    expect(second.choices).toContain(MENU_FR);
    const third = await conversation.send('qsdf');
    expect(third.text).toContain('3646');
    expect(third.text).toContain('3698');
  });
});

describe('ambiguity', () => {
  const hesitant = readingAs('une question sur ma situation', {
    topIntent: 'maternite',
    score: 0.4,
    ambiguous: { first: 'maternite', second: 'adoption' },
  });

  it('asks "Vous voulez parler de A ou de B ?" and follows the answer', async () => {
    const conversation = new TestConversation('test', hesitant);
    const question = await conversation.send('une question sur ma situation');
    expect(question.text).toContain("Vous voulez parler de la maternité ou de l'adoption ?");
    expect(question.choices).toEqual(['La maternité', "L'adoption"]);
    const reply = await conversation.send("L'adoption");
    expect(reply.text).toContain("Le congé d'adoption");
  });
});

describe('HELP first, and a topic beside it', () => {
  const TEXT = 'une question sur ma situation';
  const helpThen = (second: number): IntentRecognizer =>
    readingAs(TEXT, {
      topIntent: 'help',
      score: 0.45,
      intents: { help: { score: 0.45 }, maternite: { score: second }, None: { score: 0.1 } },
      ambiguous: undefined,
      distress: { level: 'none', signals: [], need: 'help' },
    });

  it('HELP the top intent and a topic next, fairly likely → the HELP offer, then that topic answered', async () => {
    const reply = await new TestConversation('test', helpThen(0.3)).send(TEXT);
    expect(reply.links).toContain('https://www.demarches-simplifiees.fr');
    expect(reply.choices).toContain("Je suis cheffe d'entreprise");
  });

  it('a hesitation between a topic and HELP → nothing asked: the HELP offer, then the topic', async () => {
    const hesitating = readingAs(TEXT, {
      topIntent: 'maternite',
      score: 0.4,
      ambiguous: { first: 'maternite', second: 'help' },
      distress: { level: 'none', signals: [], need: 'help' },
    });
    const reply = await new TestConversation('test', hesitating).send(TEXT);
    expect(reply.text).not.toContain('Vous voulez parler');
    expect(reply.links).toContain('https://www.demarches-simplifiees.fr');
    expect(reply.choices).toContain("Je suis cheffe d'entreprise");
  });

  it('a topic next but unlikely → HELP only', async () => {
    const reply = await new TestConversation('test', helpThen(0.1)).send(TEXT);
    expect(reply.links).toContain('https://www.demarches-simplifiees.fr');
    expect(reply.choices).not.toContain("Je suis cheffe d'entreprise");
  });
});

describe('a field outside the domain beside a topic', () => {
  const TEXT = 'une question sur ma situation';
  const besideField = readingAs(TEXT, {
    topIntent: 'maternite',
    score: 0.45,
    entities: {},
    ambiguous: undefined,
    outOfScope: { domain: 'creation', contacts: [] },
    distress: { level: 'none', signals: [], need: 'help' },
  });

  it('the topic the recogniser chose is answered after « pas mon domaine » for the field', async () => {
    const reply = await new TestConversation('test', besideField).send(TEXT);
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.choices).toContain("Je suis cheffe d'entreprise");
  });
});

describe('a story of difficulty the class None is sure of', () => {
  // A story (12 words or more): a few words asking nothing get HELP alone.
  const TEXT = 'une longue histoire de mon métier, de mes clients et de ce qui ne va pas';
  const sureNone = readingAs(TEXT, {
    topIntent: 'None',
    score: 0.7,
    intents: { None: { score: 0.7 } },
    ambiguous: undefined,
    outOfScope: undefined,
    // A difficulty of the business: refineIntent would send it to the aid journey.
    entities: { difficultes: ['evenement_ponctuel'] },
    distress: { level: 'moderate', signals: ['epuisement'], need: 'help' },
  });

  it('business difficulties too → « pas mon domaine », the HELP offer, then the aid journey (not HELP alone)', async () => {
    const reply = await new TestConversation('test', sureNone).send(TEXT);
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.links).toContain('https://www.demarches-simplifiees.fr');
    // The aid journey, its answer here (a one-off event: the aids that cover it).
    expect(reply.text).toContain('Aide financière exceptionnelle (AFE)');
  });
});

describe('feedback', () => {
  it('records the answer to "Cette réponse vous a-t-elle aidé ?" with the intent', async () => {
    const conversation = new TestConversation();
    await conversation.send("j'ai perdu ma carte vitale");
    const thanks = await conversation.send('non');
    expect(thanks.text).toContain('3646');
    expect(conversation.feedback).toEqual([{ intent: 'carte_vitale', helpful: false }]);
  });

  it('a new question instead of oui/non is answered as a new request', async () => {
    const conversation = new TestConversation();
    await conversation.send("j'ai perdu ma carte vitale");
    const reply = await conversation.send('et pour la complémentaire santé solidaire ?');
    expect(reply.text).toContain('Complémentaire santé solidaire');
    expect(conversation.feedback).toEqual([]);
  });
});

describe('languages', () => {
  it('answers in English when the activity locale is English', async () => {
    const conversation = new TestConversation();
    conversation.adapter.template.locale = 'en-US';
    const reply = await conversation.send('hello');
    expect(reply.choices).toContain('Ask for financial aid');
  });
});

describe('a hesitation that is not between two subjects', () => {
  it('« une question sur ma situation » read as back or greeting → nothing asked about them', async () => {
    const TEXT = 'une question sur ma situation';
    const reading = readingAs(TEXT, {
      topIntent: 'back',
      score: 0.42,
      intents: { back: { score: 0.42 }, greeting: { score: 0.38 }, None: { score: 0.05 } },
      ambiguous: { first: 'back', second: 'greeting' },
      distress: { level: 'none', signals: [], need: 'help' },
    });
    const reply = await new TestConversation('test', reading).send(TEXT);
    expect(reply.text).not.toContain('Vous voulez parler');
    expect(reply.text).not.toContain('intentsAbout');
    expect(reply.choices.length).toBeGreaterThan(0);
  });
});

describe('a message read as None that names a subject in its own words', () => {
  const reading = (text: string, invalidite: number): IntentRecognizer =>
    readingAs(text, {
      topIntent: 'None',
      score: 0.8,
      intents: { None: { score: 0.8 }, aide_financiere: { score: 0.12 }, invalidite: { score: invalidite } },
      ambiguous: undefined,
      outOfScope: undefined,
      distress: { level: 'none', signals: [], need: 'help' },
    });
  const QUESTION =
    'je suis en invalidité cat 2 depuis 3 ans, en tant que AE comment cela se passerait pour facturer ?';
  const STORY = 'je suis en invalidité cat 2 depuis 3 ans et je facture un peu en AE à côté de ma pension.';

  it('asks a question about it, even ranked low → that subject answered, not « pas mon domaine »', async () => {
    const reply = await new TestConversation('test', reading(QUESTION, 0.05)).send(QUESTION);
    expect(reply.text).not.toContain("Ce n'est pas mon domaine");
    expect(reply.text).toContain('Que voulez-vous savoir ?');
  });

  it('only tells it, ranked that low → not taken as that subject', async () => {
    const reply = await new TestConversation('test', reading(STORY, 0.05)).send(STORY);
    expect(reply.text).not.toContain('Que voulez-vous savoir ?');
  });
});
