/**
 * Talk to Relais Indé in a terminal: `npm run chat` (in-process bot) or `npm run chat -- --url http://host:port`
 * (a running bot). Messages go over HTTP to /api/messages with `deliveryMode: "expectReplies"`, the same path as
 * real clients. The choices of the question asked are numbered: type the number or the text (numbered as the bot reads
 * a typed number: « 1 » is the question's first option); other buttons are shown with ▸: type their text. Works
 * with piped input, e.g.
 * `printf 'bonjour\n1\n' | npm run chat --silent`, and exits at the end of input.
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { Activity } from 'botbuilder';
import { type Choice, renderActivities, resolveInput } from '../bot/channels/textRenderer';

const USAGE = `Usage: npm run chat [-- options]

  --url <http://host:port>   talk to a running bot instead of starting one in this process
  --channel <id>             channel id to present (default: console; try msteams or emulator)
  --locale <locale>          activity locale (default: fr-FR)
  --trace                    show the recogniser traces (channel emulator only)
  --help                     this help

While chatting: type a message, or the number of a choice of the question asked (other buttons, shown with ▸:
type their text). /nouveau starts a new conversation, /quitter ends.`;

interface Options {
  url?: string;
  channel: string;
  locale: string;
  trace: boolean;
}

function parseOptions(argv: string[]): Options | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      channel: { type: 'string', default: 'console' },
      locale: { type: 'string', default: 'fr-FR' },
      trace: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return undefined;
  return { url: values.url, channel: values.channel, locale: values.locale, trace: values.trace };
}

/** One conversation with the bot over HTTP, replies returned in the response body. */
class Conversation {
  private id = `terminal-${randomUUID()}`;
  private counter = 0;
  private readonly user = { id: 'terminal-user', name: 'Vous' };
  private readonly bot = { id: 'relais-inde', name: 'Relais Indé' };

  constructor(
    private readonly endpoint: string,
    private readonly options: Options,
  ) {}

  restart(): void {
    this.id = `terminal-${randomUUID()}`;
  }

  private activity(partial: Partial<Activity>): Partial<Activity> {
    return {
      channelId: this.options.channel,
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      locale: this.options.locale,
      from: this.user,
      recipient: this.bot,
      conversation: { id: this.id, isGroup: false, conversationType: 'personal', name: '' },
      id: `terminal-${++this.counter}`,
      timestamp: new Date(),
      ...partial,
    };
  }

  join(): Promise<Activity[]> {
    return this.post(this.activity({ type: 'conversationUpdate', membersAdded: [this.user, this.bot] }));
  }

  say(message: { text?: string; value?: unknown }): Promise<Activity[]> {
    return this.post(this.activity({ type: 'message', text: message.text ?? '', value: message.value }));
  }

  private async post(activity: Partial<Activity>): Promise<Activity[]> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await response.text();
    if (!response.ok)
      throw new Error(`the bot answered HTTP ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    const parsed: unknown = body ? JSON.parse(body) : {};
    const activities = (parsed as { activities?: unknown }).activities;
    return Array.isArray(activities) ? (activities as Activity[]) : [];
  }
}

async function startInProcessBot(): Promise<{ url: string; close: () => Promise<void> }> {
  // Loaded here, after the environment flag above; settings are fixed so that a local `.env` (an app id, a
  // port in use, debug logs) cannot get in the way of a terminal session.
  const { loadConfig } = await import('../bot/config');
  const { startBot } = await import('../bot/main');
  const config = { ...loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' }), PORT: 0 };
  const started = await startBot(config);
  return { url: started.url, close: () => started.close() };
}

async function main(): Promise<number> {
  let options: Options | undefined;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const interactive = process.stdin.isTTY === true;
  const rl = readline.createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
  });
  // Taken before the first await: with piped input, the lines read while the bot starts are kept, not lost.
  const lines = rl[Symbol.asyncIterator]();
  // This terminal is the conversation: keep libraries' console notices (i18next's banner) and Node's
  // deprecation warnings (from restify's dependencies) out of it. The bot's own logs are silenced by its config.
  console.info = () => undefined;
  (process as NodeJS.Process & { noDeprecation?: boolean }).noDeprecation = true;

  const server = options.url ? undefined : await startInProcessBot();
  const base = (options.url ?? server?.url ?? '').replace(/\/+$/, '');
  const conversation = new Conversation(`${base}/api/messages`, options);
  const out = (text: string[]): void => {
    if (text.length > 0) process.stdout.write(`${text.join('\n')}\n`);
  };
  let choices: Choice[] = [];
  let others: Choice[] = [];
  const show = (activities: Activity[]): void => {
    const rendered = renderActivities(activities, { botName: 'Relais Indé', showTraces: options.trace });
    out(rendered.lines);
    // A reply without choices (a plain answer) keeps the previous ones usable.
    if (rendered.choices.length > 0) {
      choices = rendered.choices;
      others = rendered.others;
    }
  };

  try {
    show(await conversation.join());
    if (interactive) {
      rl.setPrompt('vous > ');
      rl.prompt();
    }
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = next.value.trim();
      if (line === '') {
        if (interactive) rl.prompt();
        continue;
      }
      if (!interactive) out([`> ${line}`]);
      if (line === '/quitter' || line === '/quit') break;
      if (line === '/nouveau' || line === '/new') {
        conversation.restart();
        choices = [];
        others = [];
        show(await conversation.join());
      } else {
        show(await conversation.say(resolveInput(line, choices, others)));
      }
      if (interactive) rl.prompt();
    }
    return 0;
  } finally {
    rl.close();
    await server?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
