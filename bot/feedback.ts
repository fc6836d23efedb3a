import type { FeedbackSink } from '../dialogs/ports';
import { hashId, type Logger } from './logger';
import type { Metrics } from './metrics';

/**
 * Records the answers to "Cette réponse vous a-t-elle aidé ?": one log line each (intent, outcome, hashed
 * conversation) and the counter `relais_feedback_total{intent,helpful}` on `GET /metrics`.
 */
export class FeedbackRecorder implements FeedbackSink {
  constructor(
    private readonly logger: Logger,
    private readonly salt: string,
    private readonly metrics: Metrics,
  ) {}

  record(event: { intent: string; helpful: boolean; conversation: string }): void {
    this.metrics.recordFeedback(event.intent, event.helpful);
    this.logger.info(
      { intent: event.intent, helpful: event.helpful, conversation: hashId(event.conversation, this.salt) },
      'feedback',
    );
  }
}
