/**
 * Trains the recogniser once and stores the model in its content-addressed cache (`nlu/cache.ts`),
 * so that the first `npm start` after `npm install` answers without training. Run by `npm install` (`prepare`);
 * harmless to run again, and never fatal: without a cache the bot simply trains at start-up.
 */
async function main(): Promise<void> {
  const { getRecognizer } = await import('../nlu');
  const recognizer = getRecognizer();
  console.log(
    recognizer.fromCache
      ? 'recogniser model already cached'
      : `recogniser model trained and cached (${Math.round(recognizer.buildMs)} ms)`,
  );
}

main().catch((error: unknown) => {
  console.warn(`recogniser model not cached: ${error instanceof Error ? error.message : String(error)}`);
});
