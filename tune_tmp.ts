import * as fs from 'fs';
import { parse } from 'yaml';
import { Recognizer, loadExamples, fold, type RecognizerOptions, type Example } from './bot/recognizer';
import { DEFAULT_FEATURE_OPTIONS } from './bot/recognizer/features';
const dev = (parse(fs.readFileSync('tests/recognizer/dev.fr.yaml', 'utf8')) as { utterances: { text: string; intent: string }[] }).utterances;
const ex = loadExamples();
function mf1(pairs: [string, string][]) {
  const labels = [...new Set(pairs.map((p) => p[0]))];
  let s = 0;
  for (const l of labels) {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length, fp = pairs.filter(([g, p]) => g !== l && p === l).length, fn = pairs.filter(([g, p]) => g === l && p !== l).length;
    const pr = tp + fp ? tp / (tp + fp) : 0, rc = tp + fn ? tp / (tp + fn) : 0; s += pr + rc ? 2 * pr * rc / (pr + rc) : 0;
  }
  const none = pairs.filter(p => p[0] === 'None');
  return { f1: s / labels.length, acc: pairs.filter(([g, p]) => g === p).length / pairs.length, oos: none.filter(p => p[1] === 'None').length / none.length };
}
function folds(k: number): Example[][] {
  const out: Example[][] = Array.from({ length: k }, () => []);
  const by = new Map<string, Example[]>(); for (const e of ex) by.set(e.intent, [...(by.get(e.intent) ?? []), e]);
  let seed = 7; const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (const l of by.values()) { const s = [...l]; for (let i = s.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [s[i], s[j]] = [s[j], s[i]]; } s.forEach((e, i) => out[i % k].push(e)); }
  return out;
}
const F = folds(5);
let ts = 99; const trand = () => { ts = (ts * 1103515245 + 12345) % 2147483648; return ts / 2147483648; };
function typo(t: string): string {
  return t.split(' ').map((w) => {
    if (w.length < 5 || trand() > 0.4) return w;
    const i = 1 + Math.floor(trand() * (w.length - 2)); const k = trand();
    if (k < 0.33) return w.slice(0, i) + w.slice(i + 1);
    if (k < 0.66) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    return w.slice(0, i) + 'aeiourst'[Math.floor(trand() * 8)] + w.slice(i + 1);
  }).join(' ');
}
const devTypo = dev.map((u) => ({ text: typo(fold(u.text)), intent: u.intent }));
function run(name: string, opts: Partial<RecognizerOptions>) {
  const pairs: [string, string][] = []; let build = 0;
  for (let i = 0; i < 5; i++) { const r = new Recognizer(F.filter((_, j) => j !== i).flat(), opts); build += r.buildMs; for (const e of F[i]) pairs.push([e.intent, r.recognize(e.text).topIntent]); }
  const r = new Recognizer(ex, opts);
  const dp: [string, string][] = dev.map(u => [u.intent, r.recognize(u.text).topIntent]);
  const dpn: [string, string][] = dev.map(u => [u.intent, r.recognize(fold(u.text)).topIntent]);
  const dt = mf1(devTypo.map(u => [u.intent, r.recognize(u.text).topIntent] as [string, string]));
  const cv = mf1(pairs), d = mf1(dp), dn = mf1(dpn);
  console.log(name.padEnd(40), 'CV f1', cv.f1.toFixed(3), 'acc', cv.acc.toFixed(3), 'oos', cv.oos.toFixed(3), '| dev f1', d.f1.toFixed(3), 'noacc', dn.f1.toFixed(3), 'oos', d.oos.toFixed(2), 'typo', dt.f1.toFixed(3), '| build', (build / 5).toFixed(0));
}
const FO = DEFAULT_FEATURE_OPTIONS;
const configs: [string, Partial<RecognizerOptions>][] = [
  ['default', {}],
  ['c0 k1.2 l2', { features: { ...FO, charWeight: 0, conceptWeight: 1.2 }, train: { l2: 1e-3 } }],
  ['c.4(3-4) k1.2 l2', { features: { ...FO, charWeight: 0.4, charMax: 4, conceptWeight: 1.2 }, train: { l2: 1e-3 } }],
  ['c.4(3-4) k1.2', { features: { ...FO, charWeight: 0.4, charMax: 4, conceptWeight: 1.2 } }],
  ['c.3(4-4) k1.2 l2', { features: { ...FO, charWeight: 0.3, charMin: 4, charMax: 4, conceptWeight: 1.2 }, train: { l2: 1e-3 } }],
  ['c0 k1.5 l2 3e-3', { features: { ...FO, charWeight: 0, conceptWeight: 1.5 }, train: { l2: 3e-3 } }],
  ['char 3-4', { features: { ...FO, charMax: 4 } }],
  ['char 2-4', { features: { ...FO, charMin: 2, charMax: 4 } }],
  ['char 0', { features: { ...FO, charWeight: 0 } }],
  ['char w1.2', { features: { ...FO, charWeight: 1.2 } }],
  ['concept 0', { features: { ...FO, conceptWeight: 0 } }],
  ['concept 1.2', { features: { ...FO, conceptWeight: 1.2 } }],
  ['bigram 0', { features: { ...FO, bigramWeight: 0 } }],
  ['epochs 6', { train: { epochs: 6 } }],
  ['epochs 15', { train: { epochs: 15 } }],
  ['lr .6', { train: { learningRate: 0.6 } }],
  ['l2 1e-3', { train: { l2: 1e-3 } }],
  ['thr .2', { threshold: 0.2 }],
  ['thr .4', { threshold: 0.4 }],
  ['noseg', { segmentScoring: false }],
];
const only = process.argv[2];
for (const [n, o] of configs) if (!only || n.startsWith(only)) run(n, o);
