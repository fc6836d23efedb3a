import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { IntentRecognizer, ReadingOptions, RecognitionLike } from '../dialogs/ports';
import { deepFreeze } from '../contract';

/**
 * Recognition of the texts the bot itself offered as buttons, computed once per text.
 *
 * A click on a suggested action (or on a card's imBack button) comes back as a message whose text is the button's:
 * a guided journey is mostly such clicks, and its turns spent ≈ 12 % of their CPU recognising the same few dozen
 * labels again and again. The recogniser's result depends on the text alone, so the result for a text the bot
 * offered is kept and shared (frozen: no turn can change what the next one reads); any other text — everything a
 * person types — is recognised at every turn, as before. Both the offered texts and the results are bounded.
 */
export class ButtonRecognition implements IntentRecognizer {
  private readonly offered = new Set<string>();
  private readonly results = new Map<string, RecognitionLike>();

  constructor(
    private readonly inner: IntentRecognizer,
    private readonly maxEntries = 2000,
  ) {}

  /** Texts of buttons sent to a person: a message with one of them is then recognised once for all. */
  offer(texts: Iterable<string>): void {
    for (const text of texts) {
      if (this.offered.has(text)) continue;
      if (this.offered.size >= this.maxEntries) this.offered.clear();
      this.offered.add(text);
    }
  }

  recognize(text: string, options?: ReadingOptions): RecognitionLike {
    // A button's text reads the same for anyone; a typed text is read with its options.
    if (!this.offered.has(text)) return this.inner.recognize(text, options);
    let result = this.results.get(text);
    if (!result) {
      result = deepFreeze(this.inner.recognize(text));
      if (this.results.size >= this.maxEntries) this.results.clear();
      this.results.set(text, result);
    }
    return result;
  }
}

/** The texts a click on one of the activity's buttons sends back: suggested actions and cards' imBack buttons. */
export function buttonTexts(activity: Partial<Activity>): string[] {
  const texts: string[] = [];
  for (const action of activity.suggestedActions?.actions ?? []) {
    if (action.type === 'imBack' && typeof action.value === 'string') texts.push(action.value);
  }
  for (const attachment of activity.attachments ?? []) {
    const actions = (attachment.content as { actions?: unknown } | undefined)?.actions;
    if (!Array.isArray(actions)) continue;
    for (const action of actions as Array<{ data?: { msteams?: { type?: string; value?: unknown } } }>) {
      const back = action.data?.msteams;
      if (back?.type === 'imBack' && typeof back.value === 'string') texts.push(back.value);
    }
  }
  return texts;
}

/** Tells `ButtonRecognition` which texts the bot offers as buttons, as its activities are sent. */
export class OfferedButtonsMiddleware implements Middleware {
  constructor(private readonly recognition: ButtonRecognition) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, nextSend) => {
      for (const activity of activities) this.recognition.offer(buttonTexts(activity));
      return nextSend();
    });
    await next();
  }
}
