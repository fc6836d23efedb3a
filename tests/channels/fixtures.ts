import type { Activity } from 'botbuilder';
import type { AgentKnowledge } from '../../bot/channels/knowledgeSource';
import { type Contact, type Entry, EntrySchema } from '../../knowledge/schema';

/** Two small entries, validated by the real schema so that defaults are filled as in the knowledge base. */
export const AFE: Entry = EntrySchema.parse({
  id: 'afe-test',
  title: 'Aide financière exceptionnelle (test)',
  summary: 'Une aide ponctuelle pour payer ses cotisations.',
  audience: ['tous'],
  organisations: ['urssaf', 'cpsti'],
  intent: 'aide_financiere',
  conditions: ['Être à jour de ses déclarations', 'Avoir des difficultés passagères'],
  amounts: [{ label: 'Plafond', text: "jusqu'à 6 000 €", values: [6000] }],
  durations: [{ label: 'Réponse', text: 'sous 48 h', values: [48] }],
  steps: ['Remplir le formulaire', "L'envoyer à l'Urssaf"],
  documents: ['Dernier avis d’imposition'],
  links: [
    { type: 'form', label: 'Formulaire de demande', url: 'https://secu-independants.fr/demander-une-aide' },
  ],
  contacts: ['tel-test'],
  related: [{ id: 'repit-test', relation: 'combinable' }],
  decidedBy: { who: 'cass', text: 'La commission décide.' },
  keywords: ['cotisations', 'aide exceptionnelle'],
  sources: [
    {
      file: '002_d24105b1533ea96e.txt',
      section: "L'action sociale du CPSTI",
      quote: 'Des aides spécifiques pouvant couvrir différentes situations.',
    },
  ],
});

export const REPIT: Entry = EntrySchema.parse({
  id: 'repit-test',
  title: 'Aide au répit (test)',
  summary: 'Pour souffler quand on aide un proche.',
  audience: ['tous'],
  organisations: ['cpam'],
  keywords: ['aidant', 'répit'],
  links: [{ type: 'info', label: 'ameli.fr', url: 'https://www.ameli.fr/' }],
  sources: [{ file: '000_86cfd7445831eca4.txt', section: 'Motifs', quote: 'aide au répit pour les aidants' }],
});

const CONTACT = {
  id: 'tel-test',
  label: 'Urssaf (test)',
  channel: 'telephone',
  number: '3698',
  organisation: 'urssaf',
  purpose: 'test',
  sources: AFE.sources,
} as Contact;

/** An in-memory knowledge base: `search` matches any word of the query in the title or keywords. */
export function fakeKnowledge(entries: readonly Entry[] = [AFE, REPIT]): AgentKnowledge {
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return {
    get: (id: string) => entries.find((e) => e.id === id),
    fileOf: (id: string) => (entries.some((e) => e.id === id) ? 'aides.yaml' : undefined),
    contact: (id: string) => (id === CONTACT.id ? CONTACT : undefined),
    search: (text: string, limit = 10) => {
      const words = norm(text)
        .split(/\s+/)
        .filter((w) => w.length > 2);
      return entries
        .filter((e) => words.some((w) => norm([e.title, ...e.keywords].join(' ')).includes(w)))
        .slice(0, limit);
    },
  };
}

export const BOT = { id: '28:relais-bot', name: 'Relais Indé' };
let counter = 0;

/** A message as Microsoft Teams sends it, with the replies asked for in the HTTP response. */
export function teamsActivity(
  partial: Partial<Activity> & { conversationType?: 'personal' | 'channel' | 'groupChat'; mention?: boolean },
): Partial<Activity> {
  const { conversationType = 'personal', mention = false, ...rest } = partial;
  const text = rest.text ?? '';
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    deliveryMode: 'expectReplies',
    locale: 'fr-FR',
    from: { id: '29:agent-1', name: 'Agent CPAM', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    recipient: BOT,
    conversation: {
      id: `19:teams-${++counter}@thread.tacv2`,
      conversationType,
      isGroup: conversationType !== 'personal',
      tenantId: 'tenant-1',
      name: '',
    },
    channelData: { tenant: { id: 'tenant-1' } },
    id: `teams-act-${++counter}`,
    timestamp: new Date(),
    ...rest,
    text: mention ? `<at>Relais Indé</at> ${text}` : text,
    entities: mention
      ? [{ type: 'mention', mentioned: BOT, text: '<at>Relais Indé</at>' }, ...(rest.entities ?? [])]
      : rest.entities,
  } as Partial<Activity>;
}
