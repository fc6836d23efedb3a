import { TestConversation } from './harness';

const DIFFICULTY = 'Quelle difficulté rencontrez-vous ?';
const ACED = 'Aide aux cotisants en difficulté (ACED)';

describe('a correction of an earlier answer typed at a later question', () => {
  it('replaces the answer it corrects and goes on from there (a closed business gets no aid for active workers)', async () => {
    const c = new TestConversation();
    await c.send('aide financiere');
    expect((await c.send('en activite')).text).toContain(DIFFICULTY);
    const reply = await c.send("non attendez je me suis trompé, j'ai fermé mon entreprise en janvier");
    expect(reply.text).toContain("C'est corrigé : Mon activité est terminée.");
    expect(reply.text).not.toContain(DIFFICULTY);
    expect(reply.text).not.toContain(ACED);
  });

  it('reads a retirement told as a correction', async () => {
    const c = new TestConversation();
    await c.send('aide financiere');
    await c.send('en activite');
    const reply = await c.send('ah non pardon, en fait je suis deja a la retraite');
    expect(reply.text).toContain("C'est corrigé : Je suis déjà à la retraite.");
    expect(reply.text).not.toContain(ACED);
  });

  it('goes back to the question before when the correction names nothing it can replace', async () => {
    const c = new TestConversation();
    await c.send('aide financiere');
    await c.send('en activite');
    const reply = await c.send("non pardon je me suis trompé, c'est pas ça");
    expect(reply.text).not.toContain("C'est corrigé");
    expect(reply.text).toContain('Quelle est votre situation ?');
    // The journey goes on from there.
    expect((await c.send('en activite')).text).toContain(DIFFICULTY);
    expect((await c.send('Payer mes cotisations Urssaf')).text).toContain(ACED);
  });

  it('reads « en fait » followed by what the person is as a correction, and still leaves for another subject', async () => {
    const c = new TestConversation();
    await c.send('aide financiere');
    await c.send('en activite');
    expect((await c.send('en fait je suis deja a la retraite')).text).toContain(
      "C'est corrigé : Je suis déjà à la retraite.",
    );
    const other = new TestConversation();
    await other.send('aide financiere');
    await other.send('en activite');
    const reply = await other.send('en fait je voulais parler de mon congé maternité');
    expect(reply.text).not.toContain("C'est corrigé");
    expect(reply.text).toContain("Je suis cheffe d'entreprise");
  });

  it('still takes an answer to the waiting question said with « en fait »', async () => {
    const c = new TestConversation();
    await c.send('aide financiere');
    await c.send('en activite');
    expect((await c.send('ah non, en fait ce sont mes cotisations')).text).toContain(ACED);
  });
});
