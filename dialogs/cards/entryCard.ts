import type { Attachment } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Contact, Entry } from '../../knowledge/schema';
import {
  adaptiveCard,
  type CardActionElement,
  cardAttachment,
  type CardElement,
  factSet,
  heading,
  label,
  list,
  openUrlAction,
  text,
} from './adaptive';

export interface EntryCardOptions {
  /** Titles of the entries this one can be combined with, to say so on the card. */
  combinableWith?: string[];
  /** Titles of the entries this one cannot be combined with. */
  notCombinableWith?: string[];
  /** Who to call or where to go (phone numbers with their hours, sites). */
  contacts?: Contact[];
}

/** "3646 — Assurance Maladie : du lundi au vendredi de 8h30 à 17h30" */
export function contactLine(contact: Contact): string {
  const details = [contact.hours, contact.price].filter((part) => part !== undefined).join(', ');
  return details ? `${contact.label} : ${details}` : contact.label;
}

/**
 * Several sentences as one French enumeration: "A ; B ; C." — each sentence's own final full stop is dropped
 * before the semicolon (never "A. ; B."), and the enumeration ends with one.
 */
export function joinClauses(clauses: readonly string[]): string {
  const trimmed = clauses.map((c) => c.trim().replace(/[\s.;]+$/u, ''));
  return `${trimmed.join(' ; ')}.`;
}

/**
 * One knowledge entry as an answer card, shaped like the Assurance Maladie assistant's: the aid, the condition,
 * the motives, a short description, the amount where known, who decides, the pièces justificatives, the steps,
 * and the links ("plus d'infos", the form). Every word of content comes from the entry; labels from i18n.
 */
export function entryCard(entry: Entry, t: TFunction, options: EntryCardOptions = {}): Attachment {
  const body: CardElement[] = [heading(entry.title), text(entry.summary)];
  const facts: Array<{ title: string; value: string }> = [];
  if (entry.conditions.length > 0)
    facts.push({ title: t('card.conditions'), value: joinClauses(entry.conditions) });
  for (const amount of entry.amounts) facts.push({ title: amount.label, value: amount.text });
  for (const duration of entry.durations) facts.push({ title: duration.label, value: duration.text });
  if (entry.decidedBy) facts.push({ title: t('card.decidedBy'), value: entry.decidedBy.text });
  if (facts.length > 0) body.push(factSet(facts));
  if (entry.motives && entry.motives.length > 0) body.push(label(t('card.motives')), list(entry.motives));
  if (entry.details.length > 0) body.push(list(entry.details));
  if (entry.steps.length > 0) body.push(label(t('card.steps')), list(entry.steps, true));
  if (entry.documents.length > 0) body.push(label(t('card.documents')), list(entry.documents));
  if (options.combinableWith && options.combinableWith.length > 0) {
    body.push(text(t('card.combinable', { list: options.combinableWith.join(', ') }), { isSubtle: true }));
  }
  if (options.notCombinableWith && options.notCombinableWith.length > 0) {
    body.push(
      text(t('card.notCombinable', { list: options.notCombinableWith.join(', ') }), { isSubtle: true }),
    );
  }
  const contacts = options.contacts ?? [];
  if (contacts.length > 0) body.push(label(t('card.contacts')), list(contacts.map(contactLine)));
  const actions: CardActionElement[] = [
    ...entry.links.map((link) => openUrlAction(link.label, link.url)),
    ...contacts
      .filter((c) => c.url !== undefined && !entry.links.some((l) => l.url === c.url))
      .map((c) => openUrlAction(c.label, c.url as string)),
  ];
  const fallback = [
    entry.title,
    entry.summary,
    ...entry.links.map((l) => `${l.label} : ${l.url}`),
    ...contacts.map(contactLine),
  ].join('\n');
  return cardAttachment(
    adaptiveCard(body, { ...(actions.length > 0 ? { actions } : {}), fallbackText: fallback }),
  );
}
