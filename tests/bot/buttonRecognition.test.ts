/**
 * bot/buttonRecognition.ts: a message whose text is one of the bot's own buttons is recognised once per text;
 * whatever a person types is recognised at every turn.
 */
import { ActionTypes, type Activity, CardFactory, MessageFactory } from 'botbuilder';
import { ButtonRecognition, buttonTexts } from '../../bot/buttonRecognition';
import { loadConfig } from '../../bot/config';
import { startBot } from '../../bot/main';
import { getRecognizer } from '../../nlu';
import { imBackAction } from '../../dialogs/cards/adaptive';
import type { IntentRecognizer, RecognitionLike } from '../../dialogs/ports';
import { emulatorActivity, postActivity, replyTexts, suggestedTitles } from '../helpers/httpBot';

function counting(): { recognizer: IntentRecognizer; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    recognizer: {
      recognize(text: string): RecognitionLike {
        calls.push(text);
        return {
          text,
          normalized: text.toLowerCase(),
          intents: { aide_financiere: { score: 0.9 } },
          topIntent: 'aide_financiere',
          score: 0.9,
          entities: { difficultes: ['cotisations'] },
          distress: { level: 'none', signals: [] },
          selfHarm: false,
        } as unknown as RecognitionLike;
      },
    },
  };
}

describe('recognition of button clicks', () => {
  it('recognises an offered button text once, then gives the same result, which nobody can change', () => {
    const { recognizer, calls } = counting();
    const buttons = new ButtonRecognition(recognizer);
    buttons.offer(['Demander une aide financière']);
    const first = buttons.recognize('Demander une aide financière');
    const second = buttons.recognize('Demander une aide financière');
    expect(second).toBe(first);
    expect(calls).toEqual(['Demander une aide financière']);
    expect(first.topIntent).toBe('aide_financiere');
    expect(() => (first.entities.difficultes as string[]).push('x')).toThrow(TypeError);
  });

  it('recognises typed text at every turn', () => {
    const { recognizer, calls } = counting();
    const buttons = new ButtonRecognition(recognizer);
    buttons.offer(['Oui']);
    buttons.recognize("j'ai besoin d'une aide");
    buttons.recognize("j'ai besoin d'une aide");
    buttons.recognize('oui'); // not the button's exact text
    expect(calls).toEqual(["j'ai besoin d'une aide", "j'ai besoin d'une aide", 'oui']);
  });

  it('keeps a bounded number of texts', () => {
    const { recognizer, calls } = counting();
    const buttons = new ButtonRecognition(recognizer, 2);
    buttons.offer(['a', 'b', 'c']);
    buttons.recognize('a'); // forgotten when 'c' was offered past the bound
    buttons.recognize('c');
    buttons.recognize('c');
    expect(calls).toEqual(['a', 'c']);
  });

  it('reads the texts of suggested actions and of cards’ imBack buttons', () => {
    const suggested = MessageFactory.suggestedActions(
      [
        { type: ActionTypes.ImBack, title: 'Oui', value: 'Oui' },
        { type: ActionTypes.OpenUrl, title: 'Site', value: 'https://example.org' },
      ],
      'Question ?',
    );
    const card = MessageFactory.attachment(
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        body: [],
        actions: [imBackAction('Demander une aide financière'), { type: 'Action.OpenUrl', url: 'x' }],
      }),
    );
    expect(buttonTexts(suggested as Partial<Activity>)).toEqual(['Oui']);
    expect(buttonTexts(card as Partial<Activity>)).toEqual(['Demander une aide financière']);
    expect(buttonTexts({ type: 'message', text: 'x' })).toEqual([]);
  });
});

describe('the welcome menu’s labels, typed before any welcome', () => {
  it('are read once for all, as a click on them, with the same answer in every conversation', async () => {
    const real = getRecognizer();
    const calls: string[] = [];
    const recognizer: IntentRecognizer = {
      recognize(text, options) {
        calls.push(text);
        return real.recognize(text, options);
      },
    };
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const bot = await startBot(config, { recognizer });
    try {
      const answers: string[][] = [];
      for (const conversation of ['menu-typed-1', 'menu-typed-2']) {
        // A new conversation whose client sent no conversationUpdate: no welcome, the label typed first.
        const { status, activities } = await postActivity(
          bot,
          emulatorActivity({ text: 'Demander une aide financière' }, conversation),
        );
        expect(status).toBe(200);
        answers.push([...replyTexts(activities), ...suggestedTitles(activities)]);
      }
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[0]).toContain('Je suis en activité');
      expect(calls.filter((text) => text === 'Demander une aide financière')).toHaveLength(1);
      // Anything else typed is read at every turn.
      await postActivity(bot, emulatorActivity({ text: 'je voudrais une aide financière' }, 'typed-1'));
      await postActivity(bot, emulatorActivity({ text: 'je voudrais une aide financière' }, 'typed-2'));
      expect(calls.filter((text) => text === 'je voudrais une aide financière')).toHaveLength(2);
    } finally {
      await bot.close();
    }
  });
});
