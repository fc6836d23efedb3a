import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../sdk';
import type { Knowledge } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { contactsActivity, entriesActivity } from '../answers';
import { translator } from '../i18n';
import { type JourneyResult, outcomeOfAnswer } from './journey';

export interface AnswerDialogOptions {
  intent: string;
  /** The entries to show, by id, instead of the intent's (a question naming one aid: « c'est quoi l'ACED ? »). */
  entryIds?: string[];
}

/** How many entries of one intent a direct answer shows (the main one first, as ordered in the YAML). */
const MAX_ENTRIES = 3;

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
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerDialogOptions): Promise<DialogTurnResult> {
    const { intent, entryIds } = options as AnswerDialogOptions;
    const t = translator(dc.context.activity.locale);
    const entries = entryIds
      ? entryIds.flatMap((id) => this.knowledge.get(id) ?? [])
      : this.pick(
          namedFirst(this.knowledge.byIntent(intent), this.knowledge, dc.context.activity.text),
          intent,
        );
    if (entries.length === 0) {
      await dc.context.sendActivities([
        { type: 'message', text: t('journey.noAnswer') },
        contactsActivity(this.knowledge, t),
      ]);
      return dc.endDialog({ intent, answered: false, outcome: 'phone_contact' } satisfies JourneyResult);
    }
    await dc.context.sendActivity(entriesActivity(this.knowledge, t, entries, t('journey.answerIntro')));
    return dc.endDialog({
      intent,
      answered: true,
      outcome: outcomeOfAnswer(entries),
    } satisfies JourneyResult);
  }
}

/** The entry the message names (« ai-je droit au capital décès ? ») first, then the intent's others in file order. */
function namedFirst(entries: Entry[], knowledge: Knowledge, text: string | undefined): Entry[] {
  const named = text ? knowledge.named(text) : undefined;
  if (!named || !entries.includes(named)) return entries;
  return [named, ...entries.filter((entry) => entry !== named)];
}
