import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from '../sdk';
import type { Knowledge } from '../../knowledge/loader';
import { helpOfferActivities } from '../answers';
import { translator } from '../i18n';
import type { JourneyResult } from './journey';

export const HELP_DIALOG = 'HelpDialog';

/**
 * HELP, for people whose difficulties pile up: what the scheme is (in the entry's own three lines), the
 * démarches simplifiées questionnaire link, the steps, and who calls back (from `help.yaml`), then the advisers'
 * telephone lines (`contacts.yaml`) and a button to the aide-financière journey.
 */
export class HelpDialog extends ComponentDialog {
  constructor(private readonly knowledge: Knowledge) {
    super(HELP_DIALOG);
    this.addDialog(new WaterfallDialog(`${HELP_DIALOG}.answer`, [(step) => this.answer(step)]));
    this.initialDialogId = `${HELP_DIALOG}.answer`;
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    await step.context.sendActivities(
      helpOfferActivities(this.knowledge, t, { intro: t('journey.helpIntro'), aidButton: true }),
    );
    return step.endDialog({
      intent: 'help',
      answered: true,
      outcome: 'help_referral',
    } satisfies JourneyResult);
  }
}
