import {
  type BotState,
  ConversationState,
  type Storage,
  type StorageKeyFactory,
  type TurnContext,
  UserState,
} from 'botbuilder';
import { aboutToWrite, forgetWrite, jsonWithoutETag, takeReadJson } from './stateJson';

/**
 * Conversation and user state whose change detection costs one plain `JSON.stringify`.
 *
 * The SDK's `BotState` decides whether a turn changed its state by a SHA-256 of the state's JSON written by
 * botbuilder-stdlib's `stringify` — a replacer function called on every key, the slow path of `JSON.stringify` —
 * computed when the state is read, before saving and again after saving: about 6 % of a turn's CPU for a
 * conversation state of 1–2 KB (docs/performance.md). Here the change mark is that JSON itself (without the
 * `eTag`, as the SDK's), compared as a string: the same decision, at a fraction of the cost. Everything else — the
 * per-turn cache, `get`, `clear`, `delete`, property accessors — is the SDK's own: `load` and `saveChanges` do what
 * the SDK's do, on the same per-turn cache entry (`{ state, hash }` under the state's key).
 */
interface CachedState {
  state: Record<string, unknown>;
  hash: string;
}

/** The members of `BotState` the two methods use: `stateKey` is private in its typings, the others protected. */
interface StateInternals {
  stateKey: symbol;
  storage: Storage;
  storageKey: StorageKeyFactory;
}

/** The state's JSON without its eTag (the storage changes the eTag at every write). */
export const changeMark = jsonWithoutETag;

/** The mark of a state just read: the JSON its store parsed it from when the store says (bot/stateJson.ts). */
function markOfRead(state: Record<string, unknown>): string {
  return takeReadJson(state) ?? changeMark(state);
}

async function loadState(
  self: BotState,
  context: TurnContext,
  force: boolean,
): Promise<Record<string, unknown>> {
  const { stateKey, storage, storageKey } = self as unknown as StateInternals;
  const cached = context.turnState.get(stateKey) as CachedState | undefined;
  if (!force && cached?.state) return cached.state;
  const key = await storageKey.call(self, context);
  const items = await storage.read([key]);
  const state = (items[key] ?? {}) as Record<string, unknown>;
  context.turnState.set(stateKey, { state, hash: markOfRead(state) } satisfies CachedState);
  return state;
}

/**
 * `key`: the state's storage key, given at once (the SDK's `getStorageKey`), so that from the mark to the store's
 * write nothing else runs: the store keeps the JSON just compared (bot/stateJson.ts) instead of writing it again.
 */
async function saveState(
  self: BotState,
  context: TurnContext,
  force: boolean,
  key: (context: TurnContext) => string | undefined,
  noKey: string,
): Promise<void> {
  const { stateKey, storage } = self as unknown as StateInternals;
  let cached = context.turnState.get(stateKey) as CachedState | undefined;
  const mark = cached ? changeMark(cached.state) : undefined;
  if (!force && (!cached || cached.hash === mark)) return;
  const storageKey = key(context);
  if (!storageKey) throw new Error(noKey);
  cached ??= { state: {}, hash: '' };
  cached.state.eTag = '*';
  const json = mark ?? changeMark(cached.state);
  const { state } = cached;
  aboutToWrite(state, json);
  try {
    await storage.write({ [storageKey]: state });
  } finally {
    forgetWrite(state);
  }
  // The state as written (the SDK hashes it again after the write; a change made meanwhile is then not saved).
  cached.hash = json;
  context.turnState.set(stateKey, cached);
}

/**
 * Reads the state of several `BotState`s in one storage call per storage (with Redis, one round trip for the
 * conversation and the user instead of one each), into the per-turn cache their `load` reads. A state already
 * loaded this turn, or whose key the activity cannot give (no conversation id), is left to its own `load`.
 */
export async function loadTogether(context: TurnContext, states: readonly BotState[]): Promise<void> {
  const byStorage = new Map<Storage, { stateKey: symbol; key: string }[]>();
  for (const self of states) {
    const { stateKey, storage, storageKey } = self as unknown as StateInternals;
    if ((context.turnState.get(stateKey) as CachedState | undefined)?.state) continue;
    let key: string;
    try {
      key = await storageKey.call(self, context);
    } catch {
      continue;
    }
    const pending = byStorage.get(storage) ?? [];
    pending.push({ stateKey, key });
    byStorage.set(storage, pending);
  }
  for (const [storage, pending] of byStorage) {
    const items = await storage.read(pending.map((p) => p.key));
    for (const { stateKey, key } of pending) {
      const state = (items[key] ?? {}) as Record<string, unknown>;
      context.turnState.set(stateKey, { state, hash: markOfRead(state) } satisfies CachedState);
    }
  }
}

/** The SDK's messages when a state has no key (its `storageKey` rejects with them). */
const NO_CONVERSATION_KEY = 'ConversationState: overridden getStorageKey method did not return a key.';
const NO_USER_KEY = 'UserState: overridden getStorageKey method did not return a key.';

/** The SDK's `ConversationState`, with the change detection above. */
export class RelaisConversationState extends ConversationState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadState(this, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveState(this, context, force, (c) => this.getStorageKey(c), NO_CONVERSATION_KEY);
  }
}

/** The SDK's `UserState`, with the change detection above. */
export class RelaisUserState extends UserState {
  override load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    return loadState(this, context, force);
  }

  override saveChanges(context: TurnContext, force = false): Promise<void> {
    return saveState(this, context, force, (c) => this.getStorageKey(c), NO_USER_KEY);
  }
}
