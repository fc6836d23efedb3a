import type { TurnContext } from 'botbuilder';
import type { PortalContext } from '../contract';

/**
 * What a portal told the bot about the signed-in person (the contract's `PortalContext`, read with its
 * `parsePortalContext`: unknown fields ignored, invalid ones dropped), kept for the turn.
 */
export type PortalProfile = PortalContext;

const PROFILE_KEY = Symbol('relais.profile');

export function setTurnProfile(context: TurnContext, profile: PortalProfile | undefined): void {
  context.turnState.set(PROFILE_KEY, profile);
}

export function getTurnProfile(context: TurnContext): PortalProfile | undefined {
  return context.turnState.get(PROFILE_KEY) as PortalProfile | undefined;
}
