import { recall, rememberAnswers, rememberTold } from '../../dialogs/memory';
import { TestConversation } from './harness';

const EARLIER = "D'après ce que vous m'avez dit";
const PAMC_NOTE = 'ne concernent pas les praticiens et auxiliaires médicaux conventionnés';
const SITUATION_QUESTION = 'Quelle est votre situation ?';

describe('what the person told about themselves (memory.ts)', () => {
  it('keeps the facts of a message, a group the next message speaks of replacing the one remembered', () => {
    const nurse = rememberTold(undefined, { situation: 'pamc', statut: 'profession_liberale', ald: true });
    expect(nurse).toEqual({ situation: 'pamc', statut: 'profession_liberale' });
    // Only difficulties: nothing about who the person is, the nurse is still remembered.
    expect(rememberTold(nurse, { difficultes: ['cotisations'] })).toBe(nurse);
    // « en fait je suis artisan »: the whole identity is the new one (no PamC situation left over).
    expect(rememberTold(nurse, { statut: 'artisan' })).toEqual({ statut: 'artisan' });
    expect(rememberTold(nurse, { affiliationMois: 24 })).toEqual({ ...nurse, affiliationMois: 24 });
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
    const facts = { situation: 'pamc' as const, affiliationMois: 36 };
    expect(recall({ difficultes: ['cotisations'] }, facts, 'aide_financiere')).toEqual({
      entities: { difficultes: ['cotisations'], situation: 'pamc', affiliationMois: 36 },
      recalled: true,
    });
    expect(recall({ statut: 'artisan', affiliationMois: 5 }, facts, 'aide_financiere')).toEqual({
      entities: { statut: 'artisan', affiliationMois: 5 },
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

describe('a conversation remembers who the person is', () => {
  it('a nurse under convention who asks later for help with her contributions gets the PamC answer, not the CPSTI aids', async () => {
    const c = new TestConversation();
    await c.send(
      'je suis infirmière libérale conventionnée, combien de jours de carence pour un arrêt maladie ?',
    );
    await c.send('menu');
    const reply = await c.send('une aide pour payer mes cotisations');
    expect(reply.text).toContain(`${EARLIER} : Professionnel de santé conventionné`);
    expect(reply.text).toContain(PAMC_NOTE);
    expect(reply.text).not.toContain(SITUATION_QUESTION);
  });

  it('without that first message, the same request asks the situation', async () => {
    const reply = await new TestConversation().send('une aide pour payer mes cotisations');
    expect(reply.text).not.toContain(EARLIER);
    expect(reply.text).not.toContain(PAMC_NOTE);
  });

  it('a pregnant micro-entrepreneuse back from a detour is not asked her status again', async () => {
    const c = new TestConversation();
    const first = await c.send('je suis enceinte et micro-entrepreneuse depuis 3 ans');
    expect(first.text).toContain('Quelle naissance attendez-vous ?');
    await c.send('menu');
    const back = await c.send('Maternité, paternité, adoption');
    expect(back.text).toContain(`${EARLIER} : Je suis cheffe d'entreprise › Oui, 10 mois ou plus`);
    expect(back.text).toContain('Quelle naissance attendez-vous ?');
  });

  it("an artisan's status is not taken for the mother's when he opens the maternity journey", async () => {
    const c = new TestConversation();
    await c.send('je suis artisan, combien de jours de carence pour un arrêt maladie ?');
    await c.send('menu');
    const reply = await c.send('Maternité, paternité, adoption');
    expect(reply.text).not.toContain(EARLIER);
    expect(reply.text).toContain(SITUATION_QUESTION);
  });

  it('a later message that says otherwise wins: « en fait je suis artisan »', async () => {
    const c = new TestConversation();
    await c.send(
      'je suis infirmière libérale conventionnée, combien de jours de carence pour un arrêt maladie ?',
    );
    await c.send('menu');
    const reply = await c.send("en fait je suis artisan, j'ai besoin d'une aide pour payer mes cotisations");
    expect(reply.text).not.toContain(PAMC_NOTE);
    expect(reply.text).not.toContain(EARLIER);
  });

  it('« corriger » forgets what was remembered, and the situation chosen instead is remembered', async () => {
    const c = new TestConversation();
    await c.send('je suis artisan, combien de jours de carence pour un arrêt maladie ?');
    await c.send('menu');
    const recalled = await c.send('Demander une aide financière');
    expect(recalled.text).toContain(`${EARLIER} : Je suis en activité`);
    const corrected = await c.send('corriger');
    expect(corrected.text).toContain(SITUATION_QUESTION);
    await c.send('Professionnel de santé conventionné');
    await c.send('menu');
    const later = await c.send('une aide pour payer mes cotisations');
    expect(later.text).toContain(`${EARLIER} : Professionnel de santé conventionné`);
    expect(later.text).toContain(PAMC_NOTE);
  });

  it('« recommencer » forgets who the person said they are', async () => {
    const c = new TestConversation();
    await c.send(
      'je suis infirmière libérale conventionnée, combien de jours de carence pour un arrêt maladie ?',
    );
    await c.send('recommencer');
    const reply = await c.send('une aide pour payer mes cotisations');
    expect(reply.text).not.toContain(EARLIER);
    expect(reply.text).not.toContain(PAMC_NOTE);
  });
});
