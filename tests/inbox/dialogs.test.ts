import { hesitantRecognizer, TestConversation } from '../dialogs/harness';

/** What the dialogs put in the misunderstood inbox (through the MisunderstoodSink port). */
describe('misunderstood inbox: what the dialogs report', () => {
  it('keeps a message that was not understood, with the best guesses', async () => {
    const conversation = new TestConversation();
    await conversation.send('blorp zazou frimousse');
    expect(conversation.inbox).toHaveLength(1);
    const [event] = conversation.inbox;
    expect(event).toMatchObject({ text: 'blorp zazou frimousse', reason: 'not_understood', locale: 'fr-FR' });
    expect(event.guesses.length).toBeGreaterThan(0);
    expect(event.guesses.every((g) => g.intent !== 'None')).toBe(true);
  });

  it('keeps a story answered with guesses as buttons, once, and not the guess then chosen', async () => {
    const conversation = new TestConversation();
    const story =
      "Mon voisin m'a dit de venir vous voir parce qu'il a eu un souci l'an dernier avec son dossier et que ça s'est bien arrangé";
    const reply = await conversation.send(story);
    expect(reply.choices).toContain('Parler à un conseiller');
    expect(conversation.inbox.map((e) => [e.text, e.reason])).toEqual([[story, 'not_understood']]);
    await conversation.send(reply.choices.find((c) => c !== 'Parler à un conseiller') ?? '');
    expect(conversation.inbox).toHaveLength(1);
  });

  it('keeps nothing for a question recognised as outside the domain and answered so (« la TVA »)', async () => {
    const conversation = new TestConversation();
    const reply = await conversation.send('comment déclarer la TVA sur mes factures ?');
    expect(reply.text).toContain("Ce n'est pas mon domaine");
    expect(conversation.inbox).toEqual([]);
  });

  it('keeps nothing for a message that was understood and answered', async () => {
    const conversation = new TestConversation();
    await conversation.send("j'ai perdu ma carte vitale");
    await conversation.send('oui');
    expect(conversation.inbox).toEqual([]);
  });

  it('keeps the message that started an answer the person said did not help', async () => {
    const conversation = new TestConversation();
    await conversation.send("j'ai perdu ma carte vitale");
    await conversation.send('non');
    expect(conversation.inbox).toHaveLength(1);
    expect(conversation.inbox[0]).toMatchObject({
      text: "j'ai perdu ma carte vitale",
      reason: 'not_helpful',
      answeredIntent: 'carte_vitale',
    });
  });

  it('keeps a message that needed "Vous voulez parler de A ou de B ?"', async () => {
    const hesitant = hesitantRecognizer('une question sur ma situation', 'maternite', 'adoption');
    const conversation = new TestConversation('test', hesitant);
    await conversation.send('une question sur ma situation');
    expect(conversation.inbox.map((e) => [e.text, e.reason])).toEqual([
      ['une question sur ma situation', 'ambiguous'],
    ]);
    // Answered after the choice, then "non": the inbox gets the original question again, not the button label.
    await conversation.send("L'adoption");
    await conversation.send('non');
    expect(conversation.inbox.map((e) => [e.text, e.reason, e.answeredIntent])).toEqual([
      ['une question sur ma situation', 'ambiguous', undefined],
      ['une question sur ma situation', 'not_helpful', 'adoption'],
    ]);
  });
});
