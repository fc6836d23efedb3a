import { TestConversation } from './harness';

/** The ADR card's title (knowledge/aides.yaml `adr`). */
const ADR = 'Accompagnement au départ à la retraite (ADR)';

describe('a coming retirement reaches the ADR, not the sick-leave journey nor « pas mon domaine »', () => {
  it.each(["je vais bientôt arrêter, j'ai 61 ans", 'je pars à la retraite dans 6 mois, je suis menuisier'])(
    '« %s » → the ADR and its conditions',
    async (text) => {
      const reply = await new TestConversation().send(text);
      expect(reply.text).toContain(ADR);
      expect(reply.text).toContain('Être artisan ou commerçant et partir à la retraite');
      expect(reply.text).toContain('17 000 € pour une personne isolée');
      expect(reply.text).not.toContain('Êtes-vous affilié depuis au moins 12 mois');
      expect(reply.text).not.toContain("Ce n'est pas mon domaine");
    },
  );

  it('a question about the pension itself is still named as outside the domain, then the ADR', async () => {
    const reply = await new TestConversation().send(
      'je pars à la retraite dans 6 mois, combien je vais toucher ?',
    );
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.text).toContain('lassuranceretraite.fr');
    expect(reply.text).toContain(ADR);
  });

  it('a question about the age of retirement is outside the domain, without the ADR as the situation answer', async () => {
    const reply = await new TestConversation().send(
      "a quel age je peux partir a la retraite en tant qu'artisan",
    );
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(reply.text).toContain('lassuranceretraite.fr');
    expect(reply.text).not.toContain(ADR);
    expect(reply.text).not.toContain("J'ai compris");
  });

  it.each(["je dois m'arrêter, mon médecin m'a prescrit 15 jours", 'arrêt maladie'])(
    'a true sick leave keeps its journey: « %s »',
    async (text) => {
      const reply = await new TestConversation().send(text);
      expect(reply.text).toContain('Êtes-vous affilié depuis au moins 12 mois');
      expect(reply.text).not.toContain(ADR);
    },
  );
});
