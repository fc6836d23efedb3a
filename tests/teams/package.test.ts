import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildTeamsPackage, PLACEHOLDER_APP_ID, type TeamsPackage } from '../../teams/build';
import { unzipSync } from 'fflate';

const ROOT = path.join(__dirname, '..', '..');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

interface Manifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  packageName: string;
  developer: Record<string, string>;
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  validDomains: string[];
}

/** Width, height, bit depth and colour type of a PNG, from its IHDR chunk (right after the 8-byte signature). */
function readPngHeader(png: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24], colorType: png[25] };
}

/** The pixels of a PNG written by our encoder (one IDAT, filter type 0 on every row). */
function unfilteredPixels(png: Buffer, size: number, channels: number): number[] {
  let at = 8;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out: number[] = [];
  for (let y = 0; y < size; y++) {
    expect(raw[y * (size * channels + 1)]).toBe(0);
    out.push(...raw.subarray(y * (size * channels + 1) + 1, (y + 1) * (size * channels + 1)));
  }
  return out;
}

describe('Teams app package', () => {
  let dir: string;
  let built: TeamsPackage;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'relais-teams-'));
    built = buildTeamsPackage({ appId: APP_ID, outFile: path.join(dir, 'app.zip') });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function files(zipFile: string): Map<string, Buffer> {
    return new Map(
      Object.entries(unzipSync(readFileSync(zipFile))).map(([name, data]) => [name, Buffer.from(data)]),
    );
  }

  it('contains a v1.17 manifest with the app id as id and bot id, and the required fields', () => {
    expect(built.warnings).toEqual([]);
    const zip = files(built.file);
    expect([...zip.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.packageName).toMatch(/^[a-z0-9.]+$/i);
    for (const key of ['name', 'websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(manifest.developer[key]).toBeTruthy();
    }
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(manifest.developer[key]).toMatch(/^https:\/\//);
    }
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeGreaterThan(0);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeGreaterThan(manifest.description.short.length);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.validDomains.length).toBeGreaterThan(0);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('declares the bot in the three scopes, without files, with agent commands in every scope', () => {
    const manifest = built.manifest as unknown as Manifest;
    const bot = manifest.bots[0];
    expect(bot?.scopes.map((s) => s.toLowerCase()).sort()).toEqual(['groupchat', 'personal', 'team']);
    expect(bot?.supportsFiles).toBe(false);
    const lists = bot?.commandLists ?? [];
    const covered = lists.flatMap((l) => l.scopes.map((s) => s.toLowerCase())).sort();
    expect(covered).toEqual(['groupchat', 'personal', 'team']);
    for (const list of lists) {
      const titles = list.commands.map((c) => c.title);
      expect(titles).toEqual(
        expect.arrayContaining(['recherche', 'fiche', 'menu', 'aide financière', 'conseiller']),
      );
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has a 192×192 colour icon and a 32×32 outline icon with an alpha channel, white on transparent', () => {
    const zip = files(built.file);
    const color = readPngHeader(zip.get('color.png') ?? Buffer.alloc(0));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(color.colorType);
    const outline = readPngHeader(zip.get('outline.png') ?? Buffer.alloc(0));
    expect([outline.width, outline.height, outline.bitDepth, outline.colorType]).toEqual([32, 32, 8, 6]);
    // Every pixel is white; the drawing is in the alpha channel: fully transparent corners, an opaque glyph.
    const pixels = unfilteredPixels(zip.get('outline.png') ?? Buffer.alloc(0), 32, 4);
    const alphas = pixels.filter((_, i) => i % 4 === 3);
    expect(pixels.every((v, i) => i % 4 === 3 || v === 255)).toBe(true);
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(50);
  });

  it('uses a clearly fake app id, with a warning, when MicrosoftAppId is absent', () => {
    const built = buildTeamsPackage({ outFile: path.join(dir, 'fake.zip') });
    expect(built.manifest.id).toBe(PLACEHOLDER_APP_ID);
    expect(built.warnings.join(' ')).toMatch(/MicrosoftAppId/);
    expect(() => buildTeamsPackage({ appId: 'not-a-guid', outFile: path.join(dir, 'bad.zip') })).toThrow(
      /GUID/,
    );
  });

  it('runs as `npm run teams:package` does, warning on stderr, and `unzip` agrees with the archive', () => {
    const out = path.join(dir, 'cli', 'relais-inde.zip');
    const env = { ...process.env, MicrosoftAppId: '' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', out], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: MicrosoftAppId is not set/);
    expect(files(out).size).toBe(3);
    const unzip = spawnSync('unzip', ['-t', out], { encoding: 'utf8' });
    if (unzip.error === undefined) {
      expect(unzip.status).toBe(0);
      expect(unzip.stdout).toMatch(/No errors detected/);
    }
  });

  it('gives the same archive for the same inputs', () => {
    const again = buildTeamsPackage({ appId: APP_ID, outFile: path.join(dir, 'again.zip') });
    expect(readFileSync(again.file).equals(readFileSync(built.file))).toBe(true);
  });
});
