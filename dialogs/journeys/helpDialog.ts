import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../sdk';
import type { Knowledge } from '../../knowledge/loader';
import { helpOfferActivities } from '../answers';
import { translator } from '../i18n';
import { adviserVoice, noteHelpShown } from '../turnState';
import type { JourneyResult } from './journey';

export const HELP_DIALOG = 'HelpDialog';

/**
 * HELP, for people whose difficulties pile up: what the scheme is (in the entry's own three lines), the
 * démarches simplifiées questionnaire link, the steps, and who calls back (from `help.yaml`), then the advisers'
 * telephone lines (`contacts.yaml`) and a button to the aide-financière journey.
 *
 * It answers and ends in the turn it starts (it never waits): a plain dialog, not a component holding a one-step
 * waterfall — each level of dialogs costs the SDK a dialog context and its memory at every turn it runs.
 */
export class HelpDialog extends Dialog {
  constructor(private readonly knowledge: Knowledge) {
    super(HELP_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const t = translator(dc.context.activity.locale);
    noteHelpShown(dc.context);
    await dc.context.sendActivities(
      helpOfferActivities(this.knowledge, t, {
        intro: t('journey.helpIntro', adviserVoice(dc.context)),
        aidButton: true,
      }),
    );
    return dc.endDialog({
      intent: 'help',
      answered: true,
      outcome: 'help_referral',
    } satisfies JourneyResult);
  }
}
