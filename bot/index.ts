import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // Loaded only once the configuration is known to be valid: a bad setting fails fast, before the model loads.
  const { startBot } = await import('./main');
  const started = await startBot(config);
  started.logger.info(
    {
      url: `${started.url}/api/messages`,
      portal: `${started.url}/`,
      auth: config.MicrosoftAppId ? 'enforced' : 'anonymous (local)',
    },
    'Relais Indé is listening',
  );
  const stop = (signal: string) => {
    started.logger.info({ signal }, 'shutting down');
    // Whatever happens, the process is gone within 10 s (orchestrators kill it soon after anyway).
    setTimeout(() => process.exit(1), 10_000).unref();
    void started.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Relais Indé could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
