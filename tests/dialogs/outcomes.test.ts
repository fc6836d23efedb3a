import type { IntentRecognizer } from '../../dialogs/ports';
import { hesitantRecognizer, TestConversation } from './harness';

/** What the dialogs report through the OutcomeSink port (counted in /metrics by bot/metrics.ts). */
async function outcomesOf(messages: string[], recognizer?: IntentRecognizer): Promise<string[]> {
  const conversation = new TestConversation('test', recognizer);
  for (const message of messages) await conversation.send(message);
  return conversation.outcomes;
}

describe('journey outcomes', () => {
  it('form link: the aide-financière tree ends on the ACED card and its form', async () => {
    expect(
      await outcomesOf([
        'Demander une aide financière',
        'Je suis en activité',
        'Payer mes cotisations Urssaf',
      ]),
    ).toEqual(['journey:aide_financiere:form_link']);
  });

  it('HELP referral: distress, or several difficulties at once', async () => {
    expect(await outcomesOf(["je n'y arrive plus, je coule"])).toEqual(['journey:help:help_referral']);
    expect(
      await outcomesOf([
        'Demander une aide financière',
        'Je suis en activité',
        'Plusieurs difficultés à la fois',
      ]),
    ).toEqual(['journey:aide_financiere:help_referral']);
  });

  it('information: an answer with neither a form nor HELP', async () => {
    expect(await outcomesOf(["j'ai perdu ma carte vitale"])).toEqual(['journey:carte_vitale:answered']);
  });

  it('phone contact: asking for an adviser', async () => {
    expect(await outcomesOf(['je veux parler à un conseiller'])).toEqual(['journey:human:phone_contact']);
  });

  it('abandoned: "menu" or another subject in the middle of a journey', async () => {
    expect(await outcomesOf(['Demander une aide financière', 'menu'])).toEqual([
      'journey:aide_financiere:abandoned',
    ]);
    expect(await outcomesOf(['Demander une aide financière', 'en fait je suis enceinte'])).toEqual([
      'journey:aide_financiere:abandoned',
    ]);
  });

  it('crisis line: words of self-harm, first message or in the middle of a journey', async () => {
    expect(await outcomesOf(["j'ai envie d'en finir, je ne vois plus d'issue"])).toEqual([
      'journey:help:crisis_line',
    ]);
    expect(
      await outcomesOf(['Demander une aide financière', "j'ai envie d'en finir, je ne vois plus d'issue"]),
    ).toEqual(['journey:aide_financiere:abandoned', 'journey:help:crisis_line']);
  });

  it("out of scope: a question outside the bot's field answered honestly", async () => {
    expect(await outcomesOf(['comment je déclare la TVA de mon auto-entreprise ?'])).toEqual([
      'journey:None:out_of_scope',
    ]);
  });

  it('a contact request in the middle of a journey does not end it', async () => {
    expect(await outcomesOf(['Demander une aide financière', 'je veux parler à un conseiller'])).toEqual([]);
  });
});

describe('fallbacks and ambiguity questions', () => {
  it('reports best guesses offered for a story it cannot place as a first fallback step', async () => {
    expect(
      await outcomesOf([
        "Mon voisin m'a dit de venir vous voir parce qu'il a eu un souci l'an dernier avec son dossier et que ça s'est bien arrangé",
      ]),
    ).toEqual(['fallback:1']);
  });

  it('reports each not-understood step', async () => {
    expect(await outcomesOf(['zorglub flimp', 'zorglub flimp', 'zorglub flimp', 'zorglub flimp'])).toEqual([
      'fallback:1',
      'fallback:2',
      'fallback:3',
      'fallback:1',
    ]);
  });

  it('reports the "A or B?" question', async () => {
    const hesitant = hesitantRecognizer('une question sur ma situation', 'maternite', 'adoption');
    expect(await outcomesOf(['une question sur ma situation'], hesitant)).toEqual([
      'ambiguity:maternite/adoption',
    ]);
  });
});
