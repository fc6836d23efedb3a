import { MemoryStorage, type Storage } from 'botbuilder';

/**
 * The state store shared by the bot (conversation and user state) and the embedded Direct Line endpoint.
 * `MemoryStorage` by default: nothing to install, state lives as long as the process.
 */
export function createStorage(): Storage {
  return new MemoryStorage();
}
