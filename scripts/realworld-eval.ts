/**
 * What the bot DOES with real people's messages, as a command-line tool over scripts/realWorld.ts (the same
 * classifier and judgement rules as `npm run nlu:eval`): each labelled message is the first message of a fresh
 * conversation sent to the real server, its visible replies are classified and judged.
 *
 *   npm run realworld:eval -- <file.yaml> [--part all|dev|val|test] [--verbose] [--plain] [--show <id>] [--passing]
 *                                         [--intents <dir>] [--seed <n>]
 *
 * The file is in the format of the real-world corpus (`items: [{ id, kind, text, intent, outcome, hardship,
 * selfharm, also, split }]`); `--part` chooses which items (default dev: a corpus's frozen test part is nlu:eval's alone; a file without `split` is all).
 * `--plain` also runs every message in lower case without accents. `--intents <dir>`: a recogniser trained on
 * another folder of intents (its vocabulary.txt beside it), e.g. for a cross-validation (realworld-cv.ts parses
 * the lines `label  xx.x %  (n/d)` and `bare « pas compris »…` printed here).
 * `--seed <n>`: the model trained with another seed than options.yaml's (its random order of the examples): a
 * figure that moves with the seed alone is noise (realworld-cv.ts `--seeds` averages several).
 * `--verbose` lists each miss (expected, what the bot did, the recogniser's top intent, the text); `--passing`
 * prints `PASS <id>` for each item served; `--show <id>` prints the replies the bot showed for that item.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';

import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, getRecognizer, Recognizer } from '../nlu';
import {
  askFresh,
  CORPUS_PARTS,
  type CorpusPart,
  describeClassified,
  judgeOverHttp,
  LONG_WORDS,
  loadCorpus,
  lowerNoAccent,
  projectClassifier,
  startEvalBot,
  summarise,
  visibleOf,
} from './realWorld';

const USAGE =
  'Usage: npm run realworld:eval -- <file.yaml> [--part all|dev|val|test] [--verbose] [--plain] [--show <id>] ' +
  '[--passing] [--intents <dir>] [--seed <n>]';

/** `label   xx.x %  (n/d)`: the line realworld-cv.ts sums over the folds. */
function line(label: string, n: number, d: number): string {
  const pct = d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`;
  return `  ${label.padEnd(34)} ${pct}  (${n}/${d})`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      part: { type: 'string', default: 'dev' },
      verbose: { type: 'boolean', default: false },
      plain: { type: 'boolean', default: false },
      show: { type: 'string' },
      passing: { type: 'boolean', default: false },
      intents: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const part = values.part as CorpusPart;
  if (positionals.length !== 1 || !CORPUS_PARTS.includes(part)) {
    console.error(USAGE);
    process.exit(2);
  }
  const corpus = loadCorpus(positionals[0], { part });
  if (!corpus) {
    console.error(`${positionals[0]}: no such file`);
    process.exit(2);
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    console.error(USAGE);
    process.exit(2);
  }
  const recognizer =
    values.intents || seed !== undefined
      ? Recognizer.fromDirectory(
          values.intents ?? DEFAULT_DATA_DIR,
          seed === undefined ? {} : { train: { seed } },
        )
      : getRecognizer();
  const bot = await startEvalBot(recognizer);
  try {
    const classifier = projectClassifier();
    if (values.show !== undefined) {
      const item = corpus.items.find((i) => i.id === values.show);
      if (!item) {
        console.error(`no item ${values.show} in ${positionals[0]} (part ${part})`);
        process.exitCode = 1;
        return;
      }
      const { activities } = await askFresh(bot.url, item.text);
      const v = visibleOf(activities);
      console.log(v.texts.join('\n'));
      for (const b of v.buttons) console.log(`  [${b}]`);
      for (const l of v.links) console.log(`  <${l}>`);
      console.log(`-- ${describeClassified(classifier.classify(activities))}`);
      return;
    }
    const variants: [string, (t: string) => string][] = [['as written', (t) => t]];
    if (values.plain) variants.push(['lower case, no accents', lowerNoAccent]);
    for (const [name, transform] of variants) {
      const judged = await judgeOverHttp(bot.url, corpus.items, classifier, transform);
      const s = summarise(judged, 'http');
      const count = (x: { n: number; accuracy: number }) => Math.round(x.accuracy * x.n);
      const counted = (x: { n: number; share: number }) => (x.n === 0 ? 0 : Math.round(x.share * x.n));
      if (values.passing) {
        for (const j of judged) {
          const helped = !j.item.hardship || (j.item.selfharm ? j.classified?.line3114 : j.classified?.help);
          if (j.correct && helped) console.log(`PASS ${j.item.id}`);
        }
      }
      console.log(`\n== ${positionals[0]} — ${name} — ${s.n} messages (part ${part})`);
      console.log(line('outcome served, all', count({ n: s.n, accuracy: s.n ? s.accuracy : 0 }), s.n));
      for (const [kind, x] of Object.entries(s.byKind))
        console.log(line(`top-1 outcome, ${kind}`, count(x), x.n));
      for (const [outcome, x] of Object.entries(s.byOutcome))
        console.log(line(`  outcome ${outcome}`, count(x), x.n));
      console.log(line('hardship → HELP (self-harm: 3114)', counted(s.hardshipToHelp), s.hardshipToHelp.n));
      if (s.selfharm3114)
        console.log(line('self-harm → 3114 shown', counted(s.selfharm3114), s.selfharm3114.n));
      console.log(
        line('out of scope answered as such', counted(s.outOfScopeAnswered), s.outOfScopeAnswered.n),
      );
      if (s.alsoOffered)
        console.log(line('other need served or offered', counted(s.alsoOffered), s.alsoOffered.n));
      const bare = s.bareNotUnderstood ?? { all: 0, long: 0, longN: 0 };
      console.log(`  bare « pas compris », ≥ ${LONG_WORDS} words: ${bare.long}   (any length: ${bare.all})`);
      if (values.verbose) {
        for (const j of judged) {
          const c = j.classified;
          const helpMissed = j.item.hardship && !(j.item.selfharm ? c?.line3114 : c?.help);
          if (j.correct && !helpMissed) continue;
          const r = recognizer.recognize(transform(j.item.text));
          console.log(
            `  ✗ ${j.item.id} [${j.item.kind}/${j.item.outcome}/${j.item.intent}${j.item.hardship ? '/hardship' : ''}` +
              `${j.item.selfharm ? '/selfharm' : ''}] judged ${j.predicted}; did: ${c ? describeClassified(c) : '?'} ` +
              `| nlu ${r.topIntent} ${r.score} ${r.distress.level}:${r.distress.signals.join('+')}` +
              `${r.outOfScope ? ` oos:${r.outOfScope.domain}` : ''} | next ${nextGuesses(r.intents, r.topIntent)}\n` +
              `    ${j.item.text.replace(/\s+/g, ' ').slice(0, 220)}`,
          );
        }
      }
    }
  } finally {
    await bot.close();
  }
}

/** The two intents after the top one, with their scores (`maternite 0.21, ald 0.08`); `intents` is ranked. */
function nextGuesses(intents: Record<string, { score: number }>, top: string): string {
  return Object.entries(intents)
    .filter(([intent]) => intent !== top)
    .slice(0, 2)
    .map(([intent, { score }]) => `${intent} ${score.toFixed(2)}`)
    .join(', ');
}

void main();
