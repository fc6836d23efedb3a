/**
 * bot/state.ts: conversation and user state that decide whether to save by comparing the state's JSON (the SDK
 * hashes it): a turn that changes nothing writes nothing, any change at any depth is written, and `clear`,
 * `delete` and `force` behave as the SDK's.
 */
import {
  type BotState,
  ConversationState,
  type Storage,
  type StoreItems,
  TestAdapter,
  TurnContext,
  UserState,
} from 'botbuilder';
import { BoundedMemoryStorage } from '../../bot/boundedMemoryStorage';
import { loadTogether, RelaisConversationState, RelaisUserState } from '../../bot/state';

/** A storage that remembers what was read and written. */
class RecordingStorage implements Storage {
  readonly inner = new BoundedMemoryStorage({ maxEntries: 100, idleSeconds: 0 });
  readonly reads: string[][] = [];
  readonly writes: StoreItems[] = [];
  read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys);
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

const adapter = new TestAdapter();
const turn = () =>
  new TurnContext(adapter, {
    type: 'message',
    text: 'x',
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, conversationType: '', name: '' },
    from: { id: 'u1', name: '' },
    recipient: { id: 'bot', name: '' },
  });

/** Runs the same turns on a state class and returns what its storage saw. */
async function scenario(make: (storage: Storage) => BotState): Promise<StoreItems[]> {
  const storage = new RecordingStorage();
  const state = make(storage);
  const run = async (change: (s: Record<string, unknown>) => void, force = false) => {
    const context = turn();
    change((await state.load(context)) as Record<string, unknown>);
    await state.saveChanges(context, force);
  };
  await run(() => undefined); // nothing read, nothing changed
  await run((s) => (s.profile = { statut: 'artisan', list: [1, 2] })); // new value
  await run(() => undefined); // read, unchanged
  await run((s) => ((s.profile as { list: number[] }).list[1] = 3)); // nested change
  await run((s) => (s.eTag = 'other')); // the eTag alone is not a change
  await run(() => undefined, true); // forced
  const context = turn();
  await state.load(context);
  await state.clear(context);
  await state.saveChanges(context);
  await run((s) => (s.after = true));
  await state.delete(turn());
  await run(() => undefined);
  return storage.writes;
}

describe('conversation and user state', () => {
  it('save exactly when the SDK state classes would, with the same contents', async () => {
    const ours = await scenario((s) => new RelaisConversationState(s));
    expect(ours).toEqual(await scenario((s) => new ConversationState(s)));
    expect(await scenario((s) => new RelaisUserState(s))).toEqual(await scenario((s) => new UserState(s)));
    // Written: the new value, the nested change, the forced save, the cleared state, the value after it.
    expect(ours.map((w) => Object.values(w)[0])).toEqual([
      { profile: { statut: 'artisan', list: [1, 2] }, eTag: '*' },
      { profile: { statut: 'artisan', list: [1, 3] }, eTag: '*' },
      { profile: { statut: 'artisan', list: [1, 3] }, eTag: '*' },
      { eTag: '*' },
      { after: true, eTag: '*' },
    ]);
  });

  it('keep one copy of the state per turn, shared with the property accessors', async () => {
    const storage = new RecordingStorage();
    const state = new RelaisConversationState(storage);
    const counter = state.createProperty<number>('counter');
    const context = turn();
    await counter.set(context, 1);
    expect(state.get(context)).toEqual({ counter: 1 });
    await state.saveChanges(context);
    const next = turn();
    expect(await counter.get(next)).toBe(1);
    await state.saveChanges(next);
    expect(storage.writes).toHaveLength(1);
  });
});

describe('loading the conversation and user state together', () => {
  it('reads both in one storage call, then each state answers from it', async () => {
    const storage = new RecordingStorage();
    await storage.write({
      'test/conversations/c1/': { counter: 3 },
      'test/users/u1/': { profile: { prenom: 'Camille' } },
    });
    const conversation = new RelaisConversationState(storage);
    const user = new RelaisUserState(storage);
    const context = turn();
    await loadTogether(context, [conversation, user]);
    expect(storage.reads).toEqual([['test/conversations/c1/', 'test/users/u1/']]);
    expect(await conversation.createProperty<number>('counter').get(context)).toBe(3);
    expect(await user.createProperty('profile').get(context)).toEqual({ prenom: 'Camille' });
    expect(storage.reads).toHaveLength(1);
    // Unchanged: nothing written; changed: written as usual.
    await user.saveChanges(context);
    await conversation.createProperty<number>('counter').set(context, 4);
    await conversation.saveChanges(context);
    expect(storage.writes.slice(1).map((w) => Object.keys(w))).toEqual([['test/conversations/c1/']]);
  });

  it('leaves out a state whose key the activity cannot give', async () => {
    const storage = new RecordingStorage();
    const context = new TurnContext(adapter, {
      type: 'event',
      channelId: 'test',
      from: { id: 'u1', name: '' },
      recipient: { id: 'bot', name: '' },
    });
    await loadTogether(context, [new RelaisConversationState(storage), new RelaisUserState(storage)]);
    expect(storage.reads).toEqual([['test/users/u1/']]);
  });
});

describe('the state and the in-process store share its JSON (bot/stateJson.ts)', () => {
  it('keeps exactly the state as saved, turn after turn, nested changes included', async () => {
    const storage = new BoundedMemoryStorage({ maxEntries: 100, idleSeconds: 0 });
    const state = new RelaisConversationState(storage);
    const key = 'test/conversations/c1/';
    const steps: ((s: Record<string, unknown>) => void)[] = [
      (s) => (s.profile = { statut: 'artisan', list: [1, 2], nom: 'Éloïse « x »' }),
      () => undefined,
      (s) => ((s.profile as { list: number[] }).list[1] = 3),
      (s) => delete (s.profile as { nom?: string }).nom,
      (s) => (s.eTag = 'ignored'),
    ];
    const expected = [
      { profile: { statut: 'artisan', list: [1, 2], nom: 'Éloïse « x »' } },
      { profile: { statut: 'artisan', list: [1, 2], nom: 'Éloïse « x »' } },
      { profile: { statut: 'artisan', list: [1, 3], nom: 'Éloïse « x »' } },
      { profile: { statut: 'artisan', list: [1, 3] } },
      { profile: { statut: 'artisan', list: [1, 3] } },
    ];
    const eTags: unknown[] = [];
    for (const [i, step] of steps.entries()) {
      const context = turn();
      step((await state.load(context)) as Record<string, unknown>);
      await state.saveChanges(context);
      const stored = (await storage.read([key]))[key] as Record<string, unknown>;
      const { eTag, ...rest } = stored;
      expect(rest).toEqual(expected[i]);
      eTags.push(eTag);
    }
    // Written at the steps that changed something (1, 3, 4), never at the others.
    expect(new Set(eTags).size).toBe(3);
    expect(eTags[1]).toBe(eTags[0]);
    expect(eTags[4]).toBe(eTags[3]);
  });

  it('writes an item read from it then changed elsewhere as it is now: the JSON it was read from is never kept', async () => {
    const storage = new BoundedMemoryStorage({ maxEntries: 100, idleSeconds: 0 });
    await storage.write({ k: { v: 1 } });
    const item = (await storage.read(['k'])).k as Record<string, unknown>;
    // Read, changed, written back without any state class: the store writes the item as it is now.
    item.v = 2;
    await storage.write({ k: item });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
  });
});
