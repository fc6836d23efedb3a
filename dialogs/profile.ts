import type { TurnContext } from 'botbuilder';
import { z } from 'zod';

/**
 * What a portal may tell the bot about the signed-in person, in an `event` activity named `context` or in
 * `channelData.context` of any message. Unknown fields are ignored; invalid ones are dropped.
 */
export const portalContextSchema = z.object({
  statut: z
    .enum(['artisan', 'commercant', 'profession_liberale', 'micro_entrepreneur', 'conjoint_collaborateur'])
    .optional()
    .catch(undefined),
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/i)
    .optional()
    .catch(undefined),
  prenom: z.string().trim().min(1).max(40).optional().catch(undefined),
});

export type PortalProfile = z.infer<typeof portalContextSchema>;

const PROFILE_KEY = Symbol('relais.profile');

export function parsePortalContext(value: unknown): PortalProfile | undefined {
  // Most activities carry no context at all: no need to run the schema (it cost ~4 % of the CPU per turn).
  if (value === null || typeof value !== 'object') return undefined;
  const result = portalContextSchema.safeParse(value);
  if (!result.success) return undefined;
  const profile = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  return Object.keys(profile).length > 0 ? (profile as PortalProfile) : undefined;
}

export function setTurnProfile(context: TurnContext, profile: PortalProfile | undefined): void {
  context.turnState.set(PROFILE_KEY, profile);
}

export function getTurnProfile(context: TurnContext): PortalProfile | undefined {
  return context.turnState.get(PROFILE_KEY) as PortalProfile | undefined;
}
