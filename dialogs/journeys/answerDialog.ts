import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import type { TFunction } from 'i18next';
import { Dialog } from '../sdk';
import type { Knowledge } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { adviserLines, audienceCaveats, contactsActivity, entriesActivity, fitFor } from '../answers';
import { translator } from '../i18n';
import { gapShownThisTurn, getTurnRecognition, helpShownThisTurn, speaksToAdviser } from '../turnState';
import { hasPhrase } from '../prompts/markers';
import type { RecognizedEntities } from '../ports';
import { valueFromEntities } from '../slots';
import { type JourneyResult, outcomeOfAnswer } from './journey';

export interface AnswerDialogOptions {
  intent: string;
  /** The entries to show, by id, instead of the intent's (a question naming one aid: « c'est quoi l'ACED ? »). */
  entryIds?: string[];
  /** The person's status, told now or earlier: an entry described for other statuses is said so first. */
  statut?: string;
  /** The person's situation (a conventioned practitioner is in an audience that names them). */
  situation?: string;
  /** The person's activity is over (retired, closed), told now or earlier: no entry for an activity under way. */
  activityOver?: boolean;
  /** The affiliation told in the message (« j'ai créé mon entreprise il y a 6 mois »), read against the entry's. */
  affiliation?: Pick<RecognizedEntities, 'affiliationMois' | 'affiliationMoisMoinsDe' | 'activiteTerminee'>;
}

/** The label of an entry's duration that says the affiliation its benefit needs (`knowledge/maladie.yaml`). */
const MIN_AFFILIATION_LABEL = 'Affiliation minimale';

/** The answers about a death, whose first words are of sympathy when the person tells one. */
const BEREAVEMENT_INTENTS: ReadonlySet<string> = new Set(['deuil_parental', 'deces']);

/** How many entries of one intent a direct answer shows (the main one first, as ordered in the YAML). */
export const MAX_ENTRIES = 3;

/**
 * A direct answer: the knowledge entries that answer the intent, as cards with their links. When the knowledge
 * base has nothing for the intent, it says so and gives the advisers' contacts instead of guessing. It answers
 * and ends in the turn it starts: a plain dialog (see `HelpDialog`).
 */
export class AnswerDialog extends Dialog<AnswerDialogOptions> {
  constructor(
    id: string,
    private readonly knowledge: Knowledge,
    private readonly pick: (entries: Entry[], intent: string) => Entry[] = (entries) =>
      entries.slice(0, MAX_ENTRIES),
    /** To read « combien ? » in the message (absent: never read). */
    private readonly normalize?: (s: string) => string,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerDialogOptions): Promise<DialogTurnResult> {
    const { intent, entryIds, statut, situation, activityOver, affiliation } = options as AnswerDialogOptions;
    const t = translator(dc.context.activity.locale);
    const found = entryIds
      ? entryIds.flatMap((id) => this.knowledge.get(id) ?? [])
      : answerEntries(
          this.knowledge,
          intent,
          dc.context.activity.text,
          getTurnRecognition(dc.context)?.normalized,
        );
    // An entry that does not fit the person's status (« revenus estimés » for a micro-entrepreneur) is left out,
    // and said so.
    // One for an activity under way (« revenus estimés ») is left out, without more, when the activity is over.
    const fitting = fitFor(found, statut);
    const current = fitFor(fitting, undefined, activityOver === true);
    const entries = entryIds ? current : this.pick(current, intent);
    const unfit = found
      .filter((entry) => !fitting.includes(entry))
      .map((entry) => ({
        type: 'message',
        text: t('journey.notForStatut', {
          title: entry.title,
          statut: t(`journey.audience.${statut}`),
          lines: adviserLines(this.knowledge, t),
        }),
      }));
    if (entries.length === 0) {
      await dc.context.sendActivities([
        ...unfit,
        { type: 'message', text: t('journey.noAnswer') },
        contactsActivity(this.knowledge, t, speaksToAdviser(dc.context)),
      ]);
      return dc.endDialog({ intent, answered: false, outcome: 'phone_contact' } satisfies JourneyResult);
    }
    // « l'ASI c'est combien ? »: when the entry asked about has no amount, say so rather than let the card seem to
    // answer (the sources do not give it).
    // « combien de jours de congé paternité ? » asks a duration, which the entry may give.
    const normalize = this.normalize;
    const padded = normalize ? ` ${normalize(dc.context.activity.text ?? '')} ` : '';
    const says = (key: string) =>
      normalize !== undefined && hasPhrase(padded, t(key, { returnObjects: true }) as string[], normalize);
    const [entry] = entries;
    // « ma mère est décédée, j'ai droit à un congé ? »: sympathy first — unless HELP's offer has just said it, or an
    // adviser (Teams) asks about an insured person; and the congé de deuil parental is a child's, which the sources
    // say of no other relative.
    if (BEREAVEMENT_INTENTS.has(intent) && says('prompts.deathMarkers') && !speaksToAdviser(dc.context)) {
      const relative =
        intent === 'deuil_parental' && says('prompts.relativeMarkers') && !says('prompts.childMarkers');
      const words = [
        ...(helpShownThisTurn(dc.context) ? [] : [{ type: 'message', text: t('journey.condolences') }]),
        ...(relative
          ? [
              {
                type: 'message',
                text: t('journey.notAChild', { lines: adviserLines(this.knowledge, t, entry) }),
              },
            ]
          : []),
      ];
      if (words.length > 0) await dc.context.sendActivities(words);
    }
    // « combien de séances ? » asks a number of things, neither an amount nor a duration: the card says what it has.
    // After the honest answer for a subject the sources say nothing about (« majorations de retard combien ? »), the
    // amount asked is that subject's, already said to be missing, not this card's.
    const unanswered =
      gapShownThisTurn(dc.context) || says('prompts.countMarkers')
        ? false
        : says('prompts.durationMarkers')
          ? entry.durations.length === 0 && 'journey.noDuration'
          : says('prompts.amountMarkers') && entry.amounts.length === 0 && 'journey.noAmount';
    if (unanswered) await dc.context.sendActivity(t(unanswered, { title: entry.title }));
    // « erreur 1121 sans autre explication s'affichait », « un message d'erreur quand je la mets à jour »: the sources
    // know no error message; the card answers around it, not as if it explained the message.
    else if (says('prompts.errorMessageMarkers') || errorCodeTold(padded, t))
      await dc.context.sendActivity(
        t('journey.noErrorMessage', { title: entry.title, lines: adviserLines(this.knowledge, t, entry) }),
      );
    // « créé il y a 6 mois… accident de travail, serai-je indemnisé ? »: an affiliation told shorter than the one the
    // entry's benefit needs is said first, so that the card promises nothing the person cannot have.
    const minimum = entry.durations.find((d) => d.label === MIN_AFFILIATION_LABEL)?.values[0];
    if (
      minimum !== undefined &&
      affiliation !== undefined &&
      valueFromEntities(`affiliation_${minimum}_mois`, affiliation, ['non']) === 'non'
    )
      await dc.context.sendActivity(
        t('journey.affiliationShort', {
          months: minimum,
          lines: adviserLines(this.knowledge, t, entry),
          condition: entry.durations.find((d) => d.label === MIN_AFFILIATION_LABEL)?.text,
        }),
      );
    // « je suis graphiste en profession libérale… le congé de deuil parental ? »: the entry is described for other
    // statuses (a warning, not an answer).
    await dc.context.sendActivities([
      ...unfit,
      ...audienceCaveats(this.knowledge, t, entries.slice(0, 1), statut, {
        situation,
        ownSpouseStatus: says('prompts.ownSpouseStatusMarkers'),
      }),
      entriesActivity(this.knowledge, t, entries, t('journey.answerIntro')),
    ]);
    return dc.endDialog({
      intent,
      answered: true,
      outcome: outcomeOfAnswer(entries),
    } satisfies JourneyResult);
  }
}

/**
 * An error code told (« erreur 1121 », « code 403 »): a word of `prompts.errorWords` with a number after it. `padded`:
 * the normalised message between spaces.
 */
function errorCodeTold(padded: string, t: TFunction): boolean {
  const words = padded.trim().split(' ');
  const errorWords = new Set(t('prompts.errorWords', { returnObjects: true }) as string[]);
  return words.some((word, i) => errorWords.has(word) && /^\d+$/.test(words[i + 1] ?? ''));
}

/**
 * The entries answering `intent`: the one the message names (« ai-je droit au capital décès ? ») first, then the
 * intent's others in file order. An entry of another intent that the message names and that links to this
 * intent's (« ald, y a pas de carence ? »: the carence card, which says what an ALD changes) comes first too: it is
 * the question asked, the intent's entries its context. `corrected`: the text as the recogniser read it (SMS
 * spellings and typos mended: « pas de jour de carance si ald »), read when the typed text names nothing.
 */
export function answerEntries(
  knowledge: Knowledge,
  intent: string,
  text: string | undefined,
  corrected?: string,
): Entry[] {
  const entries = knowledge.byIntent(intent);
  const named =
    (text ? knowledge.named(text) : undefined) ?? (corrected ? knowledge.named(corrected) : undefined);
  if (!named) return entries;
  if (entries.includes(named)) return [named, ...entries.filter((entry) => entry !== named)];
  // Linked from the named entry (the carence's card names the ALD's): not the other way round, which every card
  // offering HELP would be (« pas besoin de help, jveux un délai urssaf » is no question about HELP).
  const ids = new Set(entries.map((entry) => entry.id));
  return named.related.some((link) => ids.has(link.id)) ? [named, ...entries] : entries;
}
