import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { StartedBot } from '../../bot/main';
import { getI18n, translator } from '../../dialogs/i18n';
import { loadKnowledge } from '../../knowledge/loader';
import {
  askFresh,
  type Classified,
  corpusItemSchema,
  judgeIntent,
  judgeReplies,
  loadCorpus,
  outcomeOfIntent,
  realWorldMarkdown,
  replyClassifier,
  summarise,
} from '../../scripts/realWorld';
import { startTestBot } from '../helpers/httpBot';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'real-world.sample.fr.yaml');
const knowledge = loadKnowledge();
const t = translator('fr');
const exists = (key: string) => getI18n().exists(key, { lng: 'fr' });
const classifier = replyClassifier(knowledge, t, exists);

const message = (partial: Partial<Activity>): Partial<Activity> => ({ type: 'message', ...partial });

describe('real-world corpus (nlu:eval)', () => {
  it('judges words of self-harm by the 3114 (the crisis answer has no questionnaire), not by the HELP card', () => {
    const item = corpusItemSchema.parse({
      id: 'x1',
      split: 'test',
      kind: 'testimony',
      text: "je n'en peux plus, j'ai envie d'en finir",
      source: 'https://example.org',
      intent: 'help',
      outcome: 'help',
      hardship: true,
      selfharm: true,
    });
    const none: Classified = {
      help: false,
      aideFinanciere: false,
      topics: [],
      outOfScope: false,
      bareNotUnderstood: false,
      offered: [],
      line3114: false,
      phoneLines: false,
    };
    expect(judgeReplies(item, { ...none, line3114: true, phoneLines: true }).correct).toBe(true);
    expect(judgeReplies(item, { ...none, help: true, phoneLines: true }).correct).toBe(false);
    expect(summarise([judgeReplies(item, { ...none, line3114: true })], 'http').hardshipToHelp.share).toBe(1);
    expect(summarise([judgeReplies(item, { ...none, help: true })], 'http').hardshipToHelp.share).toBe(0);
  });

  it('reads only the test part, and is "not available" when the file is missing', () => {
    const corpus = loadCorpus(SAMPLE);
    expect(corpus?.counts).toEqual({ dev: 2, val: 0, test: 8 });
    expect(corpus?.test.every((i) => i.split === 'test')).toBe(true);
    expect(loadCorpus(path.join(__dirname, 'no-such-file.yaml'))).toBeUndefined();
    expect(realWorldMarkdown('tests/nlu/real-world.fr.yaml', undefined).join('\n')).toMatch(
      /Not available: `tests\/nlu\/real-world\.fr\.yaml` does not exist/,
    );
  });

  it('rejects a malformed corpus, naming the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'corpus-'));
    try {
      const file = path.join(dir, 'bad.yaml');
      writeFileSync(
        file,
        'items:\n  - {id: 1, kind: question, text: x, intent: None, outcome: maybe, split: test}\n',
      );
      expect(() => loadCorpus(file)).toThrow(/items\.0\.outcome/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('maps a top intent to an outcome; a topic is right only when it is the expected intent', () => {
    expect(['help', 'aide_financiere', 'None', 'carte_vitale'].map(outcomeOfIntent)).toEqual([
      'help',
      'aide_financiere',
      'out_of_scope',
      'topic',
    ]);
    const item = loadCorpus(SAMPLE)?.test.find((i) => i.intent === 'carte_vitale');
    if (!item) throw new Error('sample changed');
    expect(judgeIntent(item, 'carte_vitale').correct).toBe(true);
    expect(judgeIntent(item, 'compte_ameli')).toMatchObject({ predicted: 'topic', correct: false });
  });

  it('classifies replies from what is visible: bare not-understood, buttons, the out-of-scope text', () => {
    const bare = classifier.classify([message({ text: t('main.notUnderstood1') })]);
    expect(bare.bareNotUnderstood).toBe(true);
    const withGuesses = classifier.classify([
      message({
        text: t('main.notUnderstood1'),
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'La carte Vitale', value: 'x' }] },
      }),
    ]);
    expect(withGuesses.bareNotUnderstood).toBe(false);
    expect(withGuesses.offered).toEqual(['carte_vitale']);
    // The out-of-scope text is whatever `main.outOfScope` says (a stand-in here, whether or not the key exists yet).
    const fake = ((key: string, options?: unknown) =>
      key === 'main.outOfScope'
        ? "Ce n'est pas mon domaine : je ne peux pas vous répondre sur {{domain}}. Je renseigne…"
        : t(key, options as never)) as unknown as TFunction;
    const oos = replyClassifier(knowledge, fake, () => true).classify([
      message({ text: 'Ce n’est pas mon domaine : je ne peux pas vous répondre sur la TVA. Je renseigne…' }),
    ]);
    expect(oos.outOfScope).toBe(true);
    const other = replyClassifier(knowledge, fake, () => true).classify([
      message({ text: 'Je ne peux pas vous répondre.' }),
    ]);
    expect(other.outOfScope).toBe(false);
    expect(classifier.classify([message({ text: 'Bonjour' })])).toMatchObject({
      outOfScope: false,
      bareNotUnderstood: false,
      help: false,
      aideFinanciere: false,
      topics: [],
    });
  });

  describe('against the real bot over HTTP (fresh conversation per message)', () => {
    let bot: StartedBot;
    beforeAll(async () => {
      bot = await startTestBot({ MISUNDERSTOOD_INBOX: 'false' });
    });
    afterAll(async () => bot?.close());

    const ask = async (text: string) => classifier.classify((await askFresh(bot.url, text)).activities);

    it('sees a topic answer card, the aide-financière journey, HELP', async () => {
      expect((await ask("j'ai perdu ma carte vitale")).topics).toContain('carte_vitale');
      // A journey's first question counts as its topic (maternité asks before it answers), not as aide financière.
      const maternity = await ask("je suis enceinte, j'ai droit à quoi ?");
      expect(maternity.topics).toEqual(['maternite']);
      expect(maternity.aideFinanciere).toBe(false);
      const aid = await ask('je voudrais demander une aide financière');
      expect(aid.aideFinanciere).toBe(true);
      expect(aid.help).toBe(false);
      expect((await ask('je voudrais faire une demande HELP')).help).toBe(true);
    });

    it("sees the advisers' contacts card as the answer of `contact`, beside the HELP link it carries", async () => {
      const contact = await ask("comment joindre l'urssaf par téléphone ?");
      expect(contact.topics).toEqual(['contact']);
      expect(contact.phoneLines).toBe(true);
      // The HELP offer's own phone lines are not that answer.
      expect((await ask('je voudrais faire une demande HELP')).topics).not.toContain('contact');
    });

    it('scores the sample corpus end to end', async () => {
      const corpus = loadCorpus(SAMPLE);
      if (!corpus) throw new Error('sample missing');
      const judged = [];
      for (const item of corpus.test) judged.push(judgeReplies(item, await ask(item.text)));
      const summary = summarise(judged, 'http');
      expect(summary.n).toBe(8);
      const carte = judged.find((j) => j.item.intent === 'carte_vitale');
      expect(carte).toMatchObject({ predicted: 'topic', correct: true });
      const total = Object.values(summary.confusion).reduce(
        (n, row) => n + Object.values(row).reduce((a, b) => a + b, 0),
        0,
      );
      expect(total).toBe(8);
      // s03, s05, s06, s08 and s01 have 12 words or more.
      expect(summary.bareNotUnderstood?.longN).toBe(5);
    });
  });
});
