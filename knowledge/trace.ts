/**
 * Traceability: every quote must be found in the seed file it names, every section heading too, every figure
 * of an entry must appear in one of its quotes, and every link must be a URL written in a seed file.
 * Needs the seed documents (not shipped with the bot), so it runs in `kb:check` and the tests, not at start-up.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Knowledge } from './loader';
import type { Problem } from './problems';
import type { Source } from './schema';
import { CONTACTS_FILE, WORKED_EXAMPLES_FILE } from './schema';
import { normalizeForQuote, numbersIn } from './text';

export interface SeedFile {
  raw: string;
  normalized: string;
}

/** Reads every `*.txt` seed file of a folder. */
export function readSeeds(seedsDir: string): Map<string, SeedFile> {
  const seeds = new Map<string, SeedFile>();
  for (const file of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))) {
    const raw = fs.readFileSync(path.join(seedsDir, file), 'utf8');
    seeds.set(file, { raw, normalized: normalizeForQuote(raw) });
  }
  return seeds;
}

/** True when the quote is in the text, ignoring case, accents, spacing, apostrophes and thousands separators. */
export function quoteFound(quote: string, seed: SeedFile): boolean {
  return seed.normalized.includes(normalizeForQuote(quote));
}

function checkSourceList(
  file: string,
  id: string,
  sources: readonly Source[],
  seeds: Map<string, SeedFile>,
  problems: Problem[],
): void {
  sources.forEach((s, i) => {
    const seed = seeds.get(s.file);
    if (!seed) {
      problems.push({ file, id, field: `sources[${i}].file`, message: `unknown seed file "${s.file}"` });
      return;
    }
    if (!quoteFound(s.quote, seed)) {
      problems.push({
        file,
        id,
        field: `sources[${i}].quote`,
        message: `quote not found in ${s.file}: "${s.quote}"`,
      });
    }
    if (!quoteFound(s.section, seed)) {
      problems.push({
        file,
        id,
        field: `sources[${i}].section`,
        message: `heading not found in ${s.file}: "${s.section}"`,
      });
    }
  });
}

/** All traceability problems of a loaded knowledge base against the seed documents. */
export function checkTraceability(k: Knowledge, seeds: Map<string, SeedFile>): Problem[] {
  const problems: Problem[] = [];
  const allRaw = [...seeds.values()].map((s) => s.raw).join('\n');
  for (const entry of k.entries) {
    const file = k.fileOf(entry.id) ?? '?';
    checkSourceList(file, entry.id, entry.sources, seeds, problems);
    const quoted = new Set(entry.sources.flatMap((s) => numbersIn(s.quote)));
    for (const kind of ['amounts', 'durations'] as const) {
      entry[kind].forEach((fig, i) => {
        fig.values.forEach((v, j) => {
          if (!quoted.has(v)) {
            problems.push({
              file,
              id: entry.id,
              field: `${kind}[${i}].values[${j}]`,
              message: `${v} does not appear in any quote of this entry`,
            });
          }
        });
      });
    }
    entry.links.forEach((l, i) => {
      if (!allRaw.includes(l.url)) {
        problems.push({
          file,
          id: entry.id,
          field: `links[${i}].url`,
          message: `URL not found in the seeds: ${l.url}`,
        });
      }
    });
  }
  for (const c of k.contacts) {
    checkSourceList(CONTACTS_FILE, c.id, c.sources, seeds, problems);
    if (c.number && !c.sources.some((s) => s.quote.includes(c.number ?? ''))) {
      problems.push({
        file: CONTACTS_FILE,
        id: c.id,
        field: 'number',
        message: `${c.number} is not in a quote`,
      });
    }
    if (c.url && !allRaw.includes(c.url)) {
      problems.push({
        file: CONTACTS_FILE,
        id: c.id,
        field: 'url',
        message: `URL not found in the seeds: ${c.url}`,
      });
    }
  }
  for (const ex of k.workedExamples)
    checkSourceList(WORKED_EXAMPLES_FILE, ex.id, ex.sources, seeds, problems);
  return problems;
}

/** Number of quotes in the knowledge base (entries, contacts, worked examples). */
export function countQuotes(k: Knowledge): number {
  return (
    k.entries.reduce((n, e) => n + e.sources.length, 0) +
    k.contacts.reduce((n, c) => n + c.sources.length, 0) +
    k.workedExamples.reduce((n, x) => n + x.sources.length, 0)
  );
}
