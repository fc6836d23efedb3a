import { TestConversation } from './harness';

const QUESTION =
  "« Arrêt » : voulez-vous arrêter ce parcours, ou parlez-vous d'un arrêt de travail pour maladie ?";
const AFFILIATION_12 = 'Êtes-vous affilié depuis au moins 12 mois dans cette activité ?';

describe('« arrêt » alone at a journey’s question: stop, or a sick leave? (both readings offered)', () => {
  it.each(['je voudrais demander une aide financière', 'je suis enceinte'])(
    'in the journey opened by « %s », « arrêt » asks instead of cancelling',
    async (opening) => {
      const c = new TestConversation();
      await c.send(opening);
      const reply = await c.send('arrêt');
      expect(reply.text).toContain(QUESTION);
      expect(reply.choices).toEqual(['Arrêter ce parcours', 'Un arrêt de travail (maladie)']);
      expect(reply.text).not.toContain("C'est annulé.");
    },
  );

  it('« Arrêter ce parcours » (or « 1 ») cancels the journey', async () => {
    for (const answer of ['Arrêter ce parcours', '1']) {
      const c = new TestConversation();
      await c.sendAll('je voudrais demander une aide financière', 'arret');
      expect((await c.send(answer)).text).toContain("C'est annulé.");
      expect(c.outcomes).toContain('journey:aide_financiere:abandoned');
    }
  });

  it('« Un arrêt de travail (maladie) » (or « 2 ») opens the sick-leave journey', async () => {
    for (const answer of ['Un arrêt de travail (maladie)', '2']) {
      const c = new TestConversation();
      await c.sendAll('je suis enceinte', 'arrêt');
      const reply = await c.send(answer);
      expect(reply.text).toContain(AFFILIATION_12);
      expect(reply.text).not.toContain("C'est annulé.");
    }
  });

  it('an answer to the journey’s own question is still taken after the two readings were offered', async () => {
    const c = new TestConversation();
    await c.sendAll('je suis enceinte', 'arrêt');
    const reply = await c.send("Je suis cheffe d'entreprise");
    expect(reply.text).toContain(
      "Serez-vous affiliée depuis au moins 10 mois à la date prévue de l'accouchement ?",
    );
  });

  it.each(['annuler', 'stop', 'arrête'])('« %s » still cancels at once', async (word) => {
    const c = new TestConversation();
    await c.send('je voudrais demander une aide financière');
    const reply = await c.send(word);
    expect(reply.text).toContain("C'est annulé.");
    expect(reply.text).not.toContain(QUESTION);
  });

  it('in the sick-leave journey, « arrêt » can only mean stop: it cancels', async () => {
    const c = new TestConversation();
    await c.send('arrêt maladie');
    const reply = await c.send('arrêt');
    expect(reply.text).toContain("C'est annulé.");
    expect(reply.text).not.toContain(QUESTION);
  });
});
