/**
 * A cache of trained models, so that a restart with unchanged data and code does not train again (training is
 * about half a second; reading a cached model, a few milliseconds). The cache is content-addressed: its key
 * hashes the training examples, the vocabulary, the options, the recogniser's data files (`locales/fr/nlu/`) and
 * its version (`version.ts`), so a change to any of them trains a new model. It does not hash the code, so the
 * TypeScript sources (`npm start`) and the compiled build (`npm run start:prod`) share one key. It lives in the
 * OS temporary folder; any read or write problem simply means training.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NLU_DATA_DIR, nluDataFiles } from './settings';
import { RECOGNIZER_VERSION } from './version';

export interface TrainedModel {
  labels: string[];
  features: string[];
  weights: Float32Array;
  bias: Float32Array;
  /** The spelling corrector's vocabulary (word, count), in its order; absent from models cached without it. */
  frequencies?: [string, number][];
  /** The learned hardship head (hardship.ts): two classes over the same features. */
  hardship?: { weights: Float32Array; bias: Float32Array };
}

/** The folder of the recogniser's caches (the models here, the pre-tests' requirements: `prefilterCache.ts`). */
export const CACHE_DIR = path.join(os.tmpdir(), 'relais-inde-model');

/** The key of a model: everything its training depends on. */
export function modelKey(inputs: unknown, dataDir: string = NLU_DATA_DIR): string {
  const hash = createHash('sha256')
    .update(`recognizer ${RECOGNIZER_VERSION}\n`)
    .update(JSON.stringify(inputs));
  for (const { name, content } of nluDataFiles(dataDir)) hash.update(name).update(content);
  return hash.digest('hex').slice(0, 32);
}

export function readModel(key: string, dir: string = CACHE_DIR): TrainedModel | undefined {
  try {
    const buffer = fs.readFileSync(path.join(dir, `${key}.bin`));
    const headerLength = buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as {
      labels: string[];
      features: string[];
      frequencies?: unknown;
      hardship?: unknown;
    };
    const offset = buffer.byteOffset + 4 + headerLength;
    const bytes = buffer.byteOffset + buffer.length - offset;
    if (bytes % 4 !== 0) return undefined;
    // The floats are read where they lie (the writer pads the header to a 4-byte boundary; a file read whole has its
    // own memory): views, not copies of several megabytes at every start; a misaligned file is copied once.
    const floats =
      offset % 4 === 0
        ? new Float32Array(buffer.buffer, offset, bytes / 4)
        : new Float32Array(buffer.buffer.slice(offset, offset + bytes));
    const nWeights = header.features.length * header.labels.length;
    const main = nWeights + header.labels.length;
    const head = header.hardship === true ? header.features.length * 2 + 2 : 0;
    if (floats.length !== main + head) return undefined;
    return {
      labels: header.labels,
      features: header.features,
      weights: floats.subarray(0, nWeights),
      bias: floats.subarray(nWeights, main),
      ...(isFrequencies(header.frequencies) ? { frequencies: header.frequencies } : {}),
      ...(head > 0
        ? {
            hardship: {
              weights: floats.subarray(main, main + head - 2),
              bias: floats.subarray(main + head - 2),
            },
          }
        : {}),
    };
  } catch {
    return undefined;
  }
}

function isFrequencies(value: unknown): value is [string, number][] {
  return (
    Array.isArray(value) &&
    value.every(
      (pair) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        typeof pair[0] === 'string' &&
        typeof pair[1] === 'number',
    )
  );
}

export function writeModel(key: string, model: TrainedModel, dir: string = CACHE_DIR): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    let header = Buffer.from(
      JSON.stringify({
        labels: model.labels,
        features: model.features,
        frequencies: model.frequencies,
        hardship: model.hardship !== undefined,
      }),
      'utf8',
    );
    // Pad the header so the floats start on a 4-byte boundary.
    const pad = (4 - ((4 + header.length) % 4)) % 4;
    if (pad > 0) header = Buffer.concat([header, Buffer.alloc(pad, 0x20)]);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    const head = model.hardship ? [model.hardship.weights, model.hardship.bias] : [];
    const parts = [model.weights, model.bias, ...head];
    const floats = new Float32Array(parts.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const part of parts) {
      floats.set(part, at);
      at += part.length;
    }
    const file = path.join(dir, `${key}.bin`);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, Buffer.concat([length, header, Buffer.from(floats.buffer)]));
    fs.renameSync(temp, file);
  } catch {
    // A cache that cannot be written only costs a training at the next start.
  }
}
