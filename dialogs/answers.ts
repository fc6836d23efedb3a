import { type Activity, AttachmentLayoutTypes, MessageFactory } from 'botbuilder';
import type { TFunction } from 'i18next';
import type { Knowledge } from '../knowledge/loader';
import type { Contact, Entry } from '../knowledge/schema';
import {
  adaptiveCard,
  type CardActionElement,
  cardAttachment,
  factSet,
  heading,
  openUrlAction,
  text,
} from './cards/adaptive';
import { entryCard } from './cards/entryCard';

/** The contacts offered when a person asks for a human or cannot be helped: Assurance Maladie, Urssaf, HELP. */
export const ADVISER_CONTACT_IDS = ['tel-3646', 'tel-3698'] as const;
export const HELP_CONTACT_ID = 'help-demarches-simplifiees';

/** Organisations answered by the same telephone line (the Cnam's network is the CPAMs', the CPSTI's the Urssaf's). */
const SAME_NETWORK: Record<string, string[]> = {
  cnam: ['cpam'],
  service_social: ['cpam'],
  cpsti: ['urssaf'],
};

/**
 * The contacts shown on an entry's card: its own, or, when it has neither a link nor a contact, the telephone
 * line of the organisation that handles it, so that no answer is a dead end.
 */
function contactsOf(knowledge: Knowledge, entry: Entry): Contact[] {
  const own = entry.contacts.map((id) => knowledge.contact(id)).filter((c) => c !== undefined);
  if (own.length > 0 || entry.links.length > 0) return own;
  const handledBy = new Set<string>(entry.organisations.flatMap((o) => [o, ...(SAME_NETWORK[o] ?? [])]));
  return knowledge.contacts
    .filter((c) => c.channel === 'telephone' && handledBy.has(c.organisation))
    .slice(0, 1);
}

function titlesOf(
  knowledge: Knowledge,
  entry: Entry,
  relation: 'combinable' | 'not_combinable',
  excluded: readonly string[],
): string[] {
  return entry.related
    .filter((r) => r.relation === relation && !excluded.includes(r.id))
    .map((r) => knowledge.get(r.id)?.title)
    .filter((title): title is string => title !== undefined);
}

/**
 * An answer made of knowledge entries: an introduction and one card per entry, saying which aids combine.
 * `channelData.relaisEntries` names the entries, so a channel can add their sources (Teams agent mode).
 */
export function entriesActivity(
  knowledge: Knowledge,
  t: TFunction,
  entries: Entry[],
  intro: string,
  /** Aids the person cannot have (a leaf's `excludes`): not named as combinable either. */
  excluded: readonly string[] = [],
): Partial<Activity> {
  const activity = MessageFactory.carousel(
    entries.map((entry) =>
      entryCard(entry, t, {
        combinableWith: titlesOf(knowledge, entry, 'combinable', excluded),
        notCombinableWith: titlesOf(knowledge, entry, 'not_combinable', excluded),
        contacts: contactsOf(knowledge, entry),
      }),
    ),
    intro,
  );
  activity.attachmentLayout = AttachmentLayoutTypes.List;
  activity.channelData = { relaisEntries: entries.map((e) => e.id) };
  return activity;
}

/** The advisers' phone numbers with their hours, and the HELP request link. */
export function contactsActivity(knowledge: Knowledge, t: TFunction): Partial<Activity> {
  const facts = ADVISER_CONTACT_IDS.map((id) => knowledge.contact(id))
    .filter((c) => c !== undefined)
    .map((c) => ({
      title: c.label,
      value: [c.purpose, c.hours, c.price].filter((part) => part !== undefined).join(' — '),
    }));
  const help = knowledge.contact(HELP_CONTACT_ID);
  const body = [heading(t('contacts.intro')), factSet(facts)];
  const actions: CardActionElement[] = [];
  if (help?.url) {
    body.push(text(t('contacts.help', { url: help.url })));
    actions.push(openUrlAction(help.label, help.url));
  }
  const fallback = [t('contacts.intro'), ...facts.map((f) => `${f.title} : ${f.value}`)].join('\n');
  const activity = MessageFactory.attachment(
    cardAttachment(
      adaptiveCard(body, { ...(actions.length > 0 ? { actions } : {}), fallbackText: fallback }),
    ),
  );
  activity.text = facts.map((f) => f.title).join(' · ');
  return activity;
}
