/**
 * Every intent and every journey has its strings in every locale: `intents.X` (what the bot calls the need, in
 * "Vous voulez parler de A ou de B ?"), `intentsAbout.X`, and the menu label of each menu entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TOPIC_INTENTS } from '../../contract';
import { LOCALES_DIR } from '../../dialogs/i18n';
import { menuItems } from '../../dialogs/menu';
import { loadKnowledge } from '../../knowledge/loader';

const LOCALES = readdirSync(LOCALES_DIR).filter((lng) =>
  readdirSync(path.join(LOCALES_DIR, lng)).includes('translation.json'),
);

function strings(lng: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, 'translation.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

function at(root: Record<string, unknown>, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

const knowledge = loadKnowledge();
const journeyIntents = knowledge.journeyTrees().map((tree) => tree.journey.intent);
const required = [
  ...TOPIC_INTENTS.flatMap((intent) => [`intents.${intent}`, `intentsAbout.${intent}`]),
  ...menuItems(knowledge).map((item) => `menu.${item.key}`),
];

describe('intent and journey strings', () => {
  it('are checked in French and English at least', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['fr', 'en']));
  });

  it('cover every journey: each one is a topic intent', () => {
    for (const intent of journeyIntents) expect(TOPIC_INTENTS).toContain(intent);
  });

  it.each(LOCALES.map((lng) => [lng]))('exist in %s', (lng) => {
    const root = strings(lng);
    const missing = required.filter((key) => {
      const value = at(root, key);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(missing).toEqual([]);
  });
});
