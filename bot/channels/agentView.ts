/**
 * What a CPAM or Urssaf agent sees on Teams: the sources of an answer, a plain-text version to paste into an
 * e-mail, search results and whole knowledge entries. Pure functions from knowledge entries to Adaptive Cards.
 */
import type { TFunction } from 'i18next';
import {
  type AdaptiveCard,
  adaptiveCard,
  bullets,
  type CardElement,
  heading,
  imBackAction,
  openUrlAction,
  type Spacing,
  stackedActions,
  text,
} from '../../dialogs/cards/adaptive';
import type { AgentKnowledge, Entry } from './knowledgeSource';

function labelled(t: TFunction, label: string, value: string): string {
  return t('channels.agent.labelled', { label, value });
}

/** The sources of an entry: document file name and section on one line, the verbatim quote under it. */
export function sourceElements(entry: Entry, t: TFunction): CardElement[] {
  return entry.sources.flatMap((source) => [
    text(t('channels.agent.source', { file: source.file, section: source.section }), {
      weight: 'Bolder',
      spacing: 'Small',
    }),
    text(t('channels.agent.quote', { quote: source.quote }), { isSubtle: true, spacing: 'None' }),
  ]);
}

/**
 * The answer as plain text, one line per array item: title, summary, conditions, amounts, durations and links
 * written as bare URLs, so that nothing is lost when pasted into an e-mail.
 */
export function entryPlainText(entry: Entry, t: TFunction): string[] {
  const lines: string[] = [entry.title, entry.summary];
  const section = (label: string, items: readonly string[]): void => {
    if (items.length === 0) return;
    lines.push('', t('channels.agent.heading', { label }));
    lines.push(...items.map((item) => `- ${item}`));
  };
  section(t('channels.agent.fields.conditions'), entry.conditions);
  section(
    t('channels.agent.fields.amounts'),
    entry.amounts.map((a) => labelled(t, a.label, a.text)),
  );
  section(
    t('channels.agent.fields.durations'),
    entry.durations.map((d) => labelled(t, d.label, d.text)),
  );
  section(
    t('channels.agent.fields.links'),
    entry.links.map((link) => labelled(t, link.label, link.url)),
  );
  return lines;
}

/**
 * The card appended to an answer about knowledge entries on Teams: for each entry, a "Sources" block and a
 * "Version texte à copier" block.
 */
export function agentBlocksCard(entries: readonly Entry[], t: TFunction): AdaptiveCard {
  const body: CardElement[] = [];
  for (const [index, entry] of entries.entries()) {
    body.push(
      heading(t('channels.agent.sources'), { separator: index > 0, size: 'Default' }),
      ...(entries.length > 1 ? [text(entry.title, { isSubtle: true, spacing: 'None' })] : []),
      ...sourceElements(entry, t),
    );
  }
  body.push(heading(t('channels.agent.copy'), { separator: true, size: 'Default' }));
  body.push(text(t('channels.agent.copyHint'), { isSubtle: true, spacing: 'None', size: 'Small' }));
  entries.forEach((entry, index) => {
    // One TextBlock per line; a blank line of the plain text becomes extra space above the next block.
    let spacing: Spacing = index === 0 ? 'Small' : 'Large';
    for (const line of entryPlainText(entry, t)) {
      if (line === '') {
        spacing = 'Medium';
        continue;
      }
      body.push(text(line, { spacing }));
      spacing = 'None';
    }
  });
  return adaptiveCard(body, { msteams: { width: 'Full' }, fallbackText: copyText(entries, t) });
}

/** The plain-text version of several entries, as one string. */
export function copyText(entries: readonly Entry[], t: TFunction): string {
  return entries.map((entry) => entryPlainText(entry, t).join('\n')).join('\n\n');
}

/** The result of `recherche <mots>`: one line per entry with its id, and a button opening each entry. */
export function searchResultsCard(query: string, entries: readonly Entry[], t: TFunction): AdaptiveCard {
  const entryCommand = t('channels.agent.entryCommand');
  return adaptiveCard([
    text(t('channels.agent.searchResults', { query, count: entries.length }), { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: entries.map((entry) => ({ title: entry.id, value: entry.title })),
    },
    text(t('channels.agent.searchHint'), { isSubtle: true, size: 'Small' }),
    ...stackedActions(
      entries.map((entry) =>
        imBackAction(t('channels.agent.open', { id: entry.id }), `${entryCommand} ${entry.id}`),
      ),
    ),
  ]);
}

/**
 * `fiche <id>`: the agent's record of an entry — every field, its links as buttons and as plain URLs, its sources.
 * Not the answer card a person gets (that is `dialogs/cards/entryCard.ts`), which shows only what answers them.
 */
export function entryRecordCard(entry: Entry, knowledge: AgentKnowledge, t: TFunction): AdaptiveCard {
  const f = (field: string): string => t(`channels.agent.fields.${field}`);
  const facts: { title: string; value: string }[] = [{ title: f('id'), value: entry.id }];
  const file = knowledge.fileOf(entry.id);
  if (file) facts.push({ title: f('file'), value: file });
  facts.push({ title: f('audience'), value: entry.audience.join(', ') });
  facts.push({ title: f('organisations'), value: entry.organisations.join(', ') });
  if (entry.intent) facts.push({ title: f('intent'), value: entry.intent });
  if (entry.decidedBy)
    facts.push({ title: f('decidedBy'), value: `${entry.decidedBy.who} — ${entry.decidedBy.text}` });
  if (entry.keywords.length > 0) facts.push({ title: f('keywords'), value: entry.keywords.join(', ') });

  const body: CardElement[] = [
    heading(entry.title, { size: 'Large' }),
    text(entry.summary),
    { type: 'FactSet', facts },
  ];
  const section = (field: string, items: readonly string[], numbered = false): void => {
    if (items.length === 0) return;
    body.push(heading(f(field), { size: 'Default', separator: true }));
    body.push(
      ...(numbered ? items.map((item, i) => text(`${i + 1}. ${item}`, { spacing: 'None' })) : bullets(items)),
    );
  };
  /** A section of « label: value » lines. */
  const labelledSection = <T extends { label: string }>(
    field: string,
    items: readonly T[],
    value: (item: T) => string,
  ): void =>
    section(
      field,
      items.map((item) => labelled(t, item.label, value(item))),
    );
  section('conditions', entry.conditions);
  section('motives', entry.motives ?? []);
  section('details', entry.details);
  labelledSection('amounts', entry.amounts, (a) => a.text);
  labelledSection('durations', entry.durations, (d) => d.text);
  section('steps', entry.steps, true);
  section('documents', entry.documents);
  labelledSection('links', entry.links, (link) => link.url);
  section(
    'contacts',
    entry.contacts.map((id) => {
      const contact = knowledge.contact(id);
      if (!contact) return id;
      const reach = [contact.number, contact.url, contact.hours].filter(Boolean).join(' — ');
      return reach ? labelled(t, contact.label, reach) : contact.label;
    }),
  );
  section(
    'related',
    entry.related.map((r) => `${r.id} (${t(`channels.agent.relations.${r.relation}`)})`),
  );
  body.push(
    heading(t('channels.agent.sources'), { size: 'Default', separator: true }),
    ...sourceElements(entry, t),
  );
  return adaptiveCard(body, {
    msteams: { width: 'Full' },
    actions: entry.links.slice(0, 5).map((link) => openUrlAction(link.label, link.url)),
    fallbackText: entryPlainText(entry, t).join('\n'),
  });
}
