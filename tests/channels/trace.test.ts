import type { Activity } from 'botbuilder';
import { RECOGNIZER_TRACE_LABEL, RECOGNIZER_TRACE_TYPE, toRecognizerResult } from '../../bot/channels/trace';
import type { StartedBot } from '../../bot/main';
import type { RecognitionLike } from '../../dialogs/ports';
import { emulatorActivity, postActivity, startTestBot } from '../helpers/httpBot';
import { teamsActivity } from './fixtures';

interface TraceValue {
  recognizerResult: {
    text: string;
    alteredText?: string;
    intents: Record<string, { score: number }>;
    entities: Record<string, unknown>;
  };
}

const traces = (activities: Activity[]) => activities.filter((a) => a.type === 'trace');

describe('recogniser trace for the Bot Framework Emulator', () => {
  let bot: StartedBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('follows each message on the emulator channel, in the LUIS RecognizerResult shape', async () => {
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'je suis enceinte' }));
    const [trace, ...others] = traces(activities);
    expect(others).toEqual([]);
    expect(trace).toMatchObject({ valueType: RECOGNIZER_TRACE_TYPE, label: RECOGNIZER_TRACE_LABEL });
    const result = (trace?.value as TraceValue).recognizerResult;
    expect(result.text).toBe('je suis enceinte');
    expect(Object.keys(result.intents).length).toBeGreaterThan(0);
    for (const intent of Object.values(result.intents)) {
      expect(intent.score).toBeGreaterThanOrEqual(0);
      expect(intent.score).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(result.intents)[0]).toBe('maternite');
    expect(typeof result.entities).toBe('object');
    // The trace comes before the answer, which still arrives.
    expect(activities.findIndex((a) => a.type === 'message')).toBeGreaterThan(
      activities.indexOf(trace as Activity),
    );
  });

  it('carries alteredText when the recogniser normalised the text', async () => {
    const { activities } = await postActivity(bot, emulatorActivity({ text: 'jsuis enceinte' }));
    const result = (traces(activities)[0]?.value as TraceValue).recognizerResult;
    expect(result.text).toBe('jsuis enceinte');
    expect(result.alteredText).toBeDefined();
    expect(result.alteredText).not.toBe(result.text);
  });

  it('is never sent on webchat', async () => {
    const { activities } = await postActivity(bot, {
      ...emulatorActivity({ text: 'je suis enceinte' }),
      channelId: 'webchat',
    });
    expect(activities.some((a) => a.type === 'message')).toBe(true);
    expect(traces(activities)).toEqual([]);
  });

  it('is never sent on msteams', async () => {
    const { activities } = await postActivity(bot, teamsActivity({ text: 'je suis enceinte' }));
    expect(activities.some((a) => a.type === 'message')).toBe(true);
    expect(traces(activities)).toEqual([]);
  });
});

describe('toRecognizerResult', () => {
  const recognition: RecognitionLike = {
    text: 'jsuis enceinte',
    normalized: 'je suis enceinte',
    alteredText: 'je suis enceinte',
    intents: { help: { score: 0.1 }, maternite: { score: 0.8 } },
    topIntent: 'maternite',
    score: 0.8,
    entities: { situation: 'actif' },
    distress: { level: 'none', signals: [], need: 'help' },
    selfHarm: false,
  };

  it('keeps text, alteredText, entities, and lists intents best first', () => {
    const result = toRecognizerResult(recognition);
    expect(result).toEqual({
      text: 'jsuis enceinte',
      alteredText: 'je suis enceinte',
      intents: { maternite: { score: 0.8 }, help: { score: 0.1 } },
      entities: { situation: 'actif' },
    });
    expect(Object.keys(result.intents)).toEqual(['maternite', 'help']);
  });

  it('puts None first when the threshold turned a weak intent into None', () => {
    const weak: RecognitionLike = {
      text: 'je voudrais des informations',
      normalized: 'je voudrais des informations',
      intents: { help: { score: 0.25 }, maternite: { score: 0.2 }, None: { score: 0.1 } },
      topIntent: 'None',
      score: 0.75,
      entities: {},
      distress: { level: 'none', signals: [], need: 'help' },
      selfHarm: false,
    };
    const result = toRecognizerResult(weak);
    expect(Object.keys(result.intents)[0]).toBe('None');
    expect(result.intents.None).toEqual({ score: 0.75 });
  });

  it('has no alteredText when the text was not changed', () => {
    const { alteredText: _unused, ...unchanged } = recognition;
    expect('alteredText' in toRecognizerResult({ ...unchanged, text: 'menu', normalized: 'menu' })).toBe(
      false,
    );
  });
});
