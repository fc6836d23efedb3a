import { type Middleware, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JourneyOutcome, OutcomeSink } from '../dialogs/ports';

/**
 * The service's metrics, in one Prometheus registry per bot (so that several bots in one test process do not
 * share counters), exposed on `GET /metrics`. What happened in the conversations (intents, fallbacks, ambiguity
 * questions, journey outcomes, feedback) comes from the dialogs through the `OutcomeSink` and `FeedbackSink`
 * ports; turns, latency and storage errors are measured here, in the hosting layer.
 */
export class Metrics implements OutcomeSink {
  readonly registry = new Registry();
  readonly turns = new Counter({
    name: 'relais_turns_total',
    help: 'Turns (activities received), by channel and activity type.',
    labelNames: ['channel', 'type'] as const,
    registers: [this.registry],
  });
  readonly turnErrors = new Counter({
    name: 'relais_turn_errors_total',
    help: 'Turns that failed (the person got the technical-problem message), by channel.',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });
  readonly turnDuration = new Histogram({
    name: 'relais_turn_duration_seconds',
    help: 'Time to handle one turn, waiting for the previous turns of its conversation included.',
    labelNames: ['channel'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly intents = new Counter({
    name: 'relais_intents_total',
    help: 'Requests the bot acted on, by intent (None: not understood); answers to its questions are not counted.',
    labelNames: ['intent'] as const,
    registers: [this.registry],
  });
  readonly fallbacks = new Counter({
    name: 'relais_fallbacks_total',
    help: 'Messages not understood, by step: 1 rephrase or best guesses, 2 menu, 3 advisers contacts.',
    labelNames: ['step'] as const,
    registers: [this.registry],
  });
  readonly ambiguities = new Counter({
    name: 'relais_ambiguity_questions_total',
    help: 'Times the bot asked "A or B?" because the recogniser hesitated between two intents.',
    labelNames: ['first', 'second'] as const,
    registers: [this.registry],
  });
  readonly journeys = new Counter({
    name: 'relais_journeys_total',
    help: 'Journeys and direct answers ended, by intent and outcome (form_link, help_referral, phone_contact, crisis_line, out_of_scope, answered, abandoned).',
    labelNames: ['intent', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly feedback = new Counter({
    name: 'relais_feedback_total',
    help: 'Answers to "Cette réponse vous a-t-elle aidé ?" by intent and outcome.',
    labelNames: ['intent', 'helpful'] as const,
    registers: [this.registry],
  });
  readonly storageErrors = new Counter({
    name: 'relais_storage_errors_total',
    help: 'Failed storage operations (read, write, delete, lock): unreachable or timed-out Redis, eTag conflicts.',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  /** `inFlight`: turns running or waiting now (read at each scrape). */
  constructor(inFlight?: () => number) {
    if (inFlight) {
      new Gauge({
        name: 'relais_turns_in_flight',
        help: 'Turns running or waiting for their conversation now.',
        registers: [this.registry],
        collect() {
          this.set(inFlight());
        },
      });
    }
  }

  intent(event: { intent: string }): void {
    this.intents.inc({ intent: event.intent });
  }

  fallback(event: { step: 1 | 2 | 3 }): void {
    this.fallbacks.inc({ step: String(event.step) });
  }

  ambiguity(event: { first: string; second: string }): void {
    this.ambiguities.inc({ first: event.first, second: event.second });
  }

  journeyEnded(event: { intent: string; outcome: JourneyOutcome }): void {
    this.journeys.inc({ intent: event.intent, outcome: event.outcome });
  }

  /** One feedback answer; both outcomes of the intent are then exposed (the other one at 0). */
  recordFeedback(intent: string, helpful: boolean): void {
    this.feedback.inc({ intent, helpful: String(helpful) });
    this.feedback.inc({ intent, helpful: String(!helpful) }, 0);
  }

  /** Prometheus text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Counts every turn, its duration and whether it failed. */
export class TurnMetricsMiddleware implements Middleware {
  constructor(private readonly metrics: Metrics) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const channel = context.activity.channelId ?? 'unknown';
    const stop = this.metrics.turnDuration.startTimer({ channel });
    this.metrics.turns.inc({ channel, type: context.activity.type ?? 'unknown' });
    try {
      await next();
    } catch (error) {
      this.metrics.turnErrors.inc({ channel });
      throw error;
    } finally {
      stop();
    }
  }
}

/** A `Storage` that counts the failures of the one it wraps. */
export class MeasuredStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly metrics: Metrics,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.count('read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.count('write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.count('delete', () => this.inner.delete(keys));
  }

  private async count<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.metrics.storageErrors.inc({ operation });
      throw error;
    }
  }
}
