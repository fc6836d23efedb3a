import { type Activity, ActionTypes, CardFactory, MessageFactory } from 'botbuilder';
import { renderActivities, resolveInput } from '../../bot/channels/textRenderer';

describe('terminal rendering of activities', () => {
  it('writes texts and numbers suggested actions', () => {
    const { lines, choices } = renderActivities(
      [MessageFactory.text('Bonjour !'), MessageFactory.suggestedActions(['Oui', 'Non'], 'Continuer ?')],
      { botName: 'Relais Indé' },
    );
    expect(lines).toEqual(['Relais Indé : Bonjour !', 'Relais Indé : Continuer ?', '  1. Oui', '  2. Non']);
    expect(choices).toEqual([
      { title: 'Oui', text: 'Oui' },
      { title: 'Non', text: 'Non' },
    ]);
  });

  it('renders an Adaptive Card: text blocks, facts, containers, submit buttons, links, show-cards', () => {
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '**Aide au répit**' },
        { type: 'FactSet', facts: [{ title: 'Plafond', value: '6 000 €' }] },
        { type: 'Container', items: [{ type: 'TextBlock', text: 'Dans un conteneur' }] },
        { type: 'TextBlock', text: 'caché', isVisible: false },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: 'Invalidité',
              data: { msteams: { type: 'imBack', value: 'Invalidité' } },
            },
          ],
        },
      ],
      actions: [
        { type: 'Action.OpenUrl', title: 'ameli.fr', url: 'https://www.ameli.fr/' },
        { type: 'Action.Submit', title: 'Noter', data: { rating: 5 } },
        {
          type: 'Action.ShowCard',
          title: 'Plus',
          card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Détail' }] },
        },
      ],
    });
    const { lines, choices } = renderActivities([MessageFactory.attachment(card)]);
    expect(lines).toEqual([
      'Aide au répit',
      '  Plafond : 6 000 €',
      'Dans un conteneur',
      'Plus :',
      '  Détail',
      '  ↗ ameli.fr : https://www.ameli.fr/',
      '  1. Invalidité',
      '  2. Noter',
    ]);
    expect(choices).toEqual([
      { title: 'Invalidité', text: 'Invalidité' },
      { title: 'Noter', value: { rating: 5 } },
    ]);
  });

  it('renders a hero card with its buttons and links', () => {
    const hero = CardFactory.heroCard('HELP', 'Un accompagnement coordonné', undefined, [
      { type: ActionTypes.OpenUrl, title: 'En savoir plus', value: 'https://www.urssaf.fr/' },
      { type: ActionTypes.ImBack, title: 'Être rappelé', value: 'conseiller' },
    ]);
    const { lines, choices } = renderActivities([MessageFactory.attachment(hero)], { botName: 'Bot' });
    expect(lines).toEqual([
      'Bot :',
      '  HELP',
      '  Un accompagnement coordonné',
      '  ↗ En savoir plus : https://www.urssaf.fr/',
      '  1. Être rappelé',
    ]);
    expect(choices).toEqual([{ title: 'Être rappelé', text: 'conseiller' }]);
  });

  it('shows a link once when two cards of one reply give it', () => {
    const card = (title: string) =>
      CardFactory.heroCard(title, 'Une aide', undefined, [
        {
          type: ActionTypes.OpenUrl,
          title: 'Formulaire',
          value: 'https://secu-independants.fr/demander-une-aide',
        },
      ]);
    const carousel = MessageFactory.carousel([card('ACED'), card('AFE')]);
    const { lines } = renderActivities([carousel], { botName: 'Bot' });
    expect(lines).toEqual([
      'Bot :',
      '  ACED',
      '  Une aide',
      '  AFE',
      '  Une aide',
      '  ↗ Formulaire : https://secu-independants.fr/demander-une-aide',
    ]);
  });

  it('numbers only the choices of the last reply that has any, and skips typing and traces unless asked', () => {
    const trace = {
      type: 'trace',
      label: 'Recognizer Trace',
      value: {
        recognizerResult: {
          text: 'jsuis',
          alteredText: 'je suis',
          intents: { help: { score: 0.9 } },
          entities: {},
        },
      },
    } as Partial<Activity>;
    const batch: Partial<Activity>[] = [
      { type: 'typing' },
      trace,
      MessageFactory.suggestedActions(['A'], 'Un'),
      MessageFactory.suggestedActions(['B'], 'Deux'),
    ];
    const rendered = renderActivities(batch);
    expect(rendered.lines).toEqual(['Un', '  ▸ A', 'Deux', '  1. B']);
    expect(rendered.choices).toEqual([{ title: 'B', text: 'B' }]);
    expect(rendered.others).toEqual([{ title: 'A', text: 'A' }]);
    expect(renderActivities(batch, { showTraces: true }).lines[0]).toBe(
      '  [Recognizer Trace] « je suis » help 0.90 {}',
    );
  });

  it('a card’s button before a question does not take the question’s numbers: « 1 » is its first option', () => {
    const card = CardFactory.heroCard('HELP', undefined, [
      { type: 'imBack', title: 'Demander une aide financière', value: 'Demander une aide financière' },
    ]);
    const { lines, choices, others } = renderActivities([
      MessageFactory.attachment(card),
      MessageFactory.suggestedActions(
        ['Oui, 12 mois ou plus', 'Non, moins de 12 mois'],
        'Êtes-vous affilié ?',
      ),
    ]);
    expect(lines).toEqual([
      'HELP',
      '  ▸ Demander une aide financière',
      'Êtes-vous affilié ?',
      '  1. Oui, 12 mois ou plus',
      '  2. Non, moins de 12 mois',
    ]);
    expect(resolveInput('1', choices, others)).toEqual({ text: 'Oui, 12 mois ou plus' });
    expect(resolveInput('demander une aide financière', choices, others)).toEqual({
      text: 'Demander une aide financière',
    });
  });

  it('resolves a typed number, a typed title or free text', () => {
    const choices = [
      { title: 'Demander une aide financière', text: 'Demander une aide financière' },
      { title: 'Noter', value: { rating: 5 } },
    ];
    expect(resolveInput('1', choices)).toEqual({ text: 'Demander une aide financière' });
    expect(resolveInput('noter', choices)).toEqual({ value: { rating: 5 } });
    expect(resolveInput('3', choices)).toEqual({ text: '3' });
    expect(resolveInput(' je suis enceinte ', choices)).toEqual({ text: 'je suis enceinte' });
  });
});
