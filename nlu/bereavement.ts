/**
 * The bereavement topics (congé de deuil parental, a relative's death) are read only when the message says a death:
 * « mon fils a un cancer » is a child's illness, and offering that parent the bereavement leave would hurt. The
 * words are data, `locales/fr/nlu/bereavement.yaml`; the recogniser sets those intents' probability to zero when
 * none is found (they are then neither chosen, nor offered as another need or a guess).
 */
import { z } from 'zod';
import { IntentNameSchema, type IntentName } from '../contract';
import { compileGroup, loadDataFile, matchesAny, PatternSchema as Pattern } from './patterns';
import { type Requirement, requirementOf } from './prefilter';

export const BereavementFileSchema = z.strictObject({
  intents: z.array(IntentNameSchema).min(1),
  patterns: z.array(Pattern).min(1),
});
export type BereavementFile = z.infer<typeof BereavementFileSchema>;

export class BereavementGate {
  readonly intents: readonly IntentName[];
  private readonly re: RegExp;
  private readonly req: Requirement | null;

  constructor(data: BereavementFile) {
    this.intents = data.intents;
    this.re = compileGroup(data.patterns);
    this.req = requirementOf(this.re);
  }

  static fromFile(file = 'bereavement.yaml'): BereavementGate {
    return new BereavementGate(loadDataFile(file, BereavementFileSchema));
  }

  /** True when one of the normalised texts says a death. */
  saysDeath(...texts: string[]): boolean {
    return matchesAny(this.re, this.req, texts);
  }
}
