import { type Activity, type Attachment, AttachmentLayoutTypes, MessageFactory } from 'botbuilder';
import type { TFunction } from 'i18next';
import { deepFreeze } from '../contract';
import type { Knowledge } from '../knowledge/loader';
import type { Contact, Entry } from '../knowledge/schema';
import {
  adaptiveCard,
  type CardActionElement,
  cardAttachment,
  type CardElement,
  factSet,
  heading,
  imBackAction,
  label,
  list,
  openUrlAction,
  text,
} from './cards/adaptive';
import { contactLine, entryCard } from './cards/entryCard';

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
  const handledBy = handlersOf(entry);
  return knowledge.contacts
    .filter((c) => c.channel === 'telephone' && handledBy.has(c.organisation))
    .slice(0, 1);
}

/** The organisations whose contacts answer about an entry: its own and those of the same network. */
function handlersOf(entry: Entry): Set<string> {
  return new Set<string>(entry.organisations.flatMap((o) => [o, ...(SAME_NETWORK[o] ?? [])]));
}

/**
 * The advisers' telephone numbers (`ADVISER_CONTACT_IDS`, read from the knowledge base) for a text that names them:
 * those of the organisations that handle `entry` — the Assurance Maladie's, the Urssaf's — or all of them when no
 * entry is given, or when it is handled by neither.
 */
export function adviserLines(knowledge: Knowledge, t: TFunction, entry?: Entry): string {
  const advisers = ADVISER_CONTACT_IDS.map((id) => knowledge.contact(id)).filter(
    (c): c is Contact & { number: string } => c?.number !== undefined,
  );
  const handledBy = entry && handlersOf(entry);
  const own = handledBy ? advisers.filter((c) => handledBy.has(c.organisation)) : [];
  return (own.length > 0 ? own : advisers).map((c) => c.number).join(` ${t('journey.or')} `);
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
 * Entry cards, built once: a card depends only on the knowledge base, the language (dialogs/i18n.ts makes one
 * translation function per language) and the aids a leaf excludes — never on the person — so rebuilding it at
 * every answer (texts joined, labels translated, links and contacts looked up) was work for nothing. Cached cards
 * are frozen; the channel middleware adds cards to an activity, it never edits one.
 */
const entryCards = new WeakMap<Knowledge, WeakMap<TFunction, Map<string, Attachment>>>();

function cachedEntryCard(
  knowledge: Knowledge,
  t: TFunction,
  entry: Entry,
  excluded: readonly string[],
): Attachment {
  let byLanguage = entryCards.get(knowledge);
  if (!byLanguage) {
    byLanguage = new WeakMap();
    entryCards.set(knowledge, byLanguage);
  }
  let cards = byLanguage.get(t);
  if (!cards) {
    cards = new Map();
    byLanguage.set(t, cards);
  }
  const key = excluded.length === 0 ? entry.id : [entry.id, ...excluded].join('\n');
  let card = cards.get(key);
  if (!card) {
    card = deepFreeze(
      entryCard(entry, t, {
        combinableWith: titlesOf(knowledge, entry, 'combinable', excluded),
        notCombinableWith: titlesOf(knowledge, entry, 'not_combinable', excluded),
        contacts: contactsOf(knowledge, entry),
      }),
    );
    cards.set(key, card);
  }
  return card;
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
    entries.map((entry) => cachedEntryCard(knowledge, t, entry, excluded)),
    intro,
  );
  activity.attachmentLayout = AttachmentLayoutTypes.List;
  activity.channelData = { relaisEntries: entries.map((e) => e.id) };
  return activity;
}

/**
 * The entries of an answer that say how to ask for them (their steps, a link to follow): what « comment je fais la
 * demande ? », « c'est quel formulaire ? », « et le lien ? » after that answer is about.
 */
export function applicableEntries(entries: readonly Entry[]): Entry[] {
  return entries.filter(hasDemarche);
}

/** An entry that says how to ask for it: steps or links. */
export function hasDemarche(entry: Entry): boolean {
  return entry.steps.length > 0 || entry.links.length > 0;
}

/**
 * How to ask for one entry, after an answer that showed it (« comment je fais la demande ? »): its steps, its
 * pièces justificatives, its contacts and its links (the form first, as in the entry), nothing else of its card.
 */
export function howToApplyActivity(knowledge: Knowledge, t: TFunction, entry: Entry): Partial<Activity> {
  const contacts = contactsOf(knowledge, entry);
  const title = t('main.howToTitle', { title: entry.title });
  const body: CardElement[] = [];
  if (entry.steps.length > 0) body.push(label(t('card.steps')), list(entry.steps, true));
  if (entry.documents.length > 0) body.push(label(t('card.documents')), list(entry.documents));
  if (contacts.length > 0) body.push(label(t('card.contacts')), list(contacts.map(contactLine)));
  const actions: CardActionElement[] = [
    ...[...entry.links]
      .sort((a, b) => Number(b.type === 'form') - Number(a.type === 'form'))
      .map((link) => openUrlAction(link.label, link.url)),
    ...contacts
      .filter((c) => c.url !== undefined && !entry.links.some((l) => l.url === c.url))
      .map((c) => openUrlAction(c.label, c.url as string)),
  ];
  const fallback = [
    title,
    ...entry.steps.map((step, i) => `${i + 1}. ${step}`),
    ...entry.links.map((l) => `${l.label} : ${l.url}`),
    ...contacts.map(contactLine),
  ].join('\n');
  const activity = MessageFactory.attachment(
    cardAttachment(
      adaptiveCard(body, { ...(actions.length > 0 ? { actions } : {}), fallbackText: fallback }),
    ),
    title,
  );
  activity.channelData = { relaisEntries: [entry.id] };
  return activity;
}

/** Statuses an entry's audience may name (the contract's; « micro-entrepreneur » is a regime, not a trade). */
const TRADE_STATUSES: ReadonlySet<string> = new Set([
  'artisan',
  'commercant',
  'profession_liberale',
  'conjoint_collaborateur',
]);

/**
 * The entries that fit the person's status: one `notFor` it (« revenus estimés » for a micro-entrepreneur) is left
 * out, and one for an activity under way (`activeOnly`) when the person's activity is over (retired, closed).
 */
export function fitFor(entries: readonly Entry[], statut: string | undefined, activityOver = false): Entry[] {
  return entries.filter(
    (entry) => !entry.notFor.some((s) => s === statut) && !(activityOver && entry.activeOnly),
  );
}

/**
 * A warning for each entry whose audience names statuses but not the person's (« pension d'invalidité » is the
 * artisans' and commerçants', a profession libérale is told the documents say nothing precise for them; the ADR is
 * reserved to them, a profession libérale is told it does not concern them) — never a silent answer about someone
 * else's scheme.
 */
export function audienceCaveats(
  knowledge: Knowledge,
  t: TFunction,
  entries: readonly Entry[],
  statut: string | undefined,
  person: {
    /** The person's situation: a conventioned practitioner (`pamc`) is in an audience that names them. */
    situation?: string;
    /** The person said the collaborating spouse's status of themselves (« je suis conjointe collaboratrice »). */
    ownSpouseStatus?: boolean;
  } = {},
): Partial<Activity>[] {
  if (statut === 'micro_entrepreneur') return microCaveats(knowledge, t, entries, person.situation);
  // A collaborating spouse's status is often the spouse's word for the other (« ma femme est conjointe
  // collaboratrice »): only the person's own trade is compared — or that status, said in the first person (the ACED
  // is described for « artisan, commerçant ou profession libérale », and the sources say nothing of the conjoint).
  if (
    statut === undefined ||
    !TRADE_STATUSES.has(statut) ||
    (statut === 'conjoint_collaborateur' && !person.ownSpouseStatus)
  )
    return [];
  return entries
    .filter(
      (entry) =>
        !entry.audience.includes('tous') &&
        !entry.audience.some((a) => a === statut) &&
        !(person.situation === 'pamc' && entry.audience.includes('praticien_auxiliaire_medical')) &&
        entry.audience.some((a) => TRADE_STATUSES.has(a)),
    )
    .map((entry) => ({
      type: 'message',
      text: t(entry.reservedTo ? 'journey.reservedCaveat' : 'journey.audienceCaveat', {
        title: entry.title,
        audience: listOf(
          t,
          entry.audience
            .filter((a) => TRADE_STATUSES.has(a) || a === 'praticien_auxiliaire_medical')
            .map((a) => t(`journey.audience.${a}`)),
        ),
        statut: t(`journey.audience.${statut}`),
        lines: adviserLines(knowledge, t),
      }),
    }));
}

/** The trades a micro-entrepreneur exercises one of: an audience that names all three includes them. */
const TRADES: readonly string[] = ['artisan', 'commercant', 'profession_liberale'];

/**
 * A micro-entrepreneur (a regime, not a trade) is an artisan, a commerçant or a profession libérale: an entry whose
 * audience names some of those trades but not all, nor the micro-entrepreneurs (« congé de deuil parental »: artisans,
 * commerçants, praticiens et auxiliaires médicaux, conjoints collaborateurs), may or may not be theirs — the
 * documents do not say, and the answer says so, with the line of the organisation that handles it.
 */
function microCaveats(
  knowledge: Knowledge,
  t: TFunction,
  entries: readonly Entry[],
  situation: string | undefined,
): Partial<Activity>[] {
  return entries
    .filter(
      (entry) =>
        !entry.audience.includes('tous') &&
        !entry.audience.includes('micro_entrepreneur') &&
        !(situation === 'pamc' && entry.audience.includes('praticien_auxiliaire_medical')) &&
        entry.audience.some((a) => TRADES.includes(a)) &&
        !TRADES.every((trade) => entry.audience.some((a) => a === trade)),
    )
    .map((entry) => ({
      type: 'message',
      text: t('journey.microCaveat', {
        title: entry.title,
        audience: listOf(
          t,
          entry.audience
            .filter((a) => TRADE_STATUSES.has(a) || a === 'praticien_auxiliaire_medical')
            .map((a) => t(`journey.audience.${a}`)),
        ),
        lines: adviserLines(knowledge, t, entry),
      }),
    }));
}

function listOf(t: TFunction, items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${t('journey.and')} ${items[items.length - 1]}`;
}

/** The national lines for words of self-harm: suicide prevention first, then medical emergency. */
export const CRISIS_CONTACT_IDS = ['tel-3114', 'tel-15'] as const;

function contactFacts(knowledge: Knowledge, ids: readonly string[]): { title: string; value: string }[] {
  return ids
    .map((id) => knowledge.contact(id))
    .filter((c) => c !== undefined)
    .map((c) => ({
      title: c.label,
      value: [c.purpose, c.hours, c.price].filter((part) => part !== undefined).join(' — '),
    }));
}

/** Phone-line cards already built, by knowledge base (see `phoneLinesActivity`). */
const phoneLineCards = new WeakMap<Knowledge, Map<string, { attachment: Attachment; text: string }>>();

/**
 * Telephone lines (`ids`, the advisers' by default) under an introduction, with optional buttons that send a
 * message back (e.g. « Demander une aide financière »). No HELP questionnaire link: callers add it when it fits.
 */
export function phoneLinesActivity(
  knowledge: Knowledge,
  intro: string,
  options: { ids?: readonly string[]; buttons?: readonly string[] } = {},
): Partial<Activity> {
  const ids = options.ids ?? ADVISER_CONTACT_IDS;
  const buttons = options.buttons ?? [];
  // Like the entry cards, the same for everyone: built once per knowledge base, introduction, lines and buttons.
  let cards = phoneLineCards.get(knowledge);
  if (!cards) {
    cards = new Map();
    phoneLineCards.set(knowledge, cards);
  }
  const key = JSON.stringify([intro, ids, buttons]);
  let card = cards.get(key);
  if (!card) {
    const facts = contactFacts(knowledge, ids);
    const actions = buttons.map((title) => imBackAction(title));
    const fallback = [intro, ...facts.map((f) => `${f.title} : ${f.value}`)].join('\n');
    card = {
      attachment: deepFreeze(
        cardAttachment(
          adaptiveCard([heading(intro), factSet(facts)], {
            ...(actions.length > 0 ? { actions } : {}),
            fallbackText: fallback,
          }),
        ),
      ),
      text: facts.map((f) => f.title).join(' · '),
    };
    if (cards.size >= 1024) cards.clear();
    cards.set(key, card);
  }
  const activity = MessageFactory.attachment(card.attachment);
  activity.text = card.text;
  return activity;
}

/**
 * HELP offered to a person in difficulty: one empathetic sentence with the HELP card (what it is, the
 * démarches-simplifiées questionnaire link, from `help.yaml`), then the advisers' lines, with a button to the
 * aide-financière journey unless that journey is already starting.
 */
export function helpOfferActivities(
  knowledge: Knowledge,
  t: TFunction,
  options: { intro: string; aidButton: boolean },
): Partial<Activity>[] {
  const help = knowledge.byIntent('help').slice(0, 1);
  return [
    entriesActivity(knowledge, t, help, options.intro),
    phoneLinesActivity(knowledge, t('distress.phones'), {
      buttons: options.aidButton ? [t('menu.aide_financiere')] : [],
    }),
  ];
}

/**
 * Words of self-harm: the suicide-prevention line first, then the advisers. Never the HELP questionnaire here:
 * a form is not the answer to someone who may be in danger.
 */
export function selfHarmActivities(knowledge: Knowledge, t: TFunction): Partial<Activity>[] {
  return [
    { type: 'message', text: t('distress.selfHarm') },
    ...crisisLines(knowledge, t, 'distress.crisisLines'),
  ];
}

/**
 * The crisis lines (3114, 15) introduced by the text of `key`, then the advisers' lines, introduced by
 * `advisersKey` (the person's own difficulties, or those of the person at risk).
 */
function crisisLines(
  knowledge: Knowledge,
  t: TFunction,
  key: string,
  advisersKey = 'distress.selfHarmAdvisers',
): Partial<Activity>[] {
  return [
    phoneLinesActivity(knowledge, t(key), { ids: CRISIS_CONTACT_IDS }),
    phoneLinesActivity(knowledge, t(advisersKey)),
  ];
}

/** A medical emergency told in passing: the 15 (« En cas d'urgence vitale »), before anything else. */
export function medicalEmergencyActivities(knowledge: Knowledge, t: TFunction): Partial<Activity>[] {
  return [phoneLinesActivity(knowledge, t('distress.medicalEmergency'), { ids: ['tel-15'] })];
}

/**
 * The message after a crisis line that asks nothing the bot can place (« ok », « non je veux pas appeler », « ça va
 * mieux, oubliez »): stay there, the lines again, and the bot's own help offered — never « pas compris ».
 */
export function afterCrisisActivities(knowledge: Knowledge, t: TFunction): Partial<Activity>[] {
  return crisisLines(knowledge, t, 'distress.afterCrisis');
}

/**
 * Someone else's suicide told by the person: the suicide-prevention line, which also answers the people close to
 * someone at risk and those bereaved by a suicide (source 005), before the rest of the answer.
 */
export function othersSuicideActivities(knowledge: Knowledge, t: TFunction): Partial<Activity>[] {
  return [phoneLinesActivity(knowledge, t('distress.othersSuicide'), { ids: ['tel-3114'] })];
}

/**
 * Someone else thinking of killing themselves, told by a relative or an adviser: the suicide-prevention line, which
 * answers the people close to someone at risk (source 005), and the 15 for an immediate danger; then the advisers.
 */
export function othersAtRiskActivities(knowledge: Knowledge, t: TFunction): Partial<Activity>[] {
  // The advisers are for the person at risk's difficulties, not the writer's (often an adviser or a relative).
  return crisisLines(knowledge, t, 'distress.othersAtRisk', 'distress.othersAtRiskAdvisers');
}

/**
 * The advisers' phone numbers with their hours, and the HELP request link (`adviser`: said of the insured person
 * to an adviser in Teams).
 */
export function contactsActivity(knowledge: Knowledge, t: TFunction, adviser = false): Partial<Activity> {
  const facts = contactFacts(knowledge, ADVISER_CONTACT_IDS);
  const help = knowledge.contact(HELP_CONTACT_ID);
  const body = [heading(t('contacts.intro')), factSet(facts)];
  const actions: CardActionElement[] = [];
  if (help?.url) {
    body.push(text(t('contacts.help', { url: help.url, ...(adviser ? { context: 'adviser' } : {}) })));
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

/** A field outside the bot's domain, or a gap of its sources, as the recogniser names it (`Recognition.outOfScope`). */
export interface OutOfScopeField {
  domain: string;
  /** Ids of `knowledge/contacts.yaml` the sources give for the field (possibly none). */
  contacts: readonly string[];
  /** A subject of the domain the sources say nothing precise about (out-of-scope.yaml `gap`). */
  gap?: boolean;
  /** The bot's own lines that fit the field when the sources give it no contact (out-of-scope.yaml `lines`). */
  lines?: readonly string[];
}

/**
 * « Ce n'est pas mon domaine » for a question outside the bot's field, with only the contacts the sources give
 * for it (possibly none): no invented address. A field named without any contact in the sources says so, and gets
 * the bot's own lines where they fit it (`lines`, with the reason in `outOfScopeLines.<domain>`).
 */
export function outOfScopeActivities(
  knowledge: Knowledge,
  t: TFunction,
  field: OutOfScopeField,
): Partial<Activity>[] {
  const { domain, gap = false } = field;
  const label = t(`outOfScopeDomains.${domain}`, { defaultValue: t('outOfScopeDomains.other') });
  const contacts = field.contacts.map((id) => knowledge.contact(id)).filter((c) => c !== undefined);
  const lines = contacts.map((c) => `${c.label} : ${c.url ?? c.number ?? ''} — ${c.purpose}`);
  const text = [t(gap ? 'main.knowledgeGap' : 'main.outOfScope', { domain: label })];
  if (lines.length > 0) text.push(t('main.outOfScopeContacts'), ...lines.map((l) => `• ${l}`));
  // A field the recogniser named (not « ce sujet » when it only knows the message is none of its subjects).
  else if (!gap && domain !== 'other') text.push(t('main.outOfScopeNoContact'));
  const own = lines.length > 0 ? [] : (field.lines ?? []);
  return [
    { type: 'message', text: text.join('\n\n') },
    ...(own.length > 0 ? [phoneLinesActivity(knowledge, t(`outOfScopeLines.${domain}`), { ids: own })] : []),
  ];
}
