import { recall, rememberAnswers, rememberTold } from '../../dialogs/memory';
import { TestConversation } from './harness';

const PAMC_NOTE = 'ne concernent pas les praticiens et auxiliaires médicaux conventionnés';
const SITUATION_QUESTION = 'Quelle est votre situation ?';

describe('what the person told about themselves (memory.ts)', () => {
  it('keeps the facts of a message, a group the next message speaks of replacing the one remembered', () => {
    const nurse = rememberTold(undefined, {
      situation: 'pamc',
      statut: 'profession_liberale',
      montants: [1200],
    });
    expect(nurse).toEqual({ situation: 'pamc', statut: 'profession_liberale' });
    // Only difficulties: nothing about who the person is, the nurse is still remembered.
    expect(rememberTold(nurse, { difficultes: ['cotisations'] })).toBe(nurse);
    // « en fait je suis artisan »: the whole identity is the new one (no PamC situation left over).
    expect(rememberTold(nurse, { statut: 'artisan' })).toEqual({ statut: 'artisan' });
    // Months of affiliation are not a fact kept; an ALD is, beside the identity.
    expect(rememberTold(nurse, { affiliationMois: 24 })).toBe(nurse);
    expect(rememberTold(nurse, { ald: true })).toEqual({ ...nurse, ald: true });
    expect(rememberTold(undefined, {})).toBeUndefined();
  });

  it('keeps the situation chosen in a journey, and the status with it', () => {
    expect(
      rememberAnswers({ statut: 'profession_liberale' }, { situation: 'pamc', difficulte: 'aidant' }),
    ).toEqual({ statut: 'profession_liberale', situation: 'pamc' });
    expect(rememberAnswers({ activiteTerminee: true }, { situation: 'actif' })).toEqual({
      situation: 'actif',
    });
    // A slot that is not a situation code is not a fact about the person.
    const before = { statut: 'artisan' as const };
    expect(rememberAnswers(before, { statut_maternite: 'paternite' })).toBe(before);
  });

  it("completes a message's entities group by group, the message's own group winning", () => {
    const facts = { situation: 'pamc' as const, ald: true };
    expect(recall({ difficultes: ['cotisations'] }, facts, 'aide_financiere')).toEqual({
      entities: { difficultes: ['cotisations'], situation: 'pamc', ald: true },
      recalled: true,
    });
    expect(recall({ statut: 'artisan', ald: false }, facts, 'aide_financiere')).toEqual({
      entities: { statut: 'artisan', ald: false },
      recalled: false,
    });
    expect(recall({}, undefined, 'aide_financiere')).toEqual({ entities: {}, recalled: false });
  });

  it("does not take a status told earlier for the mother's unless she said she is pregnant", () => {
    const father = { statut: 'artisan' as const };
    expect(recall({}, father, 'maternite').entities).toEqual({});
    expect(recall({}, { ...father, enceinte: true }, 'maternite').entities).toEqual({
      statut: 'artisan',
      enceinte: true,
    });
    expect(recall({ enceinte: true }, father, 'maternite').entities).toEqual({
      enceinte: true,
      statut: 'artisan',
    });
    expect(recall({}, father, 'ij').entities).toEqual(father);
  });
});

describe('a conversation remembers who the person is, and reminds rather than assumes', () => {
  const hint = (answer: string) =>
    `D'après ce que vous avez écrit plus tôt, ce serait peut-être « ${answer} »`;
  const NURSE =
    'je suis infirmière libérale conventionnée, combien de jours de carence pour un arrêt maladie ?';

  it('a nurse under convention who asks later for help with her contributions is reminded of it, and gets the PamC answer', async () => {
    const c = new TestConversation();
    await c.send(NURSE);
    await c.send('menu');
    const reply = await c.send('une aide pour payer mes cotisations');
    expect(reply.text).toContain(hint('Professionnel de santé conventionné'));
    expect(reply.text).toContain(SITUATION_QUESTION);
    expect(reply.text).not.toContain(PAMC_NOTE);
    const answer = await c.send('Professionnel de santé conventionné');
    expect(answer.text).toContain(PAMC_NOTE);
  });

  it('without that first message, the same request is read as in activity, with no reminder', async () => {
    const reply = await new TestConversation().send('une aide pour payer mes cotisations');
    expect(reply.text).toContain("J'ai compris : Je suis en activité");
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it('a pregnant micro-entrepreneuse back from a detour is reminded of her status, not of a duration', async () => {
    const c = new TestConversation();
    const first = await c.send('je suis enceinte et micro-entrepreneuse depuis 3 ans');
    expect(first.text).toContain('Quelle naissance attendez-vous ?');
    await c.send('menu');
    const back = await c.send('Maternité, paternité, adoption');
    expect(back.text).toContain(hint("Je suis cheffe d'entreprise"));
    // Months of affiliation are not remembered: a duration in a story is too often something else's.
    const next = await c.send("Je suis cheffe d'entreprise");
    expect(next.text).toContain('Serez-vous affiliée depuis au moins 10 mois');
    expect(next.text).not.toContain('écrit plus tôt');
  });

  it('a duration told about something else is not recalled as affiliation', async () => {
    const c = new TestConversation();
    await c.send("je suis taxi, j'ai eu un accident il y a 3 mois");
    await c.send('menu');
    await c.send('arret maladie');
    const reply = await c.send('menu');
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it.each([
    'mon chéri est en ALD',
    "je m'occupe de ma grand-mère qui touche une pension d'invalidité",
    "je suis la fille d'un artisan retraité",
  ])('« %s » is about someone else: nothing is kept', async (text) => {
    const c = new TestConversation();
    await c.send(text);
    await c.send('menu');
    const sick = await c.send('arrêt maladie');
    await c.send('oui');
    expect(sick.text).not.toContain('écrit plus tôt');
    await c.send('menu');
    const aid = await c.send('Demander une aide financière');
    expect(aid.text).not.toContain('écrit plus tôt');
  });

  it("an artisan's status is not recalled for the mother's when he opens the maternity journey", async () => {
    const c = new TestConversation();
    await c.send('je suis artisan, combien de jours de carence pour un arrêt maladie ?');
    await c.send('menu');
    const reply = await c.send('Maternité, paternité, adoption');
    expect(reply.text).toContain(SITUATION_QUESTION);
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it('what is said of someone else is not kept as the person’s own', async () => {
    const c = new TestConversation();
    await c.send('mon mari est artisan depuis 3 ans et il est en arrêt maladie, il a droit aux IJ ?');
    await c.send('menu');
    const reply = await c.send('Maternité, paternité, adoption');
    expect(reply.text).not.toContain('écrit plus tôt');
    await c.send('menu');
    const aid = await c.send('Demander une aide financière');
    expect(aid.text).not.toContain('écrit plus tôt');
  });

  it('a later message that says otherwise wins: « en fait je suis artisan »', async () => {
    const c = new TestConversation();
    await c.send(NURSE);
    await c.send('menu');
    const reply = await c.send("en fait je suis artisan, j'ai besoin d'une aide pour payer mes cotisations");
    expect(reply.text).not.toContain(PAMC_NOTE);
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it('the situation the person chooses in a journey is remembered, not one filled from a message', async () => {
    const c = new TestConversation();
    await c.send('je suis artisan, combien de jours de carence pour un arrêt maladie ?');
    await c.send('menu');
    const asked = await c.send('Demander une aide financière');
    expect(asked.text).toContain(hint('Je suis en activité'));
    await c.send('Professionnel de santé conventionné');
    await c.send("J'aide un proche dépendant");
    await c.send('menu');
    const later = await c.send('une aide pour payer mes cotisations');
    expect(later.text).toContain(hint('Professionnel de santé conventionné'));
  });

  it('« recommencer » forgets who the person said they are', async () => {
    const c = new TestConversation();
    await c.send(NURSE);
    await c.send('recommencer');
    const reply = await c.send('une aide pour payer mes cotisations');
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it('in Teams, where advisers speak of one insured person after another, nothing is remembered', async () => {
    const c = new TestConversation('msteams');
    await c.send(NURSE);
    await c.send('menu');
    const reply = await c.send('une aide pour payer mes cotisations');
    expect(reply.text).not.toContain('écrit plus tôt');
  });

  it('in Teams, an adviser who only presents the insured person is told it is not kept, not « c’est noté »', async () => {
    const reply = await new TestConversation('msteams').send('mon assurée est coiffeuse depuis 3 ans');
    expect(reply.text).toContain("Dans Teams, je ne garde rien d'un message à l'autre");
    expect(reply.text).not.toContain("c'est noté");
    expect(reply.choices).toContain('Demander une aide financière');
  });
});

describe('a person who only says who they are', () => {
  it.each([
    'je suis artisan depuis 3 ans',
    "je suis retraitée, j'étais coiffeuse",
    'bonjour, je suis infirmière libérale',
  ])(
    '« %s » is noted and offered the menu, not « ce n’est pas mon domaine » or a guessed card',
    async (text) => {
      const reply = await new TestConversation().send(text);
      expect(reply.text).toContain("Merci, c'est noté. Que puis-je faire pour vous ?");
      expect(reply.choices).toContain('Demander une aide financière');
      expect(reply.text).not.toContain("Ce n'est pas mon domaine");
      expect(reply.text).not.toContain('Accident du travail');
    },
  );

  it.each(['je suis artisan, 58 ans, usé', 'je suis pas payée depuis 8 mois, je suis a mon compte'])(
    '« %s » says more than who the person is: not just « c’est noté »',
    async (text) => {
      const reply = await new TestConversation().send(text);
      expect(reply.text).not.toContain("Merci, c'est noté");
    },
  );

  it('a presentation with a need is that need: « je suis artisan et en arrêt maladie »', async () => {
    const reply = await new TestConversation().send('je suis artisan et en arrêt maladie');
    expect(reply.text).toContain('Êtes-vous affilié depuis au moins 12 mois');
  });

  it('the presentation is remembered: the nurse is reminded of it when she asks for an aid', async () => {
    const c = new TestConversation();
    await c.send('bonjour, je suis infirmière libérale conventionnée');
    const reply = await c.send('Demander une aide financière');
    expect(reply.text).toContain(
      "D'après ce que vous avez écrit plus tôt, ce serait peut-être « Professionnel de santé conventionné »",
    );
  });
});

describe('an ALD told earlier', () => {
  it('is recalled at the sick-leave journey’s ALD question', async () => {
    const c = new TestConversation();
    await c.send("je suis commercante et j'ai une affection longue duree depuis l'an dernier");
    await c.send("mon medecin va m'arreter, j'aurai des indemnités ?");
    const reply = await c.send('oui');
    expect(reply.text).toContain(
      "D'après ce que vous avez écrit plus tôt, ce serait peut-être « Oui, une ALD »",
    );
    expect(reply.text).toContain('Votre arrêt est-il dû à une affection de longue durée (ALD) ?');
  });

  it.each(["j'étais en ALD l'année dernière", "j'ai été en ALD en 2022"])(
    'is not recalled when it is over: « %s »',
    async (past) => {
      const c = new TestConversation();
      await c.send(past);
      await c.send('arrêt maladie');
      const reply = await c.send('oui');
      expect(reply.text).toContain('Votre arrêt est-il dû à une affection de longue durée (ALD) ?');
      expect(reply.text).not.toContain("D'après ce que vous avez écrit plus tôt");
    },
  );

  it('told at the ALD question, a past ALD chooses nothing and keeps the journey', async () => {
    const c = new TestConversation();
    await c.sendAll('arrêt maladie', 'oui');
    const reply = await c.send("j'étais en ALD l'année dernière");
    expect(reply.text).toContain('Votre arrêt est-il dû à une affection de longue durée (ALD) ?');
    expect(reply.text).not.toContain('Pas de délai de carence');
    expect(reply.text).not.toContain('Cette réponse vous a-t-elle aidé ?');
    expect((await c.send('non')).text).toContain('délai de carence : 3 jours');
  });
});
