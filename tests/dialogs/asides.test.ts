import { TestConversation } from './harness';

const ALD_QUESTION = 'Votre arrêt est-il dû à une affection de longue durée (ALD) ?';

async function atAldQuestion(): Promise<TestConversation> {
  const c = new TestConversation();
  await c.send('arrêt maladie');
  const reply = await c.send('oui');
  expect(reply.text).toContain(ALD_QUESTION);
  return c;
}

describe('a question typed at a journey’s question', () => {
  it.each(["c'est quoi une ALD ?", 'ça veut dire quoi affection longue durée ?'])(
    '« %s » at the ALD question is not « Oui »: the ALD is explained, then the question is asked again',
    async (question) => {
      const c = await atAldQuestion();
      const reply = await c.send(question);
      expect(reply.text).not.toContain(
        "Pas de délai de carence quand l'arrêt est dû à une affection de longue durée.",
      );
      expect(reply.text).toContain('Pour répondre à votre question :');
      expect(reply.text).toContain('Une ALD est une maladie grave');
      expect(reply.text).toContain(`Reprenons où nous en étions :\n${ALD_QUESTION}`);
      // The journey goes on where it was.
      const answer = await c.send('Non');
      expect(answer.text).toContain('délai de carence de 3 jours');
    },
  );

  it('an option’s own text is still an answer, and so are plain answers', async () => {
    const c = await atAldQuestion();
    const reply = await c.send('Oui, une ALD');
    expect(reply.text).toContain(
      "Pas de délai de carence quand l'arrêt est dû à une affection de longue durée.",
    );
  });

  it('« je voudrais une aide financière » typed in the invalidity journey opens the aid journey, not the AFI', async () => {
    const c = new TestConversation();
    await c.send('invalidité');
    const reply = await c.send('je voudrais une aide financière');
    expect(reply.text).toContain('Quelle est votre situation ?');
    expect(reply.text).not.toContain('Aide financière exceptionnelle aux invalides');
  });

  it('another need’s menu label (a HELP card button) is that need, not an option sharing its words', async () => {
    const c = new TestConversation();
    const asked = await c.send('invalidité');
    expect(asked.text).toContain('Que voulez-vous savoir ?');
    const reply = await c.send('Demander une aide financière');
    expect(reply.text).toContain('Quelle est votre situation ?');
    expect(reply.text).not.toContain('Aide financière exceptionnelle aux invalides');
  });
});

describe('an amount the sources do not give', () => {
  it('« l’ASI c’est combien ? » gets the ASI card and is told the documents give no amount', async () => {
    const reply = await new TestConversation().send("l'ASI c'est combien ?");
    expect(reply.text).toContain(
      "Mes documents ne donnent pas de montant pour « Allocation supplémentaire d'invalidité (ASI) »",
    );
    expect(reply.text).toContain('3646');
    expect(reply.text).not.toContain("Ce n'est pas mon domaine");
  });

  it('« c’est quoi l’ASI ? » gets the card without that warning, and « asi » alone is understood', async () => {
    const what = await new TestConversation().send("c'est quoi l'ASI ?");
    expect(what.text).toContain("Allocation supplémentaire d'invalidité (ASI)");
    expect(what.text).not.toContain('ne donnent pas de montant');
    const bare = await new TestConversation().send('asi');
    expect(bare.text).toContain("Allocation supplémentaire d'invalidité (ASI)");
  });
});

describe('a doubt at a question that has no « Je ne sais pas » option', () => {
  it('« je sais pas » gets the options again with a person to ask, not « pas compris »', async () => {
    const c = new TestConversation();
    await c.send('invalidité');
    const reply = await c.send('je sais pas');
    expect(reply.text).toContain("Pas de souci si vous n'êtes pas sûr.");
    expect(reply.text).not.toContain("Je n'ai pas bien compris");
    expect(reply.choices).toEqual([
      'Le montant de ma pension',
      'Mes ressources sont insuffisantes',
      'Reprendre une activité',
      'Un coup dur dans mon activité',
      'Faire ma demande de pension',
      'Parler à un conseiller',
    ]);
    const adviser = await c.send('Parler à un conseiller');
    expect(adviser.text).toContain('3646');
  });
});

describe('more questions typed at a journey’s question', () => {
  it('« le diabète c’est une ALD ? » is a question, not « Oui »', async () => {
    const c = await atAldQuestion();
    const reply = await c.send("le diabète c'est une ALD ?");
    expect(reply.text).not.toContain(
      "Pas de délai de carence quand l'arrêt est dû à une affection de longue durée.",
    );
    expect(reply.text).toContain(`Reprenons où nous en étions :\n${ALD_QUESTION}`);
  });

  it('« je sais pas si c’est une ald ? » is still the doubt option', async () => {
    const c = await atAldQuestion();
    const reply = await c.send("je sais pas si c'est une ald ?");
    expect(reply.text).toContain('Votre médecin');
  });

  it('« c’est quoi l’ACED ? » in the aid journey gets the ACED card, then the same question', async () => {
    const c = new TestConversation();
    await c.send('Demander une aide financière');
    const reply = await c.send("c'est quoi l'ACED ?");
    expect(reply.text).toContain('Aide aux cotisants en difficulté (ACED)');
    expect(reply.text).toContain('Reprenons où nous en étions :\nQuelle est votre situation ?');
  });

  it('a subject the sources do not cover, asked mid-journey, is said so, then the same question', async () => {
    const c = new TestConversation();
    await c.send('arrêt maladie');
    const reply = await c.send('je peux travailler pendant mon arrêt ?');
    expect(reply.text).toContain(
      'Mes documents ne disent rien de précis sur le fait de travailler pendant un arrêt',
    );
    expect(reply.text).toContain('Reprenons où nous en étions :\nÊtes-vous affilié depuis au moins 12 mois');
  });
});

describe('a question about the journey’s own subject', () => {
  it('« a qui j envoie mon arret ? » in the sick-leave journey gets its entries found by those words, then the question', async () => {
    const c = await atAldQuestion();
    const reply = await c.send('a qui j envoie mon arret ?');
    expect(reply.text).toContain('Envoyer son arrêt de travail sous 48 heures');
    expect(reply.text).toContain(`Reprenons où nous en étions :\n${ALD_QUESTION}`);
    expect(reply.text).not.toContain("Je n'ai pas bien compris");
  });

  it('« qui décide de la catégorie ? » in the invalidity journey gets the pension card, then the question', async () => {
    const c = new TestConversation();
    await c.send('invalidité');
    await c.send('montant');
    const reply = await c.send('qui décide de la catégorie ?');
    expect(reply.text).toContain('médecin conseil');
    expect(reply.text).toContain(
      "Reprenons où nous en étions :\nQuelle catégorie d'invalidité vous a été notifiée ?",
    );
  });
});
