/**
 * The JSON of the replies `POST /api/messages` answers with (`deliveryMode: "expectReplies"`: `{ activities }`),
 * as UTF-8 bytes, exactly those of `JSON.stringify(body)`.
 *
 * Most of an answer's bytes are its cards, and the cards are built once and frozen (dialogs/answers.ts): the same
 * objects at every turn that shows them. A value that is frozen all the way down and holds only plain data
 * (objects, arrays, strings, numbers, booleans, null) can never serialise differently, so its JSON is written once
 * for the process and kept with it (a `WeakMap`: it goes when the card goes); a first message's reply then
 * formats ≈ 1.5 KB per turn instead of ≈ 9 KB, and sends the cards' bytes as they are (bench/notes.md, fifth pass).
 * Everything else — the activities themselves, any attachment not frozen — is `JSON.stringify`'d at every turn.
 */

type Chunk = string | Buffer;

/** The JSON of each frozen plain value met as an attachment, or `false` once known not to be one. */
const frozenJson = new WeakMap<object, Buffer | false>();

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Frozen down to its leaves, and plain data only (no `toJSON`, function, symbol, bigint, `undefined`, cycle). */
function isFrozenData(value: unknown, depth = 0): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (depth > 64 || !Object.isFrozen(value)) return false;
  if (Array.isArray(value)) return value.every((inner) => isFrozenData(inner, depth + 1));
  if (!isPlainObject(value)) return false;
  // Own enumerable string keys only: what JSON.stringify reads; a getter is read like any value (and a frozen
  // object's getter could still answer differently, so an accessor rules the value out).
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) return false;
    if (!isFrozenData(descriptor.value, depth + 1)) return false;
  }
  return true;
}

/** The bytes of a frozen plain attachment, written the first time it is met; undefined for any other value. */
function cachedJson(value: unknown): Buffer | undefined {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return undefined;
  let bytes = frozenJson.get(value);
  if (bytes === undefined) {
    bytes = isFrozenData(value) ? Buffer.from(JSON.stringify(value), 'utf8') : false;
    frozenJson.set(value, bytes);
  }
  return bytes || undefined;
}

/** True when `JSON.stringify` would call a `toJSON` of this value itself (it then passes its key). */
function hasOwnSerializer(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function' &&
    !(value instanceof Date)
  );
}

/**
 * Writes `value` (an array member) the way `JSON.stringify` writes it inside an array; false when it cannot be
 * written here exactly (the caller then stringifies the whole body).
 */
function writeAttachment(value: unknown, out: Chunk[]): boolean {
  const cached = cachedJson(value);
  if (cached) {
    out.push(cached);
    return true;
  }
  if (hasOwnSerializer(value)) return false;
  out.push(JSON.stringify(value) ?? 'null');
  return true;
}

/** An activity, with its `attachments` array written member by member; false as above. */
function writeActivity(activity: unknown, out: Chunk[]): boolean {
  if (hasOwnSerializer(activity)) return false;
  if (typeof activity !== 'object' || activity === null || !isPlainObject(activity)) {
    out.push(JSON.stringify(activity) ?? 'null');
    return true;
  }
  const attachments = activity.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0) {
    out.push(JSON.stringify(activity));
    return true;
  }
  let first = true;
  out.push('{');
  for (const key of Object.keys(activity)) {
    const value = activity[key];
    if (key === 'attachments' && value === attachments) {
      out.push(`${first ? '' : ','}${JSON.stringify(key)}:[`);
      for (let i = 0; i < attachments.length; i++) {
        if (i > 0) out.push(',');
        if (!writeAttachment(attachments[i], out)) return false;
      }
      out.push(']');
      first = false;
      continue;
    }
    if (hasOwnSerializer(value)) return false;
    const member = JSON.stringify(value);
    if (member === undefined) continue; // undefined, a function or a symbol: left out, as JSON.stringify does
    out.push(`${first ? '' : ','}${JSON.stringify(key)}:${member}`);
    first = false;
  }
  out.push('}');
  return true;
}

/** A body made of an `activities` array only (the SDK's `ExpectedReplies`). */
function isExpectedReplies(body: unknown): body is { activities: unknown[] } {
  if (typeof body !== 'object' || body === null || !isPlainObject(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'activities' && Array.isArray(body.activities);
}

function writeBody(body: { activities: unknown[] }, out: Chunk[]): boolean {
  const { activities } = body;
  out.push('{"activities":[');
  for (let i = 0; i < activities.length; i++) {
    if (i > 0) out.push(',');
    if (!writeActivity(activities[i], out)) return false;
  }
  out.push(']}');
  return true;
}

/**
 * The UTF-8 bytes of `JSON.stringify(body)` for a body of replies (`{ activities }`), cards written once for the
 * process (see above); undefined for any other body (an invoke's own response), which the caller sends as before.
 */
export function replyJson(body: unknown): Buffer | undefined {
  if (!isExpectedReplies(body)) return undefined;
  const out: Chunk[] = [];
  if (!writeBody(body, out)) return Buffer.from(JSON.stringify(body), 'utf8');
  // Neighbouring strings joined first, so that each run of text is encoded once.
  const parts: Buffer[] = [];
  let text = '';
  for (const chunk of out) {
    if (typeof chunk === 'string') {
      text += chunk;
    } else {
      if (text) parts.push(Buffer.from(text, 'utf8'));
      text = '';
      parts.push(chunk);
    }
  }
  if (text) parts.push(Buffer.from(text, 'utf8'));
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
