/**
 * What the pre-tests derive from each pattern (`prefilter.ts` `requiredAtoms`), kept on disk beside the cached
 * models: reading the detectors' and entities' patterns again was about 50 ms of every start. The file is keyed by
 * a hash of the code that derives them (`prefilter.ts`, or its compiled `.js`: each build has its own file), and
 * each entry by its pattern's flags and source, so a change to either is derived again. Like the model cache, any
 * read or write problem only means deriving again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from './cache';
import type { Atom } from './prefilter';

/** A pattern's derived requirements as `requiredAtoms` returns them (JSON-safe), or null. */
export type Needs = Atom[][][] | null;

export class NeedsMemo {
  private entries: Map<string, Needs> | undefined;
  private dirty = false;
  /** A timer and an exit hook to write the memo are in place. */
  private saveScheduled = false;
  /** The memo's file, named by the hash of `codeFile` (read once). */
  private path: string | undefined;

  /**
   * @param codeFile the file whose content the derived requirements depend on (its hash names the memo's file)
   * @param dir the folder of the memo's file
   */
  constructor(
    private readonly codeFile: string,
    private readonly dir: string = CACHE_DIR,
  ) {}

  /** The requirements of `source` with `flags`, derived by `derive` once and remembered. */
  get(source: string, flags: string, derive: () => Needs): Needs {
    const entries = (this.entries ??= this.load());
    const key = `${flags}\n${source}`;
    if (entries.has(key)) return entries.get(key) ?? null;
    const needs = derive();
    entries.set(key, needs);
    this.markDirty();
    return needs;
  }

  /** Writes the memo if something was added since it was read (atomically: a temporary file, then a rename). */
  save(): void {
    if (!this.dirty || !this.entries) return;
    this.dirty = false;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const file = this.file();
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify([...this.entries]));
      fs.renameSync(temp, file);
    } catch {
      // Not written: the next start derives them again.
    }
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    // Written once the patterns of a start have all been read, or at exit for a short-lived process.
    const timer = setTimeout(() => this.save(), 2000);
    if (typeof timer === 'object') timer.unref();
    process.once('exit', () => this.save());
  }

  private file(): string {
    if (this.path !== undefined) return this.path;
    let code = '';
    try {
      code = fs.readFileSync(this.codeFile, 'utf8');
    } catch {
      code = this.codeFile;
    }
    const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
    this.path = path.join(this.dir, `prefilter-${hash}.json`);
    return this.path;
  }

  private load(): Map<string, Needs> {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file(), 'utf8'));
      if (Array.isArray(parsed) && parsed.every(isEntry)) return new Map(parsed);
    } catch {
      // No memo yet, or an unreadable one: derive.
    }
    return new Map();
  }
}

function isEntry(value: unknown): value is [string, Needs] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string') return false;
  const needs: unknown = value[1];
  return (
    needs === null ||
    (Array.isArray(needs) &&
      needs.every(
        (conj) =>
          Array.isArray(conj) &&
          conj.every(
            (clause) =>
              Array.isArray(clause) &&
              clause.every(
                (atom) =>
                  typeof atom === 'object' &&
                  atom !== null &&
                  typeof (atom as { s?: unknown }).s === 'string' &&
                  typeof (atom as { prefix?: unknown }).prefix === 'boolean',
              ),
          ),
      ))
  );
}
