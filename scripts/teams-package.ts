/**
 * `npm run teams:package`: builds `teams/relais-inde.zip` (manifest.json, color.png, outline.png) to sideload
 * in Microsoft Teams. Settings come from the environment (and `.env`): `MicrosoftAppId` (the bot's app id),
 * optionally `TEAMS_WEBSITE_URL`, `TEAMS_PRIVACY_URL`, `TEAMS_TERMS_URL`, `TEAMS_BOT_DOMAIN`.
 * `--out <file>` writes the package elsewhere.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { buildTeamsPackage } from '../teams/build';

function main(): number {
  loadDotenv({ quiet: true });
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' } } });
  const env = process.env;
  const built = buildTeamsPackage({
    appId: env.MicrosoftAppId,
    websiteUrl: env.TEAMS_WEBSITE_URL || undefined,
    privacyUrl: env.TEAMS_PRIVACY_URL || undefined,
    termsUrl: env.TEAMS_TERMS_URL || undefined,
    botDomain: env.TEAMS_BOT_DOMAIN || undefined,
    outFile: values.out ? path.resolve(values.out) : undefined,
  });
  for (const warning of built.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stdout.write(
    `Teams app package written to ${path.relative(process.cwd(), built.file) || built.file}\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`teams:package: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
