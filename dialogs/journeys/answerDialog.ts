import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../sdk';
import type { Knowledge } from '../../knowledge/loader';
import type { Entry } from '../../knowledge/schema';
import { contactsActivity, entriesActivity } from '../answers';
import { translator } from '../i18n';
import { type JourneyResult, outcomeOfAnswer } from './journey';

export interface AnswerDialogOptions {
  intent: string;
}

/** How many entries of one intent a direct answer shows (the main one first, as ordered in the YAML). */
const MAX_ENTRIES = 3;

/**
 * A direct answer: the knowledge entries that answer the intent, as cards with their links. When the knowledge
 * base has nothing for the intent, it says so and gives the advisers' contacts instead of guessing.
 */
export class AnswerDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly knowledge: Knowledge,
    private readonly pick: (entries: Entry[], intent: string) => Entry[] = (entries) =>
      entries.slice(0, MAX_ENTRIES),
  ) {
    super(id);
    this.addDialog(new WaterfallDialog(`${id}.answer`, [(step) => this.answer(step)]));
    this.initialDialogId = `${id}.answer`;
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { intent } = step.options as AnswerDialogOptions;
    const t = translator(step.context.activity.locale);
    const entries = this.pick(this.knowledge.byIntent(intent), intent);
    if (entries.length === 0) {
      await step.context.sendActivities([
        { type: 'message', text: t('journey.noAnswer') },
        contactsActivity(this.knowledge, t),
      ]);
      return step.endDialog({ intent, answered: false, outcome: 'phone_contact' } satisfies JourneyResult);
    }
    await step.context.sendActivity(entriesActivity(this.knowledge, t, entries, t('journey.answerIntro')));
    return step.endDialog({
      intent,
      answered: true,
      outcome: outcomeOfAnswer(entries),
    } satisfies JourneyResult);
  }
}
