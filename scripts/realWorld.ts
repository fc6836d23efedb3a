/**
 * The real-world part of `npm run nlu:eval`: messages people actually wrote (questions and testimonies), each
 * labelled with the OUTCOME it should get (HELP, the aide-financière journey, a topic's answer, or an honest "not my
 * domain"). Two measures:
 *
 * - recognition level (both systems): the top intent mapped to an outcome;
 * - HTTP level (Relais Indé): what the bot DID — each message is the first message of a fresh conversation through
 *   the real HTTP server (`deliveryMode: expectReplies`), and its visible replies (texts, card texts, buttons,
 *   links) are classified.
 *
 * Only the items marked `split: test` are read, to report; nothing trains or tunes on them.
 */
import * as fs from 'node:fs';
import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadConfig } from '../bot/config';
import { startBot, type StartedBot } from '../bot/main';
import { getI18n, translator } from '../dialogs/i18n';
import type { IntentRecognizer } from '../dialogs/ports';
import { type Knowledge, loadKnowledge } from '../knowledge/loader';
import { fold } from '../nlu';

// ------------------------------------------------------------------------------------------------ corpus

export const OUTCOMES = ['help', 'aide_financiere', 'topic', 'out_of_scope'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What a reply can be classified as: the four outcomes, a bare "not understood", or something else. */
export type Observed = Outcome | 'not_understood' | 'other';
export const OBSERVED: readonly Observed[] = [...OUTCOMES, 'not_understood', 'other'];

export const corpusItemSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  kind: z.enum(['question', 'testimony']),
  text: z.string().min(1),
  source: z.string().optional(),
  intent: z.string(),
  outcome: z.enum(OUTCOMES),
  hardship: z.boolean().default(false),
  selfharm: z.boolean().default(false),
  also: z.array(z.string()).optional(),
  note: z.string().optional(),
  /** Which part the item belongs to; a file without any `split` is one part only (`all`). */
  split: z.enum(['dev', 'val', 'test']).optional(),
});
export type CorpusItem = z.infer<typeof corpusItemSchema>;

export const corpusSchema = z.looseObject({
  /** How the corpus was collected and split, if its author says so (printed in the report). */
  description: z.string().optional(),
  split_method: z.string().optional(),
  items: z.array(corpusItemSchema),
});

export interface Corpus {
  file: string;
  description?: string;
  splitMethod?: string;
  counts: { dev: number; val: number; test: number };
  /** The `split: test` items only. */
  test: CorpusItem[];
  /** The part asked for (`loadCorpus(file, { part })`, the test part by default). */
  part: CorpusPart;
  /** The items of that part; every item when the file has no `split` at all. */
  items: CorpusItem[];
}

export type CorpusPart = 'dev' | 'val' | 'test' | 'all';

/** The parts a command line may ask for. */
export const CORPUS_PARTS: readonly CorpusPart[] = ['dev', 'val', 'test', 'all'];

/**
 * The corpus, or undefined when the file does not exist (reported as "not available"). `part` chooses `items`:
 * the test part (default), the dev part, or all. A file without any `split` field counts as all, whatever the part;
 * in a file that has them, every item must have one (a part cannot be guessed).
 */
export function loadCorpus(file: string, options: { part?: CorpusPart } = {}): Corpus | undefined {
  const part = options.part ?? 'test';
  if (!fs.existsSync(file)) return undefined;
  const parsed = corpusSchema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { items } = parsed.data;
  const unsplit = items.findIndex((i) => i.split === undefined);
  const splitless = items.every((i) => i.split === undefined);
  if (unsplit >= 0 && !splitless)
    throw new Error(`${file}: items.${unsplit}.split: missing (dev, val or test)`);
  return {
    file,
    description: parsed.data.description,
    splitMethod: parsed.data.split_method,
    counts: {
      dev: items.filter((i) => i.split === 'dev').length,
      val: items.filter((i) => i.split === 'val').length,
      test: items.filter((i) => i.split === 'test').length,
    },
    test: items.filter((i) => i.split === 'test'),
    part,
    items: part === 'all' || splitless ? items : items.filter((i) => i.split === part),
  };
}

/** Recognition level: help→help, aide_financiere→aide_financiere, None→out_of_scope, anything else→topic. */
export function outcomeOfIntent(intent: string): Outcome {
  if (intent === 'help') return 'help';
  if (intent === 'aide_financiere') return 'aide_financiere';
  if (intent === 'None') return 'out_of_scope';
  return 'topic';
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
}

/** "Lower case without accents": what people type on a phone. */
export function lowerNoAccent(text: string): string {
  return fold(text);
}

// ------------------------------------------------------------------------------------------------ replies

/** Everything a person sees in a list of replies. */
export interface Visible {
  texts: string[];
  /** The first text block of each card (the entry's title on answer cards) and hero-card titles. */
  cardTitles: string[];
  buttons: string[];
  links: string[];
}

function collect(node: unknown, out: Visible, inCard: { titled: boolean }): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, out, inCard);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  const type = typeof o.type === 'string' ? o.type : '';
  if (type === 'TextBlock' && typeof o.text === 'string') {
    if (!inCard.titled) {
      out.cardTitles.push(o.text);
      inCard.titled = true;
    }
    out.texts.push(o.text);
  }
  if (type === 'FactSet' && Array.isArray(o.facts)) {
    for (const f of o.facts as { title?: unknown; value?: unknown }[])
      out.texts.push(`${String(f.title ?? '')} ${String(f.value ?? '')}`);
  }
  if (type.startsWith('Action.') || type === 'openUrl' || type === 'imBack' || type === 'messageBack') {
    if (typeof o.title === 'string') out.buttons.push(o.title);
    if (typeof o.url === 'string') out.links.push(o.url);
    if (typeof o.value === 'string' && /^https?:/.test(o.value)) out.links.push(o.value);
  }
  for (const [key, value] of Object.entries(o)) {
    if (key === 'text' || key === 'facts' || key === 'title' || key === 'url') continue;
    if (typeof value === 'object') collect(value, out, inCard);
  }
}

export function visibleOf(activities: readonly Partial<Activity>[]): Visible {
  const out: Visible = { texts: [], cardTitles: [], buttons: [], links: [] };
  for (const a of activities) {
    if (a.type !== 'message') continue;
    if (a.text) out.texts.push(a.text);
    for (const action of a.suggestedActions?.actions ?? []) {
      if (action.title) out.buttons.push(String(action.title));
      if (typeof action.value === 'string' && /^https?:/.test(action.value)) out.links.push(action.value);
    }
    for (const attachment of a.attachments ?? []) {
      const content = attachment.content as Record<string, unknown> | undefined;
      if (!content) continue;
      if (typeof content.title === 'string') {
        out.cardTitles.push(content.title);
        out.texts.push(content.title);
      }
      for (const key of ['subtitle', 'text']) {
        if (typeof content[key] === 'string') out.texts.push(content[key] as string);
      }
      collect(content, out, { titled: typeof content.title === 'string' });
    }
  }
  for (const text of out.texts) out.links.push(...(text.match(/https?:\/\/[^\s)»"]+/g) ?? []));
  return out;
}

/** What a reply did, read from what the person sees. */
export interface Classified {
  help: boolean;
  aideFinanciere: boolean;
  /** Intents whose answer cards were shown. */
  topics: string[];
  outOfScope: boolean;
  bareNotUnderstood: boolean;
  /** Intents offered as buttons (best guesses, "other needs"). */
  offered: string[];
  /** The suicide-prevention line 3114 appears. */
  line3114: boolean;
  /** The advisers' lines 3646 and 3698 both appear. */
  phoneLines: boolean;
}

export interface ReplyClassifier {
  classify(activities: readonly Partial<Activity>[]): Classified;
}

const key = (s: string): string => fold(s).replace(/\s+/g, ' ').trim();

/** A locale string as a pattern: its `{{placeholders}}` match anything, the rest must be there as written. */
function template(text: string): RegExp {
  const parts = text.split(/\{\{[^}]*\}\}/).map((part) => key(part).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*?'));
}

/**
 * Builds the classifier from the knowledge base and the locale strings, so that it follows their wording:
 *   HELP offered       the HELP questionnaire URL (knowledge/help.yaml, entry help-questionnaire) or a HELP card;
 *   aide_financiere    a question of the orientation tree (the first one the journey asks for this message), or
 *                      the card of an aid (an entry of the tree's leaves or of intent aide_financiere);
 *   topic X            the answer card of one of intent X's entries (by title), the first question of X's journey
 *                      tree (parcours-maternite, -maladie, -invalidite), or for `contact` the advisers' contacts card;
 *   out_of_scope       the `main.outOfScope` text;
 *   bare not-understood `main.notUnderstood1` with no button at all.
 */
export function replyClassifier(
  knowledge: Knowledge,
  t: TFunction,
  exists: (k: string) => boolean,
): ReplyClassifier {
  const helpQuestionnaire = knowledge.get('help-questionnaire');
  const helpUrls = new Set((helpQuestionnaire?.links ?? []).map((l) => l.url.replace(/\/$/, '')));
  const titleToIntent = new Map<string, string>();
  for (const entry of knowledge.entries) if (entry.intent) titleToIntent.set(key(entry.title), entry.intent);
  const aidTitles = new Set<string>();
  for (const node of knowledge.tree.nodes) {
    if (node.type === 'leaf') {
      for (const id of node.aids) {
        const entry = knowledge.get(id);
        if (entry) aidTitles.add(key(entry.title));
      }
    }
  }
  for (const entry of knowledge.byIntent('aide_financiere')) aidTitles.add(key(entry.title));
  // A journey's questions serve the journey's intent (orientation → aide_financiere, parcours-maternite →
  // maternite…), whichever question comes first for this message.
  // A question is recognised by its text AND its buttons: two trees may ask the same words ("Quelle est votre
  // situation ?") with different options.
  const questions: { text: string; options: string[]; intent: string }[] = [];
  for (const tree of knowledge.trees) {
    // The intent that starts the tree's journey, as the tree file declares it (`journey.intent`).
    const intent = tree.journey?.intent;
    if (!intent) continue;
    for (const node of tree.nodes) {
      if (node.type !== 'question') continue;
      // Its wording for an event already past (« Quelle naissance avez-vous eue ? ») is the same question.
      for (const text of [node.question, node.pastQuestion].filter((q) => q !== undefined))
        questions.push({ text: key(text), options: node.options.map((o) => key(o.label)), intent });
    }
  }
  // Raw strings (no interpolation), so that `{{domain}}` stays a placeholder.
  const raw = (k: string) => t(k, { interpolation: { skipOnVariables: true }, skipInterpolation: true });
  const outOfScope = exists('main.outOfScope') ? template(raw('main.outOfScope')) : undefined;
  const notUnderstood = key(t('main.notUnderstood1'));
  // The advisers' contacts card (its heading `contacts.intro`) is the answer of the intent `contact` (and of
  // `human`): it has no knowledge-base entry title of its own.
  const contactsHeading = exists('contacts.intro') ? key(t('contacts.intro')) : undefined;
  const intentLabels = t('intents', { returnObjects: true }) as Record<string, string>;
  const labelToIntent = new Map(Object.entries(intentLabels).map(([intent, label]) => [key(label), intent]));

  return {
    classify(activities) {
      const v = visibleOf(activities);
      const texts = v.texts.map(key);
      const titles = v.cardTitles.map(key);
      const buttons = new Set(v.buttons.map(key));
      const asked = questions
        .filter((q) => texts.some((text) => text.includes(q.text)) && q.options.every((o) => buttons.has(o)))
        .map((q) => q.intent);
      const topics = [
        ...new Set(
          [
            ...titles.map((title) => titleToIntent.get(title)),
            ...asked,
            ...(contactsHeading !== undefined && titles.includes(contactsHeading) ? ['contact'] : []),
          ].filter((x): x is string => !!x),
        ),
      ];
      const all = v.texts.join('\n');
      return {
        help:
          v.links.some((l) => helpUrls.has(l.replace(/\/$/, ''))) ||
          topics.includes('help') ||
          /\bHELP\b/.test(v.cardTitles.join('\n')),
        aideFinanciere: titles.some((title) => aidTitles.has(title)) || asked.includes('aide_financiere'),
        topics,
        outOfScope: outOfScope !== undefined && texts.some((text) => outOfScope.test(text)),
        bareNotUnderstood: texts.some((text) => text === notUnderstood) && v.buttons.length === 0,
        offered: [
          ...new Set(v.buttons.map((b) => labelToIntent.get(key(b))).filter((x): x is string => !!x)),
        ],
        line3114: /\b3114\b/.test(all),
        phoneLines: /\b3646\b/.test(all) && /\b3698\b/.test(all),
      };
    },
  };
}

// ------------------------------------------------------------------------------------------------ scoring

/** One message's result at either level. */
export interface Judged {
  item: CorpusItem;
  predicted: Observed;
  correct: boolean;
  /** HTTP level only. */
  classified?: Classified;
  /** Recognition level only: the top intent. */
  topIntent?: string;
}

/** Recognition level: the top intent, mapped to an outcome; a topic is right only when it is the item's intent. */
export function judgeIntent(item: CorpusItem, topIntent: string): Judged {
  const predicted = outcomeOfIntent(topIntent);
  const correct = predicted === item.outcome && (predicted !== 'topic' || topIntent === item.intent);
  return { item, predicted, correct, topIntent };
}

/**
 * HTTP level: did the bot do what the item's outcome asks? Words of self-harm are answered, as the product asks,
 * with the suicide-prevention line 3114 and the human contacts and no questionnaire: for those items that answer
 * is the help they need, so it is what counts (and a HELP questionnaire without the 3114 does not).
 */
export function judgeReplies(item: CorpusItem, c: Classified): Judged {
  if (item.selfharm) {
    return c.line3114
      ? { item, predicted: item.outcome, correct: true, classified: c }
      : { item, predicted: c.help ? 'help' : 'other', correct: false, classified: c };
  }
  const served: Record<Outcome, boolean> = {
    help: c.help,
    aide_financiere: c.aideFinanciere,
    topic: c.topics.includes(item.intent),
    out_of_scope: c.outOfScope,
  };
  if (served[item.outcome]) return { item, predicted: item.outcome, correct: true, classified: c };
  const predicted: Observed = c.help
    ? 'help'
    : c.aideFinanciere
      ? 'aide_financiere'
      : c.topics.length > 0
        ? 'topic'
        : c.outOfScope
          ? 'out_of_scope'
          : c.bareNotUnderstood
            ? 'not_understood'
            : 'other';
  return { item, predicted, correct: false, classified: c };
}

export interface Summary {
  n: number;
  accuracy: number;
  byOutcome: Record<string, { n: number; accuracy: number }>;
  byKind: Record<string, { n: number; accuracy: number }>;
  /** rows: expected outcome; columns: observed. */
  confusion: Record<string, Record<string, number>>;
  hardshipToHelp: { n: number; share: number };
  outOfScopeAnswered: { n: number; share: number };
  /** HTTP level only. */
  bareNotUnderstood?: { all: number; long: number; longN: number };
  selfharm3114?: { n: number; share: number };
  /** Items with other needs (`also`) where at least one was also served or offered (HTTP level). */
  alsoOffered?: { n: number; share: number };
}

const share = (xs: readonly Judged[], ok: (j: Judged) => boolean) => ({
  n: xs.length,
  share: xs.length === 0 ? NaN : xs.filter(ok).length / xs.length,
});

export const LONG_WORDS = 12;

export function summarise(judged: readonly Judged[], level: 'recognition' | 'http'): Summary {
  const group = (by: (j: Judged) => string) => {
    const out: Record<string, { n: number; accuracy: number }> = {};
    const keys = [...new Set(judged.map(by))].sort();
    for (const k of keys) {
      const xs = judged.filter((j) => by(j) === k);
      out[k] = { n: xs.length, accuracy: xs.filter((j) => j.correct).length / xs.length };
    }
    return out;
  };
  const confusion: Record<string, Record<string, number>> = {};
  for (const j of judged) {
    confusion[j.item.outcome] ??= {};
    confusion[j.item.outcome][j.predicted] = (confusion[j.item.outcome][j.predicted] ?? 0) + 1;
  }
  const summary: Summary = {
    n: judged.length,
    accuracy: judged.length === 0 ? NaN : judged.filter((j) => j.correct).length / judged.length,
    byOutcome: group((j) => j.item.outcome),
    byKind: group((j) => j.item.kind),
    confusion,
    hardshipToHelp: share(
      judged.filter((j) => j.item.hardship),
      // Self-harm: the 3114 and the human contacts are the help offered (see judgeReplies).
      (j) =>
        level === 'http'
          ? ((j.item.selfharm ? j.classified?.line3114 : j.classified?.help) ?? false)
          : j.predicted === 'help',
    ),
    outOfScopeAnswered: share(
      judged.filter((j) => j.item.outcome === 'out_of_scope'),
      (j) => (level === 'http' ? (j.classified?.outOfScope ?? false) : j.predicted === 'out_of_scope'),
    ),
  };
  if (level === 'http') {
    const long = judged.filter((j) => wordCount(j.item.text) >= LONG_WORDS);
    summary.bareNotUnderstood = {
      all: judged.filter((j) => j.classified?.bareNotUnderstood).length,
      long: long.filter((j) => j.classified?.bareNotUnderstood).length,
      longN: long.length,
    };
    summary.selfharm3114 = share(
      judged.filter((j) => j.item.selfharm),
      (j) => j.classified?.line3114 ?? false,
    );
    summary.alsoOffered = share(
      judged.filter((j) => (j.item.also ?? []).length > 0),
      (j) =>
        (j.item.also ?? []).some(
          (intent) =>
            j.classified?.topics.includes(intent) ||
            j.classified?.offered.includes(intent) ||
            (intent === 'help' && j.classified?.help) ||
            (intent === 'aide_financiere' && j.classified?.aideFinanciere),
        ),
    );
  }
  return summary;
}

/** Median and 99th percentile of a list of durations. */
export function percentiles(xs: readonly number[]): { median: number; p99: number } {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, p99: NaN };
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p99: at(0.99) };
}

/** The `count` longest messages (by characters), longest first. */
export function longest(items: readonly CorpusItem[], count: number): CorpusItem[] {
  return [...items].sort((a, b) => b.text.length - a.text.length).slice(0, count);
}

// ------------------------------------------------------------------------------------------------ HTTP

let conversations = 0;

/**
 * Sends `text` as the first message of a new conversation to a running bot (`POST /api/messages`,
 * `deliveryMode: expectReplies`, channel `webchat`) and returns its replies and the round-trip time.
 */
export async function askFresh(
  botUrl: string,
  text: string,
): Promise<{ activities: Partial<Activity>[]; ms: number }> {
  const id = `eval-${process.pid}-${++conversations}`;
  const activity = {
    type: 'message',
    text,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    from: { id: `dl_${id}`, name: 'Évaluation' },
    recipient: { id: 'bot', name: 'Relais Indé' },
    conversation: { id },
    id: `${id}-1`,
    timestamp: new Date().toISOString(),
  };
  const t0 = performance.now();
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await response.json()) as { activities?: Partial<Activity>[] };
  const ms = performance.now() - t0;
  if (!response.ok) throw new Error(`POST /api/messages: HTTP ${response.status}`);
  return { activities: body.activities ?? [], ms };
}

/**
 * The real bot for an evaluation: a free loopback port, silent, and without the misunderstood inbox (an evaluation
 * files nothing); `recognizer`: another recogniser than the default one (e.g. trained on a fold's files).
 */
export function startEvalBot(recognizer?: IntentRecognizer): Promise<StartedBot> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    MISUNDERSTOOD_INBOX: 'false',
  });
  return startBot(config, recognizer ? { recognizer } : {});
}

/** The reply classifier on the project's own knowledge base and French strings. */
export function projectClassifier(): ReplyClassifier {
  return replyClassifier(loadKnowledge(), translator('fr'), (key) => getI18n().exists(key, { lng: 'fr' }));
}

/**
 * What the bot did with each item: each text (after `transform`, e.g. lower case without accents) is the first
 * message of a fresh conversation (`askFresh`), its replies are classified and judged (`judgeReplies`). Which
 * recogniser answers is the running bot's: `startBot(config, { recognizer })` chooses it.
 */
export async function judgeOverHttp(
  botUrl: string,
  items: readonly CorpusItem[],
  classifier: ReplyClassifier,
  transform: (text: string) => string = (text) => text,
  onReply: (item: CorpusItem, activities: Partial<Activity>[], ms: number) => void = () => undefined,
): Promise<Judged[]> {
  const judged: Judged[] = [];
  for (const item of items) {
    const { activities, ms } = await askFresh(botUrl, transform(item.text));
    onReply(item, activities, ms);
    judged.push(judgeReplies(item, classifier.classify(activities)));
  }
  return judged;
}

/** What a classified reply did, in a few words (HELP, 3114, out-of-scope, bare, topics, offered buttons). */
export function describeClassified(c: Classified): string {
  const did = [
    c.help && 'HELP',
    c.line3114 && '3114',
    c.aideFinanciere && 'aide_financiere',
    c.outOfScope && 'out-of-scope',
    c.bareNotUnderstood && 'bare not-understood',
    ...c.topics.map((t) => `topic:${t}`),
    ...c.offered.map((t) => `offered:${t}`),
  ].filter((x): x is string => typeof x === 'string');
  return did.length > 0 ? did.join(', ') : 'nothing classified';
}

// ------------------------------------------------------------------------------------------------ report

export interface RealWorldColumn {
  /** "Relais Indé — what the bot did (HTTP)", "nlp.js — top intent"… */
  name: string;
  level: 'recognition' | 'http';
  summary: Summary;
  noAccent: Summary;
}

export interface RealWorldResults {
  corpus: Corpus;
  columns: RealWorldColumn[];
  /** Per system: recognition latency on the longest messages. */
  latency: {
    name: string;
    messages: number;
    samples: number;
    median: number;
    p99: number;
    minWords: number;
  }[];
  /** Relais Indé: HTTP round trip (recognition + dialogs + rendering) on the same messages. */
  httpLatency?: { median: number; p99: number; samples: number };
}

const pc = (x: number): string => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)} %`);
const frac = (s: { n: number; share: number }): string =>
  s.n === 0 ? 'n/a (none in the set)' : `${pc(s.share)} (${Math.round(s.share * s.n)}/${s.n})`;

/** The report's section for the real-world corpus; "not available" when the file does not exist. */
export function realWorldMarkdown(file: string, results: RealWorldResults | undefined): string[] {
  const md: string[] = ['## Real-world corpus (test part)', ''];
  if (!results) {
    md.push(
      `Not available: \`${file}\` does not exist in this checkout, so nothing was measured on it. When it exists, ` +
        'this section reports, for its `split: test` items only, both systems at the recognition level and what ' +
        'Relais Indé did over HTTP.',
      '',
    );
    return md;
  }
  const { corpus, columns } = results;
  const test = corpus.test;
  const count = (f: (i: CorpusItem) => boolean) => test.filter(f).length;
  md.push(
    `- File: \`${file}\`: ${corpus.counts.dev + corpus.counts.val + corpus.counts.test} messages, ${corpus.counts.dev} in the dev part, ` +
      `${corpus.counts.val} in the validation part and ` +
      `**${corpus.counts.test} in the test part**, the only ones measured here (${count((i) => i.kind === 'question')} questions, ` +
      `${count((i) => i.kind === 'testimony')} testimonies; ${count((i) => i.hardship)} hardship stories, ` +
      `${count((i) => i.selfharm)} with self-harm, ${count((i) => i.outcome === 'out_of_scope')} out of scope, ` +
      `${count((i) => wordCount(i.text) >= LONG_WORDS)} of ${LONG_WORDS} words or more).`,
  );
  if (corpus.description) md.push(`- What it is (from the file): ${corpus.description.trim()}`);
  md.push(
    `- How the split was made: ${corpus.splitMethod ? `« ${corpus.splitMethod.trim()} » (from the file); ` : ''}each message ` +
      'carries its part (`split: dev`, `val` or `test`) in the file, set by the corpus author before any ' +
      'measurement. The dev part may be looked at and trained on while improving the bot; the validation part ' +
      '(later gatherings, on new pages) is never trained on, only measured while tuning; **the test part is never trained or ' +
      'tuned on**: no training file contains it, and this script only reads it to report.',
    '- Outcomes: `help` (HELP offered), `aide_financiere` (the aide-financière journey or its aids), `topic` (the ' +
      "answer of the message's own intent), `out_of_scope` (an honest « ce n'est pas mon domaine »).",
    '- **Recognition level** (both systems, same training files): the top intent mapped to an outcome — help→help, ' +
      'aide_financiere→aide_financiere, None→out_of_scope, any other→topic (right only if it is the intent).',
    '- **What the bot did (HTTP)**: each message is the first message of a fresh conversation sent to the real ' +
      'server (`POST /api/messages`, `deliveryMode: expectReplies`); its visible replies (texts, card texts, ' +
      'buttons, links) are classified: HELP offered = the HELP questionnaire link (knowledge/help.yaml) or a HELP ' +
      "card; aide_financiere = a question of the orientation tree or an aid's card; topic X = the card of one of " +
      "X's entries (titles from the knowledge base), the first question of X's journey, or for `contact` the " +
      "advisers' contacts card; out_of_scope = the " +
      '`main.outOfScope` text; bare not-understood = `main.notUnderstood1` with no button at all; anything else ' +
      'is `other` (e.g. a question « A ou B ? », a menu, guesses offered as buttons).',
    '',
  );
  const head = `| measure | ${columns.map((c) => c.name).join(' | ')} |`;
  const sep = `|---|${columns.map(() => '---:').join('|')}|`;
  const row = (label: string, get: (c: RealWorldColumn) => string) =>
    md.push(`| ${label} | ${columns.map(get).join(' | ')} |`);
  md.push(head, sep);
  row('accuracy (outcome served)', (c) => pc(c.summary.accuracy));
  row('accuracy, lower case without accents', (c) => pc(c.noAccent.accuracy));
  for (const outcome of OUTCOMES) {
    row(`— expected \`${outcome}\``, (c) => {
      const x = c.summary.byOutcome[outcome];
      return x ? `${pc(x.accuracy)} (n=${x.n})` : 'n/a';
    });
    row(`— expected \`${outcome}\`, no accents`, (c) => {
      const x = c.noAccent.byOutcome[outcome];
      return x ? pc(x.accuracy) : 'n/a';
    });
  }
  for (const [kind, plural] of [
    ['question', 'questions'],
    ['testimony', 'testimonies'],
  ]) {
    row(`— ${plural}`, (c) => {
      const x = c.summary.byKind[kind];
      return x ? `${pc(x.accuracy)} (n=${x.n})` : 'n/a';
    });
  }
  row('hardship stories that reached HELP (self-harm: the 3114)', (c) => frac(c.summary.hardshipToHelp));
  row('hardship stories that reached HELP, no accents', (c) => frac(c.noAccent.hardshipToHelp));
  row('out-of-scope messages answered as such', (c) => frac(c.summary.outOfScopeAnswered));
  row('bare « not understood » answers (all messages)', (c) =>
    c.summary.bareNotUnderstood ? `${c.summary.bareNotUnderstood.all} / ${c.summary.n}` : 'n/a (no dialogs)',
  );
  row(`bare « not understood » answers (messages of ≥ ${LONG_WORDS} words)`, (c) =>
    c.summary.bareNotUnderstood
      ? `${c.summary.bareNotUnderstood.long} / ${c.summary.bareNotUnderstood.longN}`
      : 'n/a (no dialogs)',
  );
  row('self-harm messages shown the 3114', (c) =>
    c.summary.selfharm3114 ? frac(c.summary.selfharm3114) : 'n/a (no dialogs)',
  );
  row('several needs: another need also served or offered', (c) =>
    c.summary.alsoOffered ? frac(c.summary.alsoOffered) : 'n/a (no dialogs)',
  );
  md.push('');

  for (const c of columns) {
    md.push(`### Confusion matrix — ${c.name}`, '', 'Rows: expected outcome; columns: what happened.', '');
    md.push(
      `| expected \\ observed | ${OBSERVED.join(' | ')} |`,
      `|---|${OBSERVED.map(() => '---:').join('|')}|`,
    );
    for (const outcome of OUTCOMES) {
      const cells = OBSERVED.map((o) => String(c.summary.confusion[outcome]?.[o] ?? 0));
      md.push(`| ${outcome} | ${cells.join(' | ')} |`);
    }
    md.push('');
  }

  md.push('### Recognition latency on the longest messages', '');
  md.push('| system | messages (≥ words) | samples | median | p99 |', '|---|---:|---:|---:|---:|');
  for (const l of results.latency) {
    md.push(
      `| ${l.name} | ${l.messages} (≥ ${l.minWords}) | ${l.samples} | ${l.median.toFixed(3)} ms | ${l.p99.toFixed(3)} ms |`,
    );
  }
  if (results.httpLatency) {
    md.push(
      `| Relais Indé, whole HTTP turn (all test messages) | ${test.length} | ${results.httpLatency.samples} | ${results.httpLatency.median.toFixed(1)} ms | ${results.httpLatency.p99.toFixed(1)} ms |`,
    );
  }
  md.push('');
  return md;
}
