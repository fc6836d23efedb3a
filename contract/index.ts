/**
 * The contract: the names and shapes shared by the recogniser (`nlu/`), the knowledge base (`knowledge/`), the
 * dialogs and the hosting (`bot/`). It sits at the bottom of the layers and imports nothing of the project.
 */
export * from './intents';
export * from './entities';
export * from './recognition';
export * from './portal';
export * from './json';
