import { z } from 'zod';
import { StatutSchema } from './entities';

/**
 * What a portal may tell the bot about the signed-in person: in the Direct Line token request, in an `event`
 * activity named `context`, or in `channelData.context` of any message.
 */
const fields = {
  statut: StatutSchema,
  /** A French département code (`14`, `971`, `2A`). */
  departement: z.string().regex(/^(\d{2,3}|2[AB])$/i),
  prenom: z.string().trim().min(1).max(40),
};

/** Strict: a request carrying an invalid value is refused (the Direct Line token endpoint answers 400). */
export const PortalContextSchema = z.object({
  statut: fields.statut.optional(),
  departement: fields.departement.optional(),
  prenom: fields.prenom.optional(),
});

/** Lenient, for what reaches the bot: unknown fields are ignored and invalid values dropped. */
const LenientPortalContextSchema = z.object({
  statut: fields.statut.optional().catch(undefined),
  departement: fields.departement.optional().catch(undefined),
  prenom: fields.prenom.optional().catch(undefined),
});

export type PortalContext = z.infer<typeof PortalContextSchema>;

/** The valid fields of `value`, or undefined when none is (or `value` is not an object). */
export function parsePortalContext(value: unknown): PortalContext | undefined {
  // Most activities carry no context at all: no need to run the schema (it cost ~3 % of the CPU per turn).
  if (value === null || typeof value !== 'object') return undefined;
  const result = LenientPortalContextSchema.safeParse(value);
  if (!result.success) return undefined;
  const context = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  return Object.keys(context).length > 0 ? (context as PortalContext) : undefined;
}
