import type { RecognizedEntities } from './ports';

/**
 * How the recogniser's entities answer the questions of the journeys' trees. A slot's value is only taken when
 * it is one of the values the current question offers, so an entity can never lead outside the tree.
 */
type SlotReader = (entities: RecognizedEntities) => string | undefined;

const READERS: Record<string, SlotReader> = {
  situation: (e) =>
    e.situation ??
    (e.difficultes?.includes('retraite') ? 'retraite_proche' : undefined) ??
    (e.difficultes?.includes('invalidite') ? 'invalide' : undefined) ??
    (e.difficultes?.includes('deces_conjoint') ? 'conjoint_survivant' : undefined),
  difficulte: (e) => {
    const kinds = (e.difficultes ?? []).filter(
      (d) => !['retraite', 'invalidite', 'deces_conjoint'].includes(d),
    );
    if (kinds.length > 1) return 'plusieurs';
    return kinds[0];
  },
};

export function valueFromEntities(
  slot: string,
  entities: RecognizedEntities,
  allowed: string[],
): string | undefined {
  const value = READERS[slot]?.(entities);
  return value !== undefined && allowed.includes(value) ? value : undefined;
}
