import {
  ComponentDialog,
  type DialogTurnResult,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { translator } from './i18n';
import { intentFromMenuLabel, menuActivity, welcomeActivities } from './menu';
import type { IntentRecognizer, RecognitionLike } from './ports';
import { getTurnRecognition } from './turnState';

export const MAIN_DIALOG = 'MainDialog';
const ROUTE = 'main.route';

export interface MainDialogDeps {
  recognizer: IntentRecognizer;
  normalize: (text: string) => string;
}

/** Owns the conversation: recognises the need and hands it to the journey that answers it. */
export class MainDialog extends ComponentDialog {
  constructor(private readonly deps: MainDialogDeps) {
    super(MAIN_DIALOG);
    this.addDialog(new WaterfallDialog(ROUTE, [(step) => this.routeStep(step)]));
    this.initialDialogId = ROUTE;
  }

  private recognition(step: WaterfallStepContext): RecognitionLike {
    return (
      getTurnRecognition(step.context) ?? this.deps.recognizer.recognize(step.context.activity.text ?? '')
    );
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const t = translator(step.context.activity.locale);
    const text = step.context.activity.text ?? '';
    const intent = intentFromMenuLabel(text, t, this.deps.normalize) ?? this.recognition(step).topIntent;
    if (intent === 'greeting') {
      await step.context.sendActivities(welcomeActivities(t));
    } else {
      await step.context.sendActivity(menuActivity(t));
    }
    return step.endDialog();
  }
}
