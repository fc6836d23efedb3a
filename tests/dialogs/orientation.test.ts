import type { Link } from '../../knowledge/schema';
import { walkPaths } from '../../knowledge/tree';
import { knowledge, TestConversation } from './harness';

const tree = knowledge.tree;
const START = 'Demander une aide financière';
const helpReferral = (): Link | undefined =>
  knowledge.get(tree.helpEntry)?.links.find((l) => l.type === 'referral');

describe('aide financière: every path of the orientation tree, walked by clicking', () => {
  const paths = walkPaths(tree);

  it('has paths to walk', () => {
    expect(paths.length).toBeGreaterThanOrEqual(10);
  });

  it.each(paths.map((p) => [p.steps.map((s) => s.label).join(' › '), p] as const))(
    '%s reaches the aids with a form link or a HELP referral',
    async (_name, path) => {
      const conversation = new TestConversation();
      let reply = await conversation.send(START);
      for (const step of path.steps) {
        expect(reply.choices).toContain(step.label);
        reply = await conversation.send(step.label);
      }
      expect(reply.text).not.toMatch(/pas bien compris/);
      // Clicking says nothing of a debt: the aids for one (`forDebt`) are offered only where a debt is likely.
      const aids = path.leaf.aids
        .filter((id) => path.leaf.debtLikely === true || !(path.leaf.forDebt ?? []).includes(id))
        .map((id) => knowledge.get(id)!);
      for (const aid of aids) expect(reply.text).toContain(aid.title);
      const forms = aids.flatMap((aid) => aid.links.filter((l) => l.type === 'form').map((l) => l.url));
      const referral = path.leaf.help ? helpReferral()?.url : undefined;
      const reached = [...forms, ...(referral ? [referral] : [])];
      expect(reached.length).toBeGreaterThan(0);
      expect(reached.some((url) => reply.links.includes(url))).toBe(true);
      expect(reply.choices).toEqual(['Oui', 'Non']); // "Cette réponse vous a-t-elle aidé ?"
    },
  );
});

/** The people of the Urssaf's worked examples, in their own words (first person, as they would write). */
const OWN_WORDS: Record<string, string> = {
  'david-electricien':
    "Bonjour, je suis électricien. Mon camion est tombé en panne et le garagiste m'envoie une facture énorme, si je ne le répare pas je ne peux plus travailler",
  'jeanne-restauratrice-inondee':
    "j'ai un restaurant dans un village qui a été entièrement inondé après les orages, j'ai besoin d'une aide",
  'guillaume-restaurateur':
    "Je suis restaurateur. Ma femme et mon bébé sont malades, j'ai dû réduire mon activité et embaucher un CDD, les dettes s'accumulent, je n'arrive plus à payer mes cotisations",
  'helene-estheticienne':
    "je suis esthéticienne, je pars à la retraite en octobre et avec mes petites pensions j'ai du mal à payer mes dernières cotisations, est-ce qu'il y a une aide ?",
};

describe('aide financière: the worked examples of the Urssaf slides, from the person’s own words', () => {
  const examples = knowledge.workedExamples.filter((e) => OWN_WORDS[e.id] !== undefined);

  it('covers the four examples of the slides', () => {
    expect(examples.map((e) => e.id).sort()).toEqual(Object.keys(OWN_WORDS).sort());
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    '%s gets the aid the CASS granted',
    async (_name, example) => {
      const conversation = new TestConversation();
      let reply = await conversation.send(OWN_WORDS[example.id]);
      // If a question is still asked, answer it as the example's path says.
      for (let i = 0; i < 3 && reply.choices.length > 0 && !reply.choices.includes('Oui'); i++) {
        const option = tree.nodes
          .flatMap((n) => (n.type === 'question' ? n.options.map((o) => ({ slot: n.slot, ...o })) : []))
          .find((o) => reply.choices.includes(o.label) && example.path[o.slot] === o.value);
        expect(option).toBeDefined();
        reply = await conversation.send(option!.label);
      }
      for (const id of example.expectedAids) expect(reply.text).toContain(knowledge.get(id)!.title);
    },
  );
});
