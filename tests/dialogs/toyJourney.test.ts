/**
 * A newcomer adds a journey by following knowledge/README.md's checklist: one tree file (here the fixture
 * tests/fixtures/journeys/parcours-exemple-paternite.yaml) and its menu label in each locale. No code: the dialog,
 * the routing and the menu entry come from the data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getI18n } from '../../dialogs/i18n';
import { Menu } from '../../dialogs/menu';
import { checkKnowledge, type Knowledge, loadKnowledge } from '../../knowledge/loader';
import { copyKnowledge, removeDir } from '../knowledge/fixtures';
import { TestConversation } from './harness';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'journeys', 'parcours-exemple-paternite.yaml');
const LABEL = 'Paternité (exemple)';

describe('a journey added as data only', () => {
  let dir: string;
  let knowledge: Knowledge;

  beforeAll(() => {
    dir = copyKnowledge();
    fs.copyFileSync(FIXTURE, path.join(dir, path.basename(FIXTURE)));
    knowledge = loadKnowledge(dir);
    // Step "menu label in every locale" of the checklist, done here for the fixture only.
    for (const lng of ['fr', 'en']) getI18n().addResource(lng, 'translation', 'menu.paternite', LABEL);
  });

  // The label stays in this file's i18next instance only: jest gives every test file its own modules.
  afterAll(() => removeDir(dir));

  it('gets its menu entry at the place its tree declares', () => {
    const keys = new Menu(knowledge).items.map((item) => item.key);
    expect(keys.indexOf('paternite')).toBe(keys.indexOf('maternite') + 1);
  });

  it('is offered in the menu and walked from its button to the answer', async () => {
    const conversation = new TestConversation('test', undefined, knowledge);
    const menu = await conversation.send('menu');
    expect(menu.choices).toContain(LABEL);
    const question = await conversation.send(LABEL);
    expect(question.text).toContain('Attendez-vous un enfant, ou des jumeaux ou plus ?');
    expect(question.choices).toEqual(expect.arrayContaining(['Un enfant', 'Des jumeaux ou plus']));
    const answer = await conversation.send('des jumeaux');
    expect(answer.text).toContain('Dans votre cas : 32 jours consécutifs au plus.');
    expect(answer.text).toContain("Le congé de paternité et d'accueil de l'enfant");
    expect(answer.text).toContain('Cette réponse vous a-t-elle aidé ?');
    await conversation.send('oui');
    expect(conversation.feedback).toEqual([{ intent: 'paternite', helpful: true }]);
  });

  it('is started by the recogniser from a first message about its intent', async () => {
    const conversation = new TestConversation('test', undefined, knowledge);
    const question = await conversation.send('je vais être papa, comment marche le congé paternité ?');
    expect(question.text).toContain('Attendez-vous un enfant, ou des jumeaux ou plus ?');
    const answer = await conversation.send('un enfant');
    expect(answer.text).toContain('Dans votre cas : 25 jours consécutifs au plus.');
  });

  it('leaves the real knowledge base as it was: paternité answered directly there', async () => {
    const reply = await new TestConversation().send('je vais être papa, comment marche le congé paternité ?');
    expect(reply.text).not.toContain('Attendez-vous un enfant');
    expect(reply.text).toContain('Cette réponse vous a-t-elle aidé ?');
  });
});

describe('kb:check on journeys', () => {
  it('refuses a second journey for an intent that has one', () => {
    const dir = copyKnowledge();
    try {
      const text = fs.readFileSync(FIXTURE, 'utf8').replace('intent: paternite', 'intent: maternite');
      fs.writeFileSync(path.join(dir, path.basename(FIXTURE)), text);
      const { problems } = checkKnowledge(dir, { yamlCache: false });
      expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual([
        'parcours-maternite.yaml: journey.intent: intent "maternite" already has a journey (parcours-exemple-paternite.yaml)',
      ]);
    } finally {
      removeDir(dir);
    }
  });
});
