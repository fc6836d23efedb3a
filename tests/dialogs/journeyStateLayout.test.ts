/**
 * A journey is a waterfall in the main dialog's set (dialogs/journeys/treeJourneyDialog.ts). A conversation saved
 * while journeys were components around their loop (`{ dialogs: { dialogStack: [loop, choiceStep] } }`) must not
 * be stuck after an upgrade: the journey starts again where it was and asks its pending question again.
 */
import { MemoryStorage } from 'botbuilder';
import { TestConversation } from './harness';

interface StackEntry {
  id: string;
  state: Record<string, unknown>;
}

/** MemoryStorage keeps each item as JSON under its key (`memory`, protected in its typings). */
function items(storage: MemoryStorage): Record<string, string> {
  return (storage as unknown as { memory: Record<string, string> }).memory;
}

function mainStack(state: { dialogState: { dialogStack: StackEntry[] } }): StackEntry[] {
  return (state.dialogState.dialogStack[0].state.dialogs as { dialogStack: StackEntry[] }).dialogStack;
}

/** A conversation waiting on the maternité journey's first question, its state rewritten in the former layout. */
async function savedInFormerLayout() {
  const storage = new MemoryStorage();
  const conversation = new TestConversation('test', undefined, undefined, storage);
  const asked = await conversation.send('je suis enceinte, quels sont mes droits ?');
  expect(asked.choices.length).toBeGreaterThan(1);
  const key = Object.keys(items(storage)).find((k) => k.includes('/conversations/'))!;
  const saved = JSON.parse(items(storage)[key]) as { dialogState: { dialogStack: StackEntry[] } };
  const stack = mainStack(saved);
  const journeyAt = stack.findIndex((entry) => entry.id.endsWith('Dialog'));
  expect(stack.slice(journeyAt).map((entry) => entry.id)).toEqual([stack[journeyAt].id, 'choiceStep']);
  // The former layout: the journey a component holding its loop (the waterfall's own state) and its question.
  const [journey, question] = stack.splice(journeyAt, 2);
  stack.push({
    id: journey.id,
    state: { dialogs: { dialogStack: [{ id: `${journey.id}.loop`, state: journey.state }, question] } },
  });
  items(storage)[key] = JSON.stringify(saved);
  return { conversation, asked };
}

describe('a conversation saved mid-journey in the former layout', () => {
  it('asks the pending question again, then goes on', async () => {
    const { conversation, asked } = await savedInFormerLayout();
    const again = await conversation.send(asked.choices[0]);
    expect(again.choices).toEqual(asked.choices);
    const next = await conversation.send(asked.choices[0]);
    expect(next.choices).not.toEqual(asked.choices);
    expect(next.text).not.toBe('');
  });

  it('can be left for the menu (the journey is cancelled)', async () => {
    const { conversation, asked } = await savedInFormerLayout();
    const menu = await conversation.send('menu');
    expect(menu.choices).not.toEqual(asked.choices);
    expect(menu.choices.length).toBeGreaterThan(1);
  });
});

describe('a question waiting for « Oui » or « Non »', () => {
  it('keeps the locale key of its synonyms in the stored state, not the lists, and still understands them', async () => {
    const storage = new MemoryStorage();
    const conversation = new TestConversation('test', undefined, undefined, storage);
    const answer = await conversation.send(
      'je voudrais demander une aide financière, mon camion est en panne',
    );
    expect(answer.text).toContain('Cette réponse vous a-t-elle aidé ?');
    const key = Object.keys(items(storage)).find((k) => k.includes('/conversations/'))!;
    const stored = items(storage)[key];
    expect(stored).toContain('"synonymsOf":"prompts.yesSynonyms"');
    expect(stored).not.toContain('ouaip');
    const thanks = await conversation.send('ouaip');
    expect(thanks.text).toContain('Merci pour votre retour');
    expect(conversation.feedback).toEqual([{ intent: 'aide_financiere', helpful: true }]);
  });

  it('still understands a state saved with the synonym lists inline', async () => {
    const storage = new MemoryStorage();
    const conversation = new TestConversation('test', undefined, undefined, storage);
    await conversation.send('je voudrais demander une aide financière, mon camion est en panne');
    const key = Object.keys(items(storage)).find((k) => k.includes('/conversations/'))!;
    const saved = items(storage)[key];
    const inline = saved
      .replace('"synonymsOf":"prompts.yesSynonyms"', '"synonyms":["ouaip"]')
      .replace('"synonymsOf":"prompts.noSynonyms"', '"synonyms":["nan"]');
    expect(inline).not.toContain('synonymsOf');
    items(storage)[key] = inline;
    const thanks = await conversation.send('nan');
    expect(thanks.text).not.toContain('Merci pour votre retour');
    expect(conversation.feedback).toEqual([{ intent: 'aide_financiere', helpful: false }]);
  });
});
