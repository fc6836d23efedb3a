/**
 * How the bot answers real people: difficulty told without keywords, words of self-harm, a story it cannot
 * place, a question outside its field, two needs in one message, slots read from a story and corrected,
 * negation and tense. Every test talks to the real recogniser, dialogs and knowledge base.
 */
import type { IntentName } from '../../contract/intents';
import type { IntentRecognizer, RecognitionLike } from '../../dialogs/ports';
import { knowledge, readingAs, TestConversation } from './harness';

const HELP_LINK = 'https://www.demarches-simplifiees.fr';
const AID_BUTTON = 'Demander une aide financière';
const helpTitle = knowledge.byIntent('help')[0].title;

/** The real reading of `text`, except that it names the staff's field (about other people) and reads as `reading`. */
const namingStaff = (text: string, reading: Partial<RecognitionLike>): IntentRecognizer =>
  readingAs(text, {
    ambiguous: undefined,
    outOfScope: { domain: 'salaries', contacts: [], aboutOthers: true },
    ...reading,
  });

describe('difficulty in any message', () => {
  it('distress without the word « aide » or « HELP » → HELP, its questionnaire link, the phone lines, the aid button', async () => {
    const reply = await new TestConversation().send(
      "je ne dors plus, tout s'effondre, je n'ai plus un rond pour nourrir mes enfants",
    );
    expect(reply.text).toContain('Des personnes sont là pour vous épauler');
    expect(reply.text).toContain(helpTitle);
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain('3646');
    expect(reply.text).toContain('3698');
    expect(reply.text).not.toContain("Je n'ai pas compris");
    // Money trouble: after HELP, the aid journey starts (its first question) instead of a button to it.
    expect(reply.text).toContain('Quelle est votre situation ?');
  });

  it('personal distress without money trouble → HELP alone, with the aid button', async () => {
    const reply = await new TestConversation().send(
      "je ne dors plus, je suis épuisé et je me sens tellement seul, je n'en peux plus",
    );
    expect(reply.text).toContain('Des personnes sont là pour vous épauler');
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(AID_BUTTON);
    expect(reply.text).not.toContain('Quelle est votre situation ?');
  });

  it('a precise question with signs of hardship → HELP comes with the answer to that question', async () => {
    const reply = await new TestConversation().send(
      "l'huissier est passé la semaine dernière, comment je refais ma carte vitale perdue ?",
    );
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(
      'en plus de la réponse à votre question, le dispositif HELP peut vous accompagner',
    );
    expect(reply.text).toMatch(/carte Vitale/i);
  });

  it('a field outside the domain named beside the difficulty → HELP first, then the honest answer for that field', async () => {
    const reply = await new TestConversation().send(
      "je n'en peux plus, mon banquier me harcèle et les dettes s'accumulent",
    );
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain('3646');
    const field =
      "Ce n'est pas mon domaine : je ne peux pas vous répondre sur les banques, prêts et crédits.";
    expect(reply.text).toContain(field);
    expect(reply.text.indexOf(helpTitle)).toBeLessThan(reply.text.indexOf(field));
  });

  it('a field about other people (the staff) beside the aids for a difficulty is part of the story: no « pas mon domaine »', async () => {
    const TEXT = "je n'arrive plus à payer mes charges et j'ai dû réduire les heures de mes salariés";
    const staff = namingStaff(TEXT, {
      topIntent: 'aide_financiere',
      score: 0.9,
      distress: { level: 'moderate', signals: ['impaye'], need: 'aide_financiere' },
    });
    const reply = await new TestConversation('test', staff).send(TEXT);
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain('des aides financières existent');
    expect(reply.text).not.toContain("Ce n'est pas mon domaine");
  });

  it('the aid button of the HELP offer starts the aide-financière journey', async () => {
    const conversation = new TestConversation();
    await conversation.send("je suis au bout du rouleau, seule, et les dettes s'accumulent");
    const reply = await conversation.send(AID_BUTTON);
    expect(reply.text).toContain('Quelle est votre situation ?');
  });

  it('a drop of activity told as a story opens the aid journey, with HELP offered too', async () => {
    const reply = await new TestConversation().send(
      "Avec l'inondation du mois dernier le magasin est resté fermé trois semaines et mon chiffre d'affaires a chuté de moitié",
    );
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(knowledge.get('aide-urgence-cpsti')!.title);
  });

  it('a story asking for financial aid, even without words of distress → the aid journey with HELP', async () => {
    const reply = await new TestConversation().send(
      'Bonjour, je suis plombier à mon compte depuis six ans et je voudrais savoir quelles aides financières existent pour moi',
    );
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toMatch(/Quelle est votre situation \?|Quelle difficulté rencontrez-vous \?/);
  });

  it('negation: « je n’ai pas de dettes » is no sign of difficulty', async () => {
    const reply = await new TestConversation().send(
      "je n'ai pas de dettes, je voudrais juste savoir comment commander ma carte vitale",
    );
    expect(reply.links).not.toContain(HELP_LINK);
    expect(reply.text).toMatch(/carte Vitale/i);
  });
});

describe('words of self-harm', () => {
  it('the suicide-prevention line 3114 first, then the advisers, and no questionnaire link', async () => {
    const reply = await new TestConversation().send(
      "mon entreprise coule, j'ai plus envie de vivre, je pense à en finir",
    );
    expect(reply.text).toContain('3114');
    expect(reply.text.indexOf('3114')).toBeLessThan(reply.text.indexOf('3646'));
    expect(reply.text).toContain('24h/24 et 7j/7');
    expect(reply.text).not.toContain('demarches-simplifiees');
    expect(reply.text).not.toContain('Cette réponse vous a-t-elle aidé ?');
  });

  it('also in the middle of a journey', async () => {
    const conversation = new TestConversation();
    await conversation.send(AID_BUTTON);
    const reply = await conversation.send('je veux me foutre en l’air');
    expect(reply.text).toContain('3114');
    expect(reply.text).not.toContain('demarches-simplifiees');
  });

  it('someone else’s suicide told in a story of difficulty → the 3114 first (it answers the bereaved too), then HELP', async () => {
    const reply = await new TestConversation().send(
      "un restaurateur de ma rue s'est suicidé le mois dernier, et moi je n'en peux plus, les dettes s'accumulent",
    );
    expect(reply.text).toContain('endeuillées par un suicide');
    expect(reply.text).toContain('3114');
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text.indexOf('3114')).toBeLessThan(reply.text.indexOf(helpTitle));
  });

  it('« en finir avec ce dossier » is not a word of self-harm', async () => {
    const reply = await new TestConversation().send('je voudrais en finir avec ce dossier de cotisations');
    expect(reply.text).not.toContain('3114');
  });
});

describe('a message the bot cannot place', () => {
  it('a long story → its best guesses as buttons and « Parler à un conseiller », never only « reformulez »', async () => {
    const conversation = new TestConversation();
    const reply = await conversation.send(
      "Mon voisin m'a dit de venir vous voir parce qu'il a eu un souci l'an dernier avec son dossier et que ça s'est bien arrangé",
    );
    expect(reply.text).not.toContain('reformuler');
    expect(reply.choices).toContain('Parler à un conseiller');
    expect(reply.choices.length).toBeGreaterThanOrEqual(3);
    const adviser = await conversation.send('Parler à un conseiller');
    expect(adviser.text).toContain('3646');
  });

  it('a guess chosen starts that subject', async () => {
    const conversation = new TestConversation();
    const reply = await conversation.send(
      "Mon voisin m'a dit de venir vous voir parce qu'il a eu un souci l'an dernier avec son dossier et que ça s'est bien arrangé",
    );
    const guess = reply.choices.find((c) => c !== 'Parler à un conseiller')!;
    const next = await conversation.send(guess);
    expect(next.text).not.toContain("Je ne suis pas sûr d'avoir bien compris");
    expect(next.text.length).toBeGreaterThan(20);
  });
});

describe('a story the recogniser hesitates to place', () => {
  const STORY =
    "On a eu le petit au printemps, j'ai tenu la boutique presque jusqu'au bout et personne ne m'a dit à quoi j'avais droit";
  /** The real recognition of `STORY`, with `None` on top and the given scores (rankings as the recogniser's). */
  const hesitating = (scores: Partial<Record<IntentName, number>>): IntentRecognizer => {
    const ranked = (Object.entries(scores) as [IntentName, number][]).sort((a, b) => b[1] - a[1]);
    return readingAs(STORY, {
      topIntent: ranked[0][0],
      score: ranked[0][1],
      intents: Object.fromEntries(ranked.map(([intent, score]) => [intent, { score }])),
      ambiguous: undefined,
      distress: { level: 'none', signals: [], need: 'help' },
    });
  };

  it('its best topic nearly as likely as `None` → the journey of that topic starts, no guesses to choose from', async () => {
    const conversation = new TestConversation(
      'test',
      hesitating({ None: 0.36, maternite: 0.33, paternite: 0.12, help: 0.05 }),
    );
    const reply = await conversation.send(STORY);
    expect(reply.text).not.toContain("Je ne suis pas sûr d'avoir bien compris");
    expect(reply.choices).not.toContain('Parler à un conseiller');
    // The maternité journey asks one of its questions (the story may already answer the first).
    const tree = knowledge.trees.find((t) => t.journey?.intent === 'maternite')!;
    const questions = tree.nodes.flatMap((n) => (n.type === 'question' ? [n.question] : []));
    expect(questions.some((q) => reply.text.includes(q))).toBe(true);
  });

  it('read as a request for aid without certainty, with a topic next → HELP and the aid button, then that topic', async () => {
    const conversation = new TestConversation(
      'test',
      hesitating({ aide_financiere: 0.4, cotisations_delais: 0.3, None: 0.1, help: 0.05 }),
    );
    const reply = await conversation.send(STORY);
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(AID_BUTTON);
    expect(reply.text).toContain(knowledge.byIntent('cotisations_delais')[0].title);
    // Read surely as a request for aid, the aid journey starts instead.
    const sure = await new TestConversation(
      'test',
      hesitating({ aide_financiere: 0.6, cotisations_delais: 0.3, None: 0.05, help: 0.05 }),
    ).send(STORY);
    // Without words of difficulty (distress « none »): the aids are introduced without condolences.
    expect(sure.text).toContain('Des aides financières existent pour les indépendants : voyons lesquelles');
    expect(sure.text).not.toContain('Je suis désolé');
    expect(sure.text).not.toContain(knowledge.byIntent('cotisations_delais')[0].title);
  });

  it('its best topic far less likely than `None` → no topic answered, guesses as buttons', async () => {
    const conversation = new TestConversation(
      'test',
      hesitating({ None: 0.38, maternite: 0.2, paternite: 0.12, help: 0.05 }),
    );
    const reply = await conversation.send(STORY);
    expect(reply.choices).toContain('Parler à un conseiller');
    expect(reply.choices.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a message read as `None` that names a subject in its own words', () => {
  const NAMED =
    "Je suis en invalidité cat. 2 depuis 3 ans. En tant qu'AE, est-ce que je peux facturer 11 820 € par an ?";
  const UNNAMED =
    "Depuis 3 ans je ne travaille plus guère. En tant qu'AE, est-ce que je peux facturer 11 820 € par an ?";
  const reading = (text: string): IntentRecognizer =>
    readingAs(text, {
      topIntent: 'None',
      score: 0.6,
      intents: { None: { score: 0.6 }, invalidite: { score: 0.2 }, aide_financiere: { score: 0.1 } },
      ambiguous: undefined,
      distress: { level: 'none', signals: [], need: 'help' },
    });

  it('is answered on that subject (« invalidité »), not with « ce n’est pas mon domaine »', async () => {
    const reply = await new TestConversation('test', reading(NAMED)).send(NAMED);
    expect(reply.text).not.toContain("Ce n'est pas mon domaine");
    const tree = knowledge.trees.find((t) => t.journey?.intent === 'invalidite')!;
    const questions = tree.nodes.flatMap((n) => (n.type === 'question' ? [n.question] : []));
    const titles = knowledge.byIntent('invalidite').map((e) => e.title);
    expect([...questions, ...titles].some((q) => reply.text.includes(q))).toBe(true);
  });

  it('beside a field outside the domain (TVA), both are answered: « pas mon domaine », then that subject', async () => {
    const TEXT = "Mon congé maternité m'a coûté cher et j'ai dû avancer 4 000 € de TVA, c'est normal ?";
    const beside = readingAs(TEXT, {
      topIntent: 'None',
      score: 0.6,
      intents: { None: { score: 0.6 }, maternite: { score: 0.2 }, aide_financiere: { score: 0.1 } },
      ambiguous: undefined,
      outOfScope: { domain: 'impots', contacts: [] },
      distress: { level: 'none', signals: [], need: 'help' },
    });
    const reply = await new TestConversation('test', beside).send(TEXT);
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    const tree = knowledge.trees.find((t) => t.journey?.intent === 'maternite')!;
    const questions = tree.nodes.flatMap((n) => (n.type === 'question' ? [n.question] : []));
    const titles = knowledge.byIntent('maternite').map((e) => e.title);
    expect([...questions, ...titles].some((q) => reply.text.includes(q))).toBe(true);
  });

  it('the same reading without the subject’s words stays « pas mon domaine », with guesses', async () => {
    const reply = await new TestConversation('test', reading(UNNAMED)).send(UNNAMED);
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.choices.length).toBeGreaterThan(0);
  });
});

describe('out of scope', () => {
  it('an employee’s sick leave is theirs: the payroll question is not answered with the person’s own IJ', async () => {
    const TEXT = 'mon employée est en arrêt de travail, est-ce que je dois la payer ?';
    const theirs = namingStaff(TEXT, {
      topIntent: 'indemnites_journalieres',
      score: 0.6,
      distress: { level: 'none', signals: [], need: 'help' },
    });
    const reply = await new TestConversation('test', theirs).send(TEXT);
    expect(reply.text).toContain(
      "Ce n'est pas mon domaine : je ne peux pas vous répondre sur l'embauche et la paie de salariés.",
    );
    const ij = knowledge.byIntent('indemnites_journalieres').map((e) => e.title);
    expect(ij.some((title) => reply.text.includes(title))).toBe(false);
  });

  it('taxes → an honest « ce n’est pas mon domaine », no invented contact, then what the bot knows', async () => {
    const reply = await new TestConversation().send('comment déclarer la TVA sur mes factures ?');
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.text).toContain('les impôts, la TVA et les taxes');
    expect(reply.text).not.toContain("Je n'ai pas compris");
    expect(reply.choices).toContain(AID_BUTTON);
  });

  it('a message the recogniser is sure is about none of its subjects → honest, with what it knows', async () => {
    const reply = await new TestConversation().send('qui a gagné le match de foot hier soir ?');
    expect(reply.text).toContain("Ce n'est pas mon domaine : je ne peux pas vous répondre sur ce sujet.");
    expect(reply.text).not.toContain('reformuler');
    expect(reply.choices.length).toBeGreaterThan(0);
  });

  it('a pension amount → the Assurance retraite site the sources give', async () => {
    const reply = await new TestConversation().send('combien je toucherai à la retraite ?');
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.text).toContain(knowledge.contact('site-assurance-retraite')!.url!);
  });

  it('out of scope with money trouble → the honest answer, HELP, then the aid journey', async () => {
    const reply = await new TestConversation().send(
      'la CAF me demande de rembourser un trop perçu de RSA, je ne peux plus payer mon loyer',
    );
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain('Quelle est votre situation ?');
  });

  it('out of scope with personal hardship only → the honest answer and HELP, no journey started', async () => {
    const reply = await new TestConversation().send(
      "je n'en peux plus, je suis épuisé, comment déclarer la TVA sur mes factures ?",
    );
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(AID_BUTTON);
    expect(reply.text).not.toContain('Quelle est votre situation ?');
  });

  it('about none of its subjects, with difficulty → the honest answer and HELP', async () => {
    const reply = await new TestConversation().send(
      "j'en ai marre, qui a gagné le match de foot hier soir ?",
    );
    expect(reply.text).toContain("Ce n'est pas mon domaine : je ne peux pas vous répondre sur ce sujet.");
    expect(reply.links).toContain(HELP_LINK);
    expect(reply.text).toContain(AID_BUTTON);
  });

  it('a domain word does not make a domain question out of scope (complémentaire santé solidaire)', async () => {
    const reply = await new TestConversation().send(
      "je n'ai pas de mutuelle et peu de revenus, ai-je droit à la complémentaire santé solidaire ?",
    );
    expect(reply.text).not.toContain("Ce n'est pas mon domaine");
    expect(reply.text).toMatch(/Complémentaire santé solidaire/i);
  });
});

describe('two needs in one message', () => {
  it('answers the main one, then offers the other; « oui » starts it', async () => {
    const conversation = new TestConversation();
    const reply = await conversation.send(
      "J'ai perdu ma carte vitale. Par ailleurs comment créer mon compte ameli ?",
    );
    // Whichever need the recogniser reads as the main one is answered; the other is offered after it.
    const offers = {
      carte_vitale: 'Vous avez aussi parlé de la carte Vitale : voulez-vous en parler ensuite ?',
      compte_ameli: 'Vous avez aussi parlé du compte ameli : voulez-vous en parler ensuite ?',
    };
    const ameliFirst = reply.text.includes(offers.carte_vitale);
    expect(reply.text).toContain(ameliFirst ? offers.carte_vitale : offers.compte_ameli);
    expect(reply.text).toMatch(ameliFirst ? /compte ameli/i : /carte Vitale/i);
    expect(reply.choices).toEqual([ameliFirst ? 'La carte Vitale' : 'Le compte ameli', 'Non merci']);
    const next = await conversation.send('oui');
    expect(next.text).toMatch(ameliFirst ? /carte Vitale/i : /compte ameli/i);
    expect(next.text).toContain('Cette réponse vous a-t-elle aidé ?');
  });
});

describe('slots read from a story', () => {
  const story =
    "Bonjour, je suis boulangère depuis 12 ans et avec la crise mon chiffre d'affaires a beaucoup baissé, je voudrais une aide";

  it('are confirmed in the same message, and « corriger » asks the question instead', async () => {
    const conversation = new TestConversation();
    const reply = await conversation.send(story);
    expect(reply.text).toContain("J'ai compris : Je suis en activité. Si ce n'est pas cela, dites-le-moi");
    const corrected = await conversation.send('corriger');
    expect(corrected.text).toContain("D'accord, je reprends la question.");
    expect(corrected.text).toContain('Quelle est votre situation ?');
  });

  it('a click is not a story: « aide financière » then the question, no confirmation', async () => {
    const reply = await new TestConversation().send(AID_BUTTON);
    expect(reply.text).not.toContain('Si ce n’est pas cela'.replace('’', "'"));
  });

  it('tense: a trade spoken of in the past is not « en activité »', async () => {
    const reply = await new TestConversation().send(
      "J'étais boulanger pendant trente ans, je suis à la retraite depuis 5 ans et je voudrais savoir quelles aides existent",
    );
    expect(reply.text).not.toContain("J'ai compris : Je suis en activité");
    // Retired for five years: « déjà à la retraite » (the Assurance retraite's aids, not the ADR).
    expect(reply.text).toContain("J'ai compris : Je suis déjà à la retraite");
  });
});

describe('a message in English', () => {
  it('is answered, in French and in English, that the bot only answers in French, with the advisers’ lines and the menu', async () => {
    const reply = await new TestConversation().send(
      'Hello, I am self-employed and I am sick, who pays me while I cannot work?',
    );
    expect(reply.text).toContain("Je ne réponds qu'en français");
    expect(reply.text).toContain('I can only answer in French');
    expect(reply.text).toContain('3646');
    expect(reply.text).toContain('3698');
    expect(reply.links).not.toContain(HELP_LINK);
    expect(reply.text).toContain('Demander une aide financière');
  });

  it('words of self-harm in English still get the suicide-prevention line first', async () => {
    const reply = await new TestConversation().send('I want to kill myself, I cannot pay anything anymore');
    expect(reply.text).toContain('3114');
    expect(reply.text).not.toContain("Je ne réponds qu'en français");
  });
});
