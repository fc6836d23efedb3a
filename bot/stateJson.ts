/**
 * A state's JSON, written once per turn where it used to be written three times.
 *
 * The state classes (bot/state.ts) keep a state's JSON without its eTag as its change mark; the in-process store
 * (bot/boundedMemoryStorage.ts) keeps an item as the same JSON. So each side hands the other the JSON it already
 * has, instead of serialising the same object again: the store the JSON it just parsed an item from (the state's
 * mark when it is loaded), the state the JSON it just compared (what the store keeps when it is saved). A JSON
 * handed over is taken once, by the code holding the object, before anything else can change the object: the
 * item freshly parsed, which only its reader holds; the state, given in the same synchronous run as the store's
 * write that takes it. Any other store ignores what it is handed; any other reader finds nothing and serialises.
 */

/** The JSON of an item without its `eTag` (the store changes the eTag at every write): a state's change mark. */
export function jsonWithoutETag(item: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { eTag, ...rest } = item;
  return JSON.stringify(rest);
}

const read = new WeakMap<object, string>();
const toWrite = new WeakMap<object, string>();

/** The store: `item` was just parsed from `json` (its eTag added after). */
export function readFrom(item: object, json: string): void {
  read.set(item, json);
}

/** The state: the JSON `item` was read from, if its store said so (once). */
export function takeReadJson(item: object): string | undefined {
  const json = read.get(item);
  if (json !== undefined) read.delete(item);
  return json;
}

/** The state, right before the store's write: `item`'s JSON without its eTag is `json`. */
export function aboutToWrite(item: object, json: string): void {
  toWrite.set(item, json);
}

/** The store, writing `item`: its JSON without the eTag, handed over or made here. */
export function takeWriteJson(item: Record<string, unknown>): string {
  const json = toWrite.get(item);
  if (json === undefined) return jsonWithoutETag(item);
  toWrite.delete(item);
  return json;
}

/** The state, after the store's write: what was handed over and not taken is dropped (another store). */
export function forgetWrite(item: object): void {
  toWrite.delete(item);
}
