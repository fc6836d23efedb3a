import { type Activity, ActionTypes, MessageFactory, TestAdapter, type TurnContext } from 'botbuilder';
import { translator } from '../../dialogs/i18n';
import { Menu } from '../../dialogs/menu';
import { loadKnowledge } from '../../knowledge/loader';
import type { AdaptiveCard } from '../../dialogs/cards/adaptive';
import { cardButtons, ADAPTIVE_CARD_CONTENT_TYPE } from '../../dialogs/cards/adaptive';
import { ChannelRenderingMiddleware, RELAIS_ENTRIES_KEY } from '../../bot/channels/rendering';
import { renderActivities } from '../../bot/channels/textRenderer';
import { AFE, REPIT, fakeKnowledge } from './fixtures';

const t = translator('fr');
const menu = new Menu(loadKnowledge());
const menuActivity = (tr: typeof t) => menu.activity(tr);

/** Sends `outgoing` from a bot behind the rendering middleware, on `channelId`, and returns what leaves. */
async function render(channelId: string, outgoing: Partial<Activity>): Promise<Partial<Activity>> {
  const knowledge = fakeKnowledge();
  const adapter = new TestAdapter(
    async (context: TurnContext) => {
      await context.sendActivity(outgoing);
    },
    { channelId, locale: 'fr-FR' },
  ).use(new ChannelRenderingMiddleware(() => knowledge));
  let sent: Partial<Activity> | undefined;
  await adapter.send('bonjour').assertReply((activity) => {
    sent = activity;
  });
  if (!sent) throw new Error('no reply');
  return sent;
}

function cards(activity: Partial<Activity>): AdaptiveCard[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
    .map((a) => a.content as AdaptiveCard);
}

function cardTexts(card: AdaptiveCard): string {
  return JSON.stringify(card.body);
}

describe('outgoing rendering for Microsoft Teams', () => {
  it('turns a menu of 6 suggested actions into an Adaptive Card 1.5 of imBack buttons', async () => {
    const sent = await render('msteams', menuActivity(t));
    expect(sent.suggestedActions?.actions.length ?? 0).toBeLessThanOrEqual(3);
    const [card] = cards(sent);
    expect(card?.version).toBe('1.5');
    const buttons = card ? cardButtons(card) : [];
    expect(buttons).toHaveLength(6);
    expect(buttons[0]).toEqual({
      type: 'Action.Submit',
      title: 'Demander une aide financière',
      data: { msteams: { type: 'imBack', value: 'Demander une aide financière' } },
    });
    expect(cardTexts(card as AdaptiveCard)).toContain('Voici ce que je peux faire pour vous');
  });

  it('leaves 3 suggested actions or fewer alone on Teams', async () => {
    const three = MessageFactory.suggestedActions(['Oui', 'Non', 'Menu'], 'Cela vous a-t-il aidé ?');
    const sent = await render('msteams', three);
    expect(sent.suggestedActions?.actions.map((a) => a.title)).toEqual(['Oui', 'Non', 'Menu']);
    expect(sent.attachments ?? []).toHaveLength(0);
  });

  it('keeps what a postBack or messageBack button sends, not just its title', async () => {
    const actions = ['a', 'b', 'c', 'd'].map((x) => ({
      type: ActionTypes.PostBack,
      title: `Choix ${x}`,
      value: x,
    }));
    const sent = await render('msteams', MessageFactory.suggestedActions(actions, 'Choisissez'));
    const buttons = cardButtons(cards(sent)[0] as AdaptiveCard);
    expect(buttons[3]).toMatchObject({ title: 'Choix d', data: { msteams: { type: 'imBack', value: 'd' } } });
  });

  it.each(['webchat', 'emulator'])('does not touch the menu on %s', async (channel) => {
    const sent = await render(channel, menuActivity(t));
    expect(sent.suggestedActions?.actions).toHaveLength(6);
    expect(sent.attachments ?? []).toHaveLength(0);
  });

  it('appends the sources and a plain-text version to an answer carrying relaisEntries', async () => {
    const answer: Partial<Activity> = {
      ...MessageFactory.text(AFE.summary),
      channelData: { [RELAIS_ENTRIES_KEY]: [AFE.id] },
    };
    const sent = await render('msteams', answer);
    expect(sent.text).toBe(AFE.summary);
    const [card] = cards(sent);
    expect(card?.version).toBe('1.5');
    const body = cardTexts(card as AdaptiveCard);
    expect(body).toContain('Sources');
    expect(body).toContain('002_d24105b1533ea96e.txt');
    expect(body).toContain("L'action sociale du CPSTI");
    expect(body).toContain('Des aides spécifiques pouvant couvrir différentes situations.');
    expect(body).toContain('Version texte à copier');
    // Plain text: title, summary, conditions, amounts and the link as a bare URL.
    const plain = renderActivities([sent]).lines.join('\n');
    expect(plain).toContain(AFE.title);
    expect(plain).toContain('Être à jour de ses déclarations');
    expect(plain).toContain("Plafond : jusqu'à 6 000 €");
    expect(plain).toContain('Formulaire de demande : https://secu-independants.fr/demander-une-aide');
    expect(sent.channelData?.[RELAIS_ENTRIES_KEY]).toBeUndefined();
  });

  it('lists the sources of every entry of the answer and skips unknown ids', async () => {
    const answer = {
      ...MessageFactory.text('Deux aides'),
      channelData: { relaisEntries: [AFE.id, 'nope', REPIT.id] },
    };
    const sent = await render('msteams', answer);
    const body = cardTexts(cards(sent)[0] as AdaptiveCard);
    expect(body).toContain('000_86cfd7445831eca4.txt');
    expect(body).toContain('002_d24105b1533ea96e.txt');
    expect(body).not.toContain('nope');
  });

  it('adds no agent blocks outside Teams', async () => {
    const answer = { ...MessageFactory.text(AFE.summary), channelData: { relaisEntries: [AFE.id] } };
    const sent = await render('webchat', answer);
    expect(sent.attachments ?? []).toHaveLength(0);
  });

  it('does both at once: a 6-choice answer with entries gets the choices card and the agent card', async () => {
    const answer = { ...menuActivity(t), channelData: { relaisEntries: [REPIT.id] } };
    const sent = await render('msteams', answer);
    const all = cards(sent);
    expect(all).toHaveLength(2);
    expect(cardButtons(all[0] as AdaptiveCard)).toHaveLength(6);
    expect(cardTexts(all[1] as AdaptiveCard)).toContain('Aide au répit (test)');
  });
});
