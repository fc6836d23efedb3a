/**
 * Agent commands on Teams: `recherche <mots>` lists the matching knowledge entries with their ids, `fiche <id>`
 * shows one entry in full. They are answered before the dialog runs and leave the dialog stack untouched.
 */
import { type Activity, MessageFactory } from 'botbuilder';
import type { TFunction } from 'i18next';
import { getI18n, SUPPORTED_LOCALES } from '../../dialogs/i18n';
import { entryRecordCard, searchResultsCard } from './agentView';
import { cardAttachment } from '../../dialogs/cards/adaptive';
import type { KnowledgeProvider } from './knowledgeSource';
import { redact } from '../privacy';

export type AgentCommand = { kind: 'search'; query: string } | { kind: 'entry'; id: string };

/** The command words in every supported language: an agent may type `recherche` whatever the Teams locale. */
function commandWords(key: 'searchCommand' | 'entryCommand'): string[] {
  const i18n = getI18n();
  return [
    ...new Set(SUPPORTED_LOCALES.map((lng) => i18n.getFixedT(lng)(`channels.agent.${key}`).toLowerCase())),
  ];
}

/**
 * Parses an agent command. `fiche` takes exactly one word (an id), so that a sentence such as "fiche de paie
 * perdue" is left to the dialog; `recherche` takes any words, and alone asks for them.
 */
export function parseAgentCommand(text: string): AgentCommand | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const [first = '', ...rest] = trimmed.split(' ');
  const word = first.toLowerCase();
  if (commandWords('searchCommand').includes(word)) {
    return { kind: 'search', query: rest.join(' ') };
  }
  if (commandWords('entryCommand').includes(word) && rest.length <= 1) {
    return { kind: 'entry', id: (rest[0] ?? '').toLowerCase() };
  }
  return undefined;
}

const SEARCH_LIMIT = 10;

/** The reply to an agent command, built from the knowledge base. */
export function answerAgentCommand(
  command: AgentCommand,
  knowledge: KnowledgeProvider,
  t: TFunction,
): Partial<Activity> {
  const kb = knowledge();
  if (!kb) return MessageFactory.text(t('channels.agent.unavailable'));
  if (command.kind === 'search') {
    // A number or an address typed by mistake (a client's phone, NIR, IBAN) is neither searched nor echoed back.
    const query = redact(command.query.trim());
    if (query === '') return MessageFactory.text(t('channels.agent.searchUsage'));
    const found = kb.search(query, SEARCH_LIMIT);
    if (found.length === 0) return MessageFactory.text(t('channels.agent.searchNone', { query }));
    const reply = MessageFactory.attachment(cardAttachment(searchResultsCard(query, found, t)));
    reply.summary = t('channels.agent.searchResults', { query, count: found.length });
    return reply;
  }
  if (command.id === '') {
    const example = kb.search('aide', 1)[0]?.id ?? 'afe';
    return MessageFactory.text(t('channels.agent.entryUsage', { example }));
  }
  const entry = kb.get(command.id);
  if (!entry) return MessageFactory.text(t('channels.agent.entryUnknown', { id: command.id }));
  const reply = MessageFactory.attachment(cardAttachment(entryRecordCard(entry, kb, t)));
  reply.summary = entry.title;
  return reply;
}
