/**
 * The facts an entry states by kind — its conditions, durations, amounts, who decides — as the sentences a direct
 * answer to a question about one of them says (« il faut combien de mois d'affiliation pour le congé mat ? »: the
 * maternity entry's conditions). A journey lists the entries that state its facts (`journey.facts`).
 */
import type { Entry, Journey } from './schema';

/** The entry fields that state one fact a person may ask about alone. */
export type FactField = keyof NonNullable<Journey['facts']>;

/** The sentences of `entry` that state its `field` (a figure with its label: « Durée minimale du congé : 8 semaines… »). */
export function factsOf(entry: Entry, field: FactField): string[] {
  switch (field) {
    case 'conditions':
      return [...entry.conditions];
    case 'durations':
      return entry.durations.map((figure) => `${figure.label} : ${figure.text}`);
    case 'amounts':
      return entry.amounts.map((figure) => `${figure.label} : ${figure.text}`);
    case 'decidedBy':
      return entry.decidedBy ? [entry.decidedBy.text] : [];
  }
}

/** Whether `entry` states its `field` at all. */
export function entryStates(entry: Entry, field: FactField): boolean {
  return factsOf(entry, field).length > 0;
}
