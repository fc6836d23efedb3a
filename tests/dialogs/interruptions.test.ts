import type { QuestionNode } from '../../knowledge/schema';
import { walkPaths } from '../../knowledge/tree';
import { knowledge, TestConversation } from './harness';
import { MENU_FR } from '../helpers/expected';

const START = 'Demander une aide financière';
const MENU = MENU_FR;
const tree = knowledge.tree;

/** Every question of the orientation tree, with the clicks that lead to it from the start. */
function questionsWithPrefix(): Array<{ question: QuestionNode; clicks: string[] }> {
  const found = new Map<string, string[]>();
  for (const path of walkPaths(tree)) {
    path.steps.forEach((step, i) => {
      if (!found.has(step.nodeId))
        found.set(
          step.nodeId,
          path.steps.slice(0, i).map((s) => s.label),
        );
    });
  }
  return [...found].map(([id, clicks]) => ({
    question: tree.nodes.find((n) => n.id === id) as QuestionNode,
    clicks,
  }));
}

async function atQuestion(clicks: string[], question: QuestionNode): Promise<TestConversation> {
  const conversation = new TestConversation();
  let reply = await conversation.send(START);
  for (const click of clicks) reply = await conversation.send(click);
  expect(reply.text).toContain(question.question);
  return conversation;
}

const labels = (q: QuestionNode) => q.options.map((o) => o.label);

describe.each(questionsWithPrefix().map((q) => [q.question.id, q] as const))(
  'interruptions at question %s of the aide-financière journey',
  (_id, { question, clicks }) => {
    it('"menu" leaves the journey and shows the menu', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send('menu');
      expect(reply.choices).toEqual(MENU);
      // The journey is over: starting again asks the first question.
      const restart = await conversation.send(START);
      const root = tree.nodes.find((n) => n.id === tree.root) as QuestionNode;
      expect(restart.choices).toEqual(labels(root));
    });

    it('"annuler" cancels and offers the menu', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send('annuler');
      expect(reply.text).toContain("C'est annulé.");
      expect(reply.choices).toEqual(MENU);
    });

    it('"recommencer" starts over', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send('recommencer');
      expect(reply.text).toContain('On recommence depuis le début.');
      expect(reply.choices).toEqual(MENU);
    });

    it('"parler à un conseiller" gives the advisers, then asks the same question again', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send('je voudrais parler à un conseiller');
      expect(reply.text).toContain('3646');
      expect(reply.text).toContain('3698');
      expect(reply.text).toContain('8h30 à 17h30');
      expect(reply.choices).toEqual(labels(question));
      // …and the journey goes on from there.
      const next = await conversation.send(question.options[0].label);
      expect(next.text).not.toMatch(/pas bien compris/);
    });

    it('a different need switches to its journey', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send("en fait c'est pour mon congé maternité");
      expect(reply.choices).toContain("Je suis cheffe d'entreprise");
      expect(reply.choices).not.toEqual(labels(question));
    });

    it('"retour" goes back to the previous question', async () => {
      const conversation = await atQuestion(clicks, question);
      const reply = await conversation.send('retour');
      if (clicks.length === 0) {
        expect(reply.text).toContain('première question');
        expect(reply.choices).toEqual(labels(question));
      } else {
        expect(reply.choices).not.toEqual(labels(question));
        expect(reply.choices).toContain(clicks[clicks.length - 1]);
      }
    });

    it('an answer it cannot understand re-prompts, then offers the menu, then the contacts', async () => {
      const conversation = await atQuestion(clicks, question);
      const first = await conversation.send('zorglub');
      expect(first.text).toContain("Je n'ai pas bien compris votre réponse.");
      expect(first.choices).toEqual(labels(question));
      const second = await conversation.send('blabla');
      expect(second.choices).toEqual([...labels(question), 'Menu']);
      const third = await conversation.send('xyz');
      expect(third.text).toContain('3646');
      // Nothing is left waiting: the next message is a new request.
      const after = await conversation.send('menu');
      expect(after.choices).toEqual(MENU);
    });
  },
);

describe('free-text answers to a question', () => {
  it.each([
    ['2', "Je touche une pension d'invalidité"],
    ['plutôt la 3e', 'Je pars bientôt à la retraite'],
    ['je suis retraité bientot', 'Je pars bientôt à la retraite'],
    ['je bosse encore, je suis en activite', 'Je suis en activité'],
  ])('"%s" is understood as "%s"', async (answer, label) => {
    const conversation = new TestConversation();
    await conversation.send(START);
    const reply = await conversation.send(answer);
    expect(reply.text).not.toMatch(/pas bien compris/);
    const chosen = tree.nodes
      .flatMap((n) => (n.type === 'question' ? n.options : []))
      .find((o) => o.label === label)!;
    const next = tree.nodes.find((n) => n.id === chosen.next)!;
    if (next.type === 'question') expect(reply.text).toContain(next.question);
    else for (const id of next.aids) expect(reply.text).toContain(knowledge.get(id)!.title);
  });
});
