/**
 * The recogniser's version, part of the model cache key with the content of its data files (`cache.ts`). The key
 * does not hash the code itself, so that `npm start` (TypeScript) and `npm run start:prod` (compiled JavaScript)
 * share one trained model. Bump it with any code change that changes what is trained: normalisation, spelling,
 * features, model, training. `tests/nlu/cache.test.ts` fails when those sources change without a bump.
 */
export const RECOGNIZER_VERSION = '2026-12-04.1';
