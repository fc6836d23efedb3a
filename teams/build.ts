/**
 * Builds the Microsoft Teams app package (`teams/relais-inde.zip`): `manifest.json` from
 * `manifest.template.json`, plus the two icons `color.png` (192×192, on the manifest's accent colour #1B5E9E) and
 * `outline.png` (32×32, white on transparent). Used by `npm run teams:package`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';

export const TEAMS_DIR = __dirname;
export const DEFAULT_PACKAGE_FILE = path.join(TEAMS_DIR, 'relais-inde.zip');
/** Clearly not a real app: Teams refuses to sideload it, which is the point. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TeamsPackageOptions {
  /** `MicrosoftAppId` of the Azure Bot registration; the placeholder (with a warning) when absent. */
  appId?: string;
  /** App version, `major.minor.patch` (default: package.json's version). */
  version?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsUrl?: string;
  /** Domain the bot is served from (added to `validDomains`); default: the website's host. */
  botDomain?: string;
  outFile?: string;
}

export interface TeamsPackage {
  file: string;
  manifest: Record<string, unknown>;
  warnings: string[];
}

const DEFAULT_WEBSITE = 'https://relais-inde.example';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(TEAMS_DIR, '..', 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '1.0.0';
}

/** Replaces `{{NAME}}` placeholders in every string of a JSON value. */
function fill(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (all, name: string) => vars[name] ?? all);
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  }
  return value;
}

export function renderManifest(options: TeamsPackageOptions = {}): {
  manifest: Record<string, unknown>;
  warnings: string[];
} {
  const warnings: string[] = [];
  let appId = options.appId?.trim() ?? '';
  if (appId === '') {
    warnings.push(
      `MicrosoftAppId is not set: the manifest uses the placeholder id ${PLACEHOLDER_APP_ID}. ` +
        'Set MicrosoftAppId to your Azure Bot app id before sideloading the package in Teams.',
    );
    appId = PLACEHOLDER_APP_ID;
  } else if (!GUID.test(appId)) {
    throw new Error(`MicrosoftAppId must be a GUID (got "${appId}")`);
  }
  const websiteUrl = options.websiteUrl ?? DEFAULT_WEBSITE;
  const version = options.version ?? packageVersion();
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`version must be major.minor.patch (got "${version}")`);
  const template: unknown = JSON.parse(readFileSync(path.join(TEAMS_DIR, 'manifest.template.json'), 'utf8'));
  const manifest = fill(template, {
    MICROSOFT_APP_ID: appId.toLowerCase(),
    VERSION: version,
    WEBSITE_URL: websiteUrl,
    PRIVACY_URL: options.privacyUrl ?? `${websiteUrl.replace(/\/+$/, '')}/confidentialite`,
    TERMS_URL: options.termsUrl ?? `${websiteUrl.replace(/\/+$/, '')}/conditions`,
    BOT_DOMAIN: options.botDomain ?? new URL(websiteUrl).host,
  }) as Record<string, unknown>;
  return { manifest, warnings };
}

export function buildTeamsPackage(options: TeamsPackageOptions = {}): TeamsPackage {
  const { manifest, warnings } = renderManifest(options);
  const zip = zipSync(
    {
      'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
      // PNGs are compressed already: stored as they are.
      'color.png': [readFileSync(path.join(TEAMS_DIR, 'color.png')), { level: 0 }],
      'outline.png': [readFileSync(path.join(TEAMS_DIR, 'outline.png')), { level: 0 }],
    },
    // A fixed date, so that the same inputs give the same archive.
    { level: 9, mtime: new Date(2024, 0, 1) },
  );
  const file = options.outFile ?? DEFAULT_PACKAGE_FILE;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, zip);
  return { file, manifest, warnings };
}
