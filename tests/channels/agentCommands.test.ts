import type { Activity } from 'botbuilder';
import { answerAgentCommand, parseAgentCommand } from '../../bot/channels/agentCommands';
import { type AdaptiveCard, cardButtons } from '../../dialogs/cards/adaptive';
import { renderActivities } from '../../bot/channels/textRenderer';
import { translator } from '../../dialogs/i18n';
import { AFE, fakeKnowledge } from './fixtures';

const fr = translator('fr');
const en = translator('en');
const kb = fakeKnowledge();

function card(reply: Partial<Activity>): AdaptiveCard {
  const content = reply.attachments?.[0]?.content as AdaptiveCard | undefined;
  if (!content) throw new Error('no card');
  return content;
}

const rendered = (reply: Partial<Activity>) => renderActivities([reply]).lines.join('\n');

describe('agent commands', () => {
  it('parses recherche/fiche (and their English forms), and leaves sentences to the dialog', () => {
    expect(parseAgentCommand('recherche aide urgence')).toEqual({ kind: 'search', query: 'aide urgence' });
    expect(parseAgentCommand('  Recherche   répit ')).toEqual({ kind: 'search', query: 'répit' });
    expect(parseAgentCommand('recherche')).toEqual({ kind: 'search', query: '' });
    expect(parseAgentCommand('search répit')).toEqual({ kind: 'search', query: 'répit' });
    expect(parseAgentCommand('fiche AFE')).toEqual({ kind: 'entry', id: 'afe' });
    expect(parseAgentCommand('entry afe')).toEqual({ kind: 'entry', id: 'afe' });
    expect(parseAgentCommand('fiche')).toEqual({ kind: 'entry', id: '' });
    expect(parseAgentCommand('fiche de paie perdue')).toBeUndefined();
    expect(parseAgentCommand('je recherche une aide')).toBeUndefined();
    expect(parseAgentCommand('menu')).toBeUndefined();
  });

  it('lists the matching entries with their ids, and a button opening each', () => {
    const reply = answerAgentCommand({ kind: 'search', query: 'cotisations' }, () => kb, fr);
    const text = rendered(reply);
    expect(text).toContain('afe-test : Aide financière exceptionnelle (test)');
    expect(text).not.toContain('repit-test');
    expect(cardButtons(card(reply))).toEqual([
      {
        type: 'Action.Submit',
        title: 'Voir la fiche afe-test',
        data: { msteams: { type: 'imBack', value: 'fiche afe-test' } },
      },
    ]);
  });

  it('says when nothing matches, and how to search when no words are given', () => {
    expect(answerAgentCommand({ kind: 'search', query: 'zzz' }, () => kb, fr).text).toMatch(
      /Aucune fiche.*zzz/,
    );
    expect(answerAgentCommand({ kind: 'search', query: '' }, () => kb, fr).text).toMatch(/recherche/);
  });

  it('neither searches nor echoes a phone number, an IBAN or an e-mail typed after « recherche »', () => {
    const reply = answerAgentCommand(
      { kind: 'search', query: '06 12 34 56 78 FR76 3000 6000 0112 3456 7890 189 a.b@c.fr' },
      () => kb,
      fr,
    );
    const text = reply.text ?? rendered(reply);
    expect(text).not.toMatch(/06 12 34 56 78|FR76|a\.b@c\.fr/);
    expect(text).toContain('[TEL]');
  });

  it('shows a whole entry: every field, links as URLs, contacts and sources', () => {
    const reply = answerAgentCommand({ kind: 'entry', id: AFE.id }, () => kb, fr);
    const text = rendered(reply);
    for (const expected of [
      AFE.title,
      AFE.summary,
      'Identifiant : afe-test',
      'Fichier : aides.yaml',
      'Organismes : urssaf, cpsti',
      'Être à jour de ses déclarations',
      "Plafond : jusqu'à 6 000 €",
      'Réponse : sous 48 h',
      '1. Remplir le formulaire',
      'Dernier avis d’imposition',
      'Formulaire de demande : https://secu-independants.fr/demander-une-aide',
      'Urssaf (test) : 3698',
      'repit-test (cumulable)',
      'cass — La commission décide.',
      'cotisations, aide exceptionnelle',
      "002_d24105b1533ea96e.txt — L'action sociale du CPSTI",
      '« Des aides spécifiques pouvant couvrir différentes situations. »',
    ]) {
      expect(text).toContain(expected);
    }
    expect(card(reply).version).toBe('1.5');
    expect(cardButtons(card(reply))).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Formulaire de demande',
      url: 'https://secu-independants.fr/demander-une-aide',
    });
  });

  it('answers an unknown id politely and suggests recherche', () => {
    const reply = answerAgentCommand({ kind: 'entry', id: 'inconnue' }, () => kb, fr);
    expect(reply.text).toMatch(/Je ne trouve pas de fiche « inconnue »/);
    expect(reply.text).toMatch(/recherche/);
    expect(reply.attachments).toBeUndefined();
  });

  it('speaks English to an English-speaking agent', () => {
    expect(answerAgentCommand({ kind: 'entry', id: 'nope' }, () => kb, en).text).toMatch(
      /I cannot find an entry/,
    );
  });

  it('says the knowledge base is unavailable rather than failing', () => {
    expect(answerAgentCommand({ kind: 'search', query: 'aide' }, () => undefined, fr).text).toMatch(
      /base de connaissances n'est pas disponible/,
    );
  });
});
