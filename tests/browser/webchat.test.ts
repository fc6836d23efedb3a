import { tmpdir } from 'node:os';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { loadConfig } from '../../bot/config';
import { startBot, type StartedBot } from '../../bot/main';
import { MENU_FR } from '../helpers/expected';

/**
 * The portal page in a real browser: Debian's Chromium driven by playwright-core, against the real server (the
 * same `startBot` as `npm start`), Web Chat talking to the embedded Direct Line endpoint over its WebSocket.
 */
const CHROMIUM = '/usr/bin/chromium';
// The README's picture is refreshed on demand only (UPDATE_SCREENSHOTS=1): a test run leaves the tree as it found it.
const SCREENSHOT =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? join(__dirname, '..', '..', 'docs', 'screenshots', 'webchat.png')
    : join(tmpdir(), 'relais-inde-webchat.png');
const FORM_LINKS = [
  /secu-independants\.fr\/demander-une-aide/,
  /ameli\.fr\/[^"']*formulaire|ameli\.fr\/[^"']*\.pdf/i,
];
const MENU_LABELS = MENU_FR;
/** axe-core, pinned in package.json, injected into the page. */
const AXE = require.resolve('axe-core/axe.min.js');
/** WCAG 2.1 A and AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The HELP questionnaire's link, read from the knowledge base (knowledge/help.yaml), not written here. */
const HELP_QUESTIONNAIRE_URL = (() => {
  const doc = parse(readFileSync(join(__dirname, '..', '..', 'knowledge', 'help.yaml'), 'utf8')) as {
    entries: { id: string; links?: { url: string }[] }[];
  };
  const url = doc.entries.find((e) => e.id === 'help-questionnaire')?.links?.[0]?.url;
  if (!url) throw new Error('knowledge/help.yaml: help-questionnaire has no link');
  return url;
})();
/** Someone in distress writing a long story in their own words (no keyword such as « HELP » or « aide »). */
const DISTRESS_STORY =
  "Bonjour, je suis menuisier à mon compte depuis douze ans. Depuis l'été les chantiers se sont arrêtés, " +
  "je n'arrive plus à payer les courses ni le fioul pour chauffer la maison, et les enfants ont froid le soir. " +
  "J'ai reçu deux lettres d'huissier la semaine dernière pour des factures en retard. Je dors trois heures par " +
  'nuit, je suis épuisé et je ne sais plus du tout vers qui me tourner.';
/** Buttons the journey walker never clicks: they leave the journey. */
const LEAVING = /recommencer|menu|annuler|conseiller|retour|autre question/i;

const chromiumInstalled = existsSync(CHROMIUM);
if (!chromiumInstalled && !process.env.CI) {
  console.warn(
    `[tests/browser] ${CHROMIUM} not found: the Web Chat browser test is SKIPPED. ` +
      'Install it with `apt-get install -y chromium` (CI installs it and fails without it).',
  );
}

if (!chromiumInstalled && process.env.CI) {
  describe('Web Chat on the demo portal (browser)', () => {
    it(`needs Chromium at ${CHROMIUM} in CI`, () => {
      throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium.`);
    });
  });
}

const describeInBrowser = chromiumInstalled ? describe : describe.skip;

describeInBrowser('Web Chat on the demo portal (browser)', () => {
  let bot: StartedBot;
  let browser: Browser;
  let page: Page;
  /** Every activity the browser received on the Direct Line stream. */
  const received: { type?: string; from?: { id?: string }; attachments?: unknown[] }[] = [];
  /** Every activity the bot received. */
  const botReceived: {
    type?: string;
    name?: string;
    value?: unknown;
    channelData?: { context?: unknown };
  }[] = [];

  beforeAll(async () => {
    // Port 0: any free port.
    bot = await startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test' }));
    const run = bot.app.bot.run.bind(bot.app.bot);
    bot.app.bot.run = async (context) => {
      botReceived.push({ ...context.activity });
      await run(context);
    };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        const text = String(payload);
        if (text) received.push(...((JSON.parse(text) as { activities?: [] }).activities ?? []));
      });
    });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  const webchat = () => page.locator('#webchat');
  const botMessages = () => received.filter((a) => a.from?.id === 'bot');

  /** Clicks a visible suggested action and waits for the bot's answer to reach the browser. */
  async function choose(title: string): Promise<void> {
    const before = botMessages().length;
    await webchat().locator('.webchat__suggested-action', { hasText: title }).first().click();
    await webchat()
      .locator('.webchat__stacked-layout--from-user', { hasText: title })
      .last()
      .waitFor({ timeout: 5_000 });
    for (let i = 0; i < 100 && botMessages().length === before; i++) await page.waitForTimeout(50);
    expect(botMessages().length).toBeGreaterThan(before);
  }

  /** The first suggested action offered now that keeps to the journey, if any. */
  async function nextAnswer(clicked: Set<string>): Promise<string | undefined> {
    await page.waitForTimeout(300);
    const titles = await webchat().locator('.webchat__suggested-action').allInnerTexts();
    return titles
      .map((t) => t.trim())
      .find((t) => t && !LEAVING.test(t) && !MENU_LABELS.includes(t) && !clicked.has(t));
  }

  function formCardReceived(): boolean {
    return received.some(
      (a) =>
        (a.attachments?.length ?? 0) > 0 &&
        FORM_LINKS.some((link) => link.test(JSON.stringify(a.attachments))),
    );
  }

  it('opens from the bubble, greets in French, and walks the aide financière journey by clicking', async () => {
    await page.goto(`${bot.url}/`);
    await page.getByRole('heading', { name: 'Bonjour Camille' }).waitFor();
    await page.locator('.tile', { hasText: 'Mes paiements' }).waitFor();

    const launcher = page.locator('#chat-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await page.locator('#chat-panel').waitFor({ state: 'visible' });

    // The French welcome, and Web Chat itself in French (send box placeholder).
    await webchat()
      .getByText(/Bonjour.*Relais Indé/)
      .first()
      .waitFor({ timeout: 15_000 });
    await webchat().locator('[placeholder="Tapez votre message"]').waitFor();
    await webchat()
      .locator('.webchat__suggested-action', { hasText: 'Demander une aide financière' })
      .waitFor();

    await choose('Demander une aide financière');

    // Answer the journey's questions by clicking, until the final card with the form link (at most 8 steps).
    const clicked = new Set<string>();
    for (let step = 0; step < 8 && !formCardReceived(); step++) {
      const answer = await nextAnswer(clicked);
      if (!answer) break;
      clicked.add(answer);
      await choose(answer);
    }

    await webchat().locator('.webchat__basic-transcript__activity').last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // The journey ended on the aid's card, with the form link, rendered as an Adaptive Card in the page.
    expect(formCardReceived()).toBe(true);
    await webchat().locator('.ac-adaptiveCard').last().waitFor({ timeout: 5_000 });
    expect(await webchat().locator('.ac-adaptiveCard').count()).toBeGreaterThan(0);
  }, 30_000);

  it("gave the bot the portal user's context: a `context` event, and channelData.context on each message", () => {
    const demoUser = { prenom: 'Camille', statut: 'artisan', departement: '14' };
    const context = botReceived.find((a) => a.type === 'event' && a.name === 'context');
    expect(context?.value).toEqual(demoUser);
    // It came before the welcome (conversationUpdate), so the bot can greet the user by name.
    expect(botReceived.indexOf(context ?? {})).toBeLessThan(
      botReceived.findIndex((a) => a.type === 'conversationUpdate'),
    );
    const messages = botReceived.filter((a) => a.type === 'message');
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message.channelData?.context).toEqual(demoUser);
  });

  it("a long distress story gets HELP (the questionnaire link) and the advisers' lines 3646 and 3698", async () => {
    const before = botMessages().length;
    const sendBox = webchat().locator('[placeholder="Tapez votre message"]');
    await sendBox.fill(DISTRESS_STORY);
    await sendBox.press('Enter');
    await webchat()
      .locator('.webchat__stacked-layout--from-user', { hasText: 'menuisier à mon compte' })
      .waitFor({ timeout: 5_000 });
    for (let i = 0; i < 100 && botMessages().length === before; i++) await page.waitForTimeout(50);
    await page.waitForTimeout(500);
    const replies = JSON.stringify(received.slice(before).filter((a) => a.from?.id === 'bot'));
    expect(replies).toContain(HELP_QUESTIONNAIRE_URL);
    // What the page shows after the story (not the earlier answers), not only what reached it.
    const after = await webchat()
      .locator('.webchat__basic-transcript__activity')
      .evaluateAll((items) => {
        const start = items.findIndex((li) => (li.textContent ?? '').includes('menuisier à mon compte'));
        const later = items.slice(start + 1);
        return {
          text: later.map((li) => (li as HTMLElement).innerText).join('\n'),
          // Adaptive Cards render their links (Action.OpenUrl) as buttons.
          actions: later.flatMap((li) =>
            Array.from(li.querySelectorAll('a[href], button')).map((el) => (el as HTMLElement).innerText),
          ),
        };
      });
    expect(after.text).toContain('3646');
    expect(after.text).toContain('3698');
    // The HELP link, as a button the person can press (its URL is checked on the activities above).
    expect(after.actions.some((label) => /HELP/.test(label))).toBe(true);
  }, 30_000);

  it('has no WCAG 2.1 A/AA violation (axe-core) with the chat open', async () => {
    expect(await page.locator('#chat-panel').isVisible()).toBe(true);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
      const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
        violations: {
          id: string;
          impact: string;
          help: string;
          nodes: { target: string[]; failureSummary: string }[];
        }[];
      };
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary}`),
      }));
    }, WCAG_TAGS);
    expect(violations).toEqual([]);
  }, 30_000);
});
