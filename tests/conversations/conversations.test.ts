/**
 * End-to-end conversations through the HTTP endpoint (`deliveryMode: expectReplies`), one YAML file each in
 * `tests/conversations/data/`: what the person says, what must (and must not) appear in the bot's replies.
 * The replies are rendered to text with `bot/channels/textRenderer.ts` (texts, suggested actions, Adaptive Card
 * TextBlocks, FactSets, links with their URLs), so a card title, a figure or a link is searchable as a substring.
 * A turn whose `user` text is a number picks that choice of the previous replies, as the terminal chat does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Choice, renderActivities, resolveInput } from '../../bot/channels/textRenderer';
import type { StartedBot } from '../../bot/main';
import { postActivity, startTestBot } from '../helpers/httpBot';

const DATA_DIR = path.join(__dirname, 'data');
const MIN_CONVERSATIONS = 30;

const checks = {
  expect: z.array(z.string().min(1)).optional(),
  expectRegex: z.array(z.string().min(1)).optional(),
  notExpect: z.array(z.string().min(1)).optional(),
};

/** A turn is either what the person says (`user`) or the opening of the conversation (`event`). */
const Turn = z
  .strictObject({
    user: z.string().min(1).optional(),
    event: z.literal('conversationUpdate').optional(),
    ...checks,
  })
  .refine((turn) => (turn.user === undefined) !== (turn.event === undefined), {
    message: 'a turn needs exactly one of `user` or `event: conversationUpdate`',
  })
  .refine((turn) => (turn.expect?.length ?? 0) + (turn.expectRegex?.length ?? 0) > 0, {
    message: 'a turn must assert something: `expect` or `expectRegex`',
  });

const ConversationFile = z.strictObject({
  name: z.string().min(1),
  channel: z.enum(['emulator', 'webchat', 'msteams']).default('emulator'),
  locale: z.enum(['fr-FR', 'en-US']).default('fr-FR'),
  context: z
    .strictObject({
      prenom: z.string().optional(),
      statut: z.string().optional(),
      departement: z.string().optional(),
    })
    .optional(),
  skip: z.string().min(1).optional(),
  turns: z.array(Turn).min(1),
});

type Conversation = z.infer<typeof ConversationFile>;
type TurnSpec = z.infer<typeof Turn>;

interface LoadedFile {
  file: string;
  conversation?: Conversation;
  error?: string;
}

function loadFiles(): LoadedFile[] {
  return readdirSync(DATA_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => {
      try {
        const result = ConversationFile.safeParse(parse(readFileSync(path.join(DATA_DIR, file), 'utf8')));
        if (result.success) return { file, conversation: result.data };
        return { file, error: z.prettifyError(result.error) };
      } catch (error) {
        return { file, error: (error as Error).message };
      }
    });
}

const FILES = loadFiles();

let counter = 0;

/** The shape of an activity as the given channel sends it, replies asked in the response body. */
function baseActivity(c: Conversation, conversationId: string, userId: string): Partial<Activity> {
  const teams = c.channel === 'msteams';
  return {
    channelId: c.channel,
    serviceUrl: teams ? 'https://smba.trafficmanager.net/emea/' : 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    locale: c.locale,
    from: teams
      ? { id: `29:${userId}`, name: 'Utilisateur', aadObjectId: userId }
      : { id: userId, name: 'Utilisateur' },
    recipient: { id: 'bot', name: 'Relais Indé' },
    conversation: {
      id: conversationId,
      isGroup: false,
      conversationType: 'personal',
      name: '',
      ...(teams ? { tenantId: 'tenant-1' } : {}),
    },
    ...(teams ? { channelData: { tenant: { id: 'tenant-1' } } } : {}),
    id: `act-${++counter}`,
    timestamp: new Date(),
  } as Partial<Activity>;
}

function describeTurn(turn: TurnSpec): string {
  return turn.user !== undefined ? `user: ${JSON.stringify(turn.user)}` : `event: ${turn.event}`;
}

/** The assertion failures of one turn, as readable lines. */
function checkTurn(turn: TurnSpec, shown: string): string[] {
  const problems: string[] = [];
  for (const wanted of turn.expect ?? [])
    if (!shown.includes(wanted)) problems.push(`missing: ${JSON.stringify(wanted)}`);
  for (const pattern of turn.expectRegex ?? []) {
    if (!new RegExp(pattern, 'u').test(shown)) problems.push(`no match for /${pattern}/`);
  }
  for (const unwanted of turn.notExpect ?? []) {
    if (shown.includes(unwanted)) problems.push(`unexpected: ${JSON.stringify(unwanted)}`);
  }
  return problems;
}

async function runConversation(bot: StartedBot, file: string, c: Conversation): Promise<void> {
  const slug = file.replace(/\.ya?ml$/, '');
  const conversationId = `conversation-${slug}-${Date.now()}`;
  const userId = `user-${slug}`;
  const post = async (activity: Partial<Activity>, label: string): Promise<Activity[]> => {
    const { status, activities } = await postActivity(bot, activity);
    if (status !== 200) throw new Error(`${file}, ${label}: HTTP ${status}`);
    return activities;
  };

  if (c.context) {
    await post(
      { ...baseActivity(c, conversationId, userId), type: 'event', name: 'context', value: c.context },
      'context event',
    );
  }

  let choices: Choice[] = [];
  let others: Choice[] = [];
  for (const [index, turn] of c.turns.entries()) {
    const base = baseActivity(c, conversationId, userId);
    const label = `turn ${index + 1} (${describeTurn(turn)})`;
    const activity: Partial<Activity> =
      turn.user !== undefined
        ? { ...base, type: 'message', ...resolveInput(turn.user, choices, others) }
        : {
            ...base,
            type: 'conversationUpdate',
            membersAdded: [base.from!, { id: 'bot', name: 'Relais Indé' }],
          };
    const replies = await post(activity, label);
    const rendered = renderActivities(replies);
    choices = rendered.choices;
    others = rendered.others;
    const shown = rendered.lines.join('\n');
    const problems = checkTurn(turn, shown);
    if (problems.length > 0) {
      throw new Error(
        [
          `${file}, ${label}:`,
          ...problems.map((p) => `  - ${p}`),
          '--- replies rendered as text ---',
          shown || '(no reply)',
          '--------------------------------',
        ].join('\n'),
      );
    }
  }
}

describe('conversations through the HTTP endpoint (tests/conversations/data)', () => {
  let bot: StartedBot;

  beforeAll(async () => {
    bot = await startTestBot();
  });

  afterAll(async () => {
    await bot.close();
  });

  it(`has at least ${MIN_CONVERSATIONS} conversation files`, () => {
    expect(FILES.length).toBeGreaterThanOrEqual(MIN_CONVERSATIONS);
  });

  it('has only valid conversation files', () => {
    const invalid = FILES.filter((f) => f.error).map((f) => `${f.file}:\n${f.error}`);
    expect(invalid).toEqual([]);
  });

  it('has one unique name per conversation', () => {
    const names = FILES.flatMap((f) => (f.conversation ? [f.conversation.name] : []));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  for (const { file, conversation } of FILES) {
    if (!conversation) continue;
    const title = `${file}: ${conversation.name}`;
    const run = conversation.skip ? it.skip : it;
    run(conversation.skip ? `${title} (skipped: ${conversation.skip})` : title, async () => {
      await runConversation(bot, file, conversation);
    });
  }
});
