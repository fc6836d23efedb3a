import type { Knowledge } from '../../knowledge/loader';
import type { Contact, Entry } from '../../knowledge/schema';

/** What agent mode reads from the knowledge base: a narrow view, so tests can hand in a small fake. */
export type AgentKnowledge = Pick<Knowledge, 'get' | 'search' | 'fileOf' | 'contact'>;

export type { Contact, Entry };

/** Gives the knowledge base, or `undefined` when it cannot be loaded (agents are then told so politely). */
export type KnowledgeProvider = () => AgentKnowledge | undefined;

/**
 * Loads the knowledge base on first use and remembers it. A failure is not remembered: the next agent command
 * tries again, so a bot started before the YAML files were fixed recovers without a restart.
 */
export function lazyKnowledge(
  load: () => AgentKnowledge,
  onError?: (error: unknown) => void,
): KnowledgeProvider {
  let loaded: AgentKnowledge | undefined;
  return () => {
    if (loaded) return loaded;
    try {
      loaded = load();
    } catch (error) {
      onError?.(error);
    }
    return loaded;
  };
}
