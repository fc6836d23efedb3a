/**
 * Multinomial logistic regression (softmax) on sparse features, trained with AdaGrad SGD and L2 shrinkage.
 * Small, deterministic (seeded shuffle) and fast enough to train at start-up on a few thousand sentences.
 */
import { PIPELINE_OPTIONS, type TrainOptions } from './settings';

/** A sparse feature vector: parallel arrays of feature indices and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export type { TrainOptions } from './settings';

/** `train` of `locales/fr/nlu/options.yaml`. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = PIPELINE_OPTIONS.train;

/** Mulberry32: tiny seeded PRNG so that training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SoftmaxModel {
  constructor(
    readonly nFeatures: number,
    readonly nClasses: number,
    /** Row-major: weights[feature * nClasses + class]. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  static train(
    rows: SparseVector[],
    labels: number[],
    nFeatures: number,
    nClasses: number,
    options: Partial<TrainOptions> = {},
  ): SoftmaxModel {
    const opt = { ...DEFAULT_TRAIN_OPTIONS, ...options };
    const C = nClasses;
    const W = new Float32Array(nFeatures * C);
    const G = new Float32Array(nFeatures * C);
    const b = new Float32Array(C);
    const Gb = new Float32Array(C);
    const probs = new Float64Array(C);
    const grad = new Float64Array(C);
    const order = rows.map((_, i) => i);
    const rand = seededRandom(opt.seed);
    const eps = 1e-6;
    const model = new SoftmaxModel(nFeatures, C, W, b);

    for (let epoch = 0; epoch < opt.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (const r of order) {
        const row = rows[r];
        model.probabilities(row, probs);
        const y = labels[r];
        for (let c = 0; c < C; c++) grad[c] = probs[c] - (c === y ? 1 : 0);
        for (let c = 0; c < C; c++) {
          const g = grad[c];
          if (g > -opt.gradientFloor && g < opt.gradientFloor) continue;
          Gb[c] += g * g;
          b[c] -= (opt.learningRate * g) / Math.sqrt(Gb[c] + eps);
        }
        const { idx, val } = row;
        for (let k = 0; k < idx.length; k++) {
          const base = idx[k] * C;
          const x = val[k];
          for (let c = 0; c < C; c++) {
            const gc = grad[c];
            if (gc > -opt.gradientFloor && gc < opt.gradientFloor) continue;
            const p = base + c;
            const g = gc * x + opt.l2 * W[p];
            G[p] += g * g;
            W[p] -= (opt.learningRate * g) / Math.sqrt(G[p] + eps);
          }
        }
      }
    }
    return model;
  }

  /** Raw scores (logits) into `out`. */
  logits(row: SparseVector, out: Float64Array): void {
    const C = this.nClasses;
    const W = this.weights;
    for (let c = 0; c < C; c++) out[c] = this.bias[c];
    const { idx, val } = row;
    for (let k = 0; k < idx.length; k++) {
      const base = idx[k] * C;
      const x = val[k];
      for (let c = 0; c < C; c++) out[c] += W[base + c] * x;
    }
  }

  /** Softmax probabilities into `out`. */
  probabilities(row: SparseVector, out: Float64Array): void {
    this.logits(row, out);
    softmaxInPlace(out);
  }
}

export function softmaxInPlace(v: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let c = 0; c < v.length; c++) if (v[c] > max) max = v[c];
  let sum = 0;
  for (let c = 0; c < v.length; c++) {
    const e = Math.exp((v[c] - max) / temperature);
    v[c] = e;
    sum += e;
  }
  for (let c = 0; c < v.length; c++) v[c] /= sum;
}
