/**
 * What the bot DOES with real people's messages: each message of a labelled file is sent, alone, to the real bot
 * (recogniser, dialogs, knowledge) and the replies it shows are classified — HELP offered (questionnaire link),
 * self-harm answer (3114 first, no questionnaire), honest out-of-scope answer, guesses, bare « je n'ai pas
 * compris », and which topic answer or journey started — then compared with the labels.
 *
 *   npm run realworld:eval -- <file.yaml> [--verbose] [--plain] [--show <id>] [--passing] [--intents <dir>]
 *
 * The file is `items: [{ text, kind, intent, outcome, hardship, selfharm, also }]`. `--plain` also runs every
 * message in lower case without accents. The data itself is not part of the repository.
 */
process.env.DOTENV_CONFIG_QUIET = 'true';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import { parse } from 'yaml';
import { z } from 'zod';
import { renderActivities } from '../bot/channels/textRenderer';
import { RelaisBot } from '../bot/relaisBot';
import { MainDialog } from '../dialogs/mainDialog';
import { loadKnowledge } from '../knowledge/loader';
import { fold, getRecognizer, normalize, Recognizer } from '../nlu';

const Item = z.object({
  id: z.string().optional(),
  text: z.string().min(1),
  kind: z.enum(['question', 'testimony']),
  intent: z.string(),
  outcome: z.enum(['help', 'aide_financiere', 'topic', 'out_of_scope']),
  hardship: z.boolean().default(false),
  selfharm: z.boolean().default(false),
  also: z.array(z.string()).nullish(),
});
type Item = z.infer<typeof Item>;

const knowledge = loadKnowledge();
// `--intents <dir>`: another training folder (its vocabulary.txt beside it), e.g. for a cross-validation.
const intentsArg = process.argv.indexOf('--intents');
const recognizer = intentsArg > 0 ? Recognizer.fromDirectory(process.argv[intentsArg + 1]) : getRecognizer();

/** Texts that show a journey started or a topic answered: its trees' questions, its entries' titles. */
const JOURNEY_TREES: Record<string, string> = {
  aide_financiere: knowledge.tree.id,
  maternite: 'parcours-maternite',
  indemnites_journalieres: 'parcours-maladie',
  invalidite: 'parcours-invalidite',
};
function questions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => questions(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'question' && typeof v === 'string') out.push(v);
      else questions(v, out);
    }
  }
  return out;
}
const signatures = new Map<string, string[]>();
for (const intent of recognizer.intentNames) {
  const sig = knowledge.byIntent(intent).map((e) => e.title);
  const tree = JOURNEY_TREES[intent];
  if (tree) sig.push(...questions(knowledge.treeById(tree)));
  if (sig.length > 0) signatures.set(intent, sig);
}
// The contact answer has no entry of its own: its heading (French interface text) shows it.
const fr = JSON.parse(readFileSync(join(__dirname, '../locales/fr/translation.json'), 'utf8')) as {
  contacts: { intro: string };
};
signatures.set('contact', [fr.contacts.intro]);
// The aids' own cards also mean the aide-financière journey answered.
signatures
  .get('aide_financiere')
  ?.push(...knowledge.entries.filter((e) => e.links.length > 0 && /aide/i.test(e.title)).map((e) => e.title));

interface Observed {
  text: string;
  help: boolean;
  selfHarm: boolean;
  outOfScope: boolean;
  guesses: boolean;
  bare: boolean;
  topics: string[];
}

async function run(text: string): Promise<Observed> {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const dialog = new MainDialog({
    recognizer,
    normalize,
    knowledge,
    feedback: { record: () => undefined },
    misunderstood: conversationState.createProperty<number>('misunderstood'),
  });
  const bot = new RelaisBot({ conversationState, userState: new UserState(storage), dialog, recognizer });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'test', locale: 'fr-FR' });
  await adapter.receiveActivity(text);
  const shown = renderActivities(adapter.activeQueue.splice(0)).lines.join('\n');
  const help = shown.includes('demarches-simplifiees.fr') && shown.includes('HELP');
  const i3114 = shown.indexOf('3114');
  // Buttons (numbered choices) are offers, not answers.
  const said = shown
    .split('\n')
    .filter((line) => !/^\s+\d+\. /.test(line))
    .join('\n');
  const topics = [...signatures]
    .filter(([intent, sig]) => intent !== 'help' && sig.some((s) => said.includes(s)))
    .map(([intent]) => intent);
  return {
    text: shown,
    help,
    selfHarm: i3114 >= 0 && i3114 < 400 && !shown.includes('demarches-simplifiees.fr'),
    outOfScope: shown.includes("Ce n'est pas mon domaine"),
    guesses:
      shown.includes("Je ne suis pas sûr d'avoir bien compris") ||
      shown.includes("Merci d'avoir pris le temps"),
    bare: shown.includes("Je n'ai pas compris votre demande"),
    topics,
  };
}

function correct(item: Item, o: Observed): boolean {
  if (item.selfharm) return o.selfHarm;
  switch (item.outcome) {
    case 'help':
      return o.help;
    case 'aide_financiere':
      return o.topics.includes('aide_financiere');
    case 'topic':
      return o.topics.includes(item.intent);
    case 'out_of_scope':
      return o.outOfScope;
  }
}

const words = (t: string): number => t.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
const pct = (n: number, d: number): string =>
  d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      verbose: { type: 'boolean', default: false },
      plain: { type: 'boolean', default: false },
      show: { type: 'string' },
      passing: { type: 'boolean', default: false },
      intents: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    console.error('Usage: npm run realworld:eval -- <file.yaml> [--verbose] [--plain]');
    process.exit(2);
  }
  const items = z.object({ items: z.array(Item) }).parse(parse(readFileSync(positionals[0], 'utf8'))).items;
  if (values.show) {
    const item = items.find((i) => i.id === values.show);
    if (item) console.log((await run(item.text)).text);
    return;
  }
  const variants: [string, (t: string) => string][] = [['as written', (t) => t]];
  if (values.plain) variants.push(['lower case, no accents', (t) => fold(t).toLowerCase()]);
  for (const [name, transform] of variants) {
    const byKind: Record<string, [number, number]> = {};
    const byOutcome: Record<string, [number, number]> = {};
    let hardship = [0, 0];
    let selfHarm = [0, 0];
    let bareLong = 0;
    let bareAll = 0;
    const misses: string[] = [];
    for (const item of items) {
      const o = await run(transform(item.text));
      const ok = correct(item, o);
      if (values.passing && ok && (!item.hardship || item.selfharm || o.help))
        console.log(`PASS ${item.id ?? ''}`);
      (byKind[item.kind] ??= [0, 0])[1]++;
      (byOutcome[item.outcome] ??= [0, 0])[1]++;
      if (ok) {
        byKind[item.kind][0]++;
        byOutcome[item.outcome][0]++;
      }
      if (item.hardship && !item.selfharm) hardship = [hardship[0] + (o.help ? 1 : 0), hardship[1] + 1];
      if (item.selfharm) selfHarm = [selfHarm[0] + (o.selfHarm ? 1 : 0), selfHarm[1] + 1];
      const bare = o.bare && !o.guesses && !o.help && !o.outOfScope;
      if (bare) bareAll++;
      if (bare && words(item.text) >= 12) bareLong++;
      if (!ok || (item.hardship && !item.selfharm && !o.help)) {
        const r = recognizer.recognize(transform(item.text));
        misses.push(
          `${item.id ?? ''} [${item.kind}/${item.outcome}/${item.intent}${item.hardship ? '/hardship' : ''}] ` +
            `did: ${[o.help && 'HELP', o.selfHarm && '3114', o.outOfScope && 'OOS', o.guesses && 'guesses', o.bare && 'bare', ...o.topics].filter(Boolean).join(',')} ` +
            `| nlu ${r.topIntent} ${r.score} ${r.distress.level}:${r.distress.signals.join('+')}${r.outOfScope ? ` oos:${r.outOfScope.domain}` : ''}\n    ${item.text.replace(/\s+/g, ' ').slice(0, 220)}`,
        );
      }
    }
    console.log(`\n== ${positionals[0]} — ${name} — ${items.length} messages`);
    for (const [k, [n, d]] of Object.entries(byKind))
      console.log(`  top-1 outcome, ${k.padEnd(12)} ${pct(n, d)}  (${n}/${d})`);
    for (const [k, [n, d]] of Object.entries(byOutcome))
      console.log(`    outcome ${k.padEnd(16)} ${pct(n, d)}  (${n}/${d})`);
    console.log(
      `  hardship → HELP offered      ${pct(hardship[0], hardship[1])}  (${hardship[0]}/${hardship[1]})`,
    );
    console.log(
      `  self-harm → 3114 first       ${pct(selfHarm[0], selfHarm[1])}  (${selfHarm[0]}/${selfHarm[1]})`,
    );
    console.log(`  bare « pas compris », ≥ 12 words: ${bareLong}   (any length: ${bareAll})`);
    if (values.verbose) for (const m of misses) console.log(`  ✗ ${m}`);
  }
}

void main();
