import type { FeedbackSink } from '../dialogs/ports';
import { hashId, type Logger } from './logger';

/**
 * Records the answers to "Cette réponse vous a-t-elle aidé ?": one log line each (intent, outcome, hashed
 * conversation) and in-process counters per intent, exposed in Prometheus text format on `GET /metrics`.
 */
export class FeedbackRecorder implements FeedbackSink {
  private readonly counts = new Map<string, { helpful: number; notHelpful: number }>();

  constructor(
    private readonly logger: Logger,
    private readonly salt: string,
  ) {}

  record(event: { intent: string; helpful: boolean; conversation: string }): void {
    const counts = this.counts.get(event.intent) ?? { helpful: 0, notHelpful: 0 };
    if (event.helpful) counts.helpful += 1;
    else counts.notHelpful += 1;
    this.counts.set(event.intent, counts);
    this.logger.info(
      { intent: event.intent, helpful: event.helpful, conversation: hashId(event.conversation, this.salt) },
      'feedback',
    );
  }

  /** Prometheus exposition format. */
  toPrometheus(): string {
    const lines = [
      '# HELP relais_feedback_total Answers to "Cette réponse vous a-t-elle aidé ?" by intent and outcome.',
      '# TYPE relais_feedback_total counter',
    ];
    for (const [intent, c] of this.counts) {
      lines.push(`relais_feedback_total{intent="${intent}",helpful="true"} ${c.helpful}`);
      lines.push(`relais_feedback_total{intent="${intent}",helpful="false"} ${c.notHelpful}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
