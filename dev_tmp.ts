import * as fs from 'fs';
import { parse } from 'yaml';
import { Recognizer, loadExamples, fold, type RecognizerOptions } from './bot/recognizer';
const dev = (parse(fs.readFileSync('tests/recognizer/dev.fr.yaml', 'utf8')) as { utterances: { text: string; intent: string }[] }).utterances;
const ex = loadExamples();
function f1(pairs: [string, string][]): { acc: number; f1: number; oos: number } {
  const labels = new Set(pairs.flatMap((p) => p));
  let sum = 0, n = 0, ok = 0, none = 0, noneOk = 0;
  for (const l of labels) {
    const tp = pairs.filter(([g, p]) => g === l && p === l).length;
    const fp = pairs.filter(([g, p]) => g !== l && p === l).length;
    const fn = pairs.filter(([g, p]) => g === l && p !== l).length;
    if (tp + fn === 0) continue;
    const pr = tp + fp ? tp / (tp + fp) : 0, rc = tp / (tp + fn);
    sum += pr + rc ? (2 * pr * rc) / (pr + rc) : 0; n++;
  }
  for (const [g, p] of pairs) { if (g === p) ok++; if (g === 'None') { none++; if (p === 'None') noneOk++; } }
  return { acc: ok / pairs.length, f1: sum / n, oos: noneOk / none };
}
function run(opts: Partial<RecognizerOptions>, verbose = false) {
  const r = new Recognizer(ex, opts);
  const pairs: [string, string][] = [], pairsNA: [string, string][] = [];
  for (const u of dev) {
    const x = r.recognize(u.text);
    pairs.push([u.intent, x.topIntent]);
    pairsNA.push([u.intent, r.recognize(fold(u.text)).topIntent]);
    if (verbose && x.topIntent !== u.intent) console.log(`  ${u.intent} -> ${x.topIntent} (${x.score}) ${Object.entries(x.intents).slice(0,3).map(([k,v])=>k+':'+v.score.toFixed(2)).join(' ')} :: ${u.text}`);
  }
  const a = f1(pairs), b = f1(pairsNA);
  console.log(JSON.stringify(opts), 'build', r.buildMs.toFixed(0), 'acc', a.acc.toFixed(3), 'f1', a.f1.toFixed(3), 'oos', a.oos.toFixed(2), '| noacc f1', b.f1.toFixed(3));
}
const mode = process.argv[2];
if (mode === 'v') run({}, true);
else if (mode === "t") { run({ train: { epochs: 10 } }); run({ train: { epochs: 10, gradientFloor: 5e-3 } }); run({ train: { epochs: 8, learningRate: 0.5, gradientFloor: 5e-3 } }); }
else {
  run({});
  run({ segmentScoring: false });
  run({ threshold: 0.3 });
  run({ threshold: 0.5 });
  run({ train: { epochs: 10 } });
}
