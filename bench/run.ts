/** Runs every bench/*.bench.ts file (each exports `run()`), one after the other, in this process. */
import * as fs from 'fs';
import * as path from 'path';

async function main(): Promise<void> {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  for (const file of files) {
    console.log(`\n# ${file}`);
    const mod: unknown = await import(path.join(__dirname, file));
    const run = (mod as { run?: unknown }).run;
    if (typeof run !== 'function') {
      console.log(`  (skipped: ${file} exports no run())`);
      continue;
    }
    await (run as () => unknown)();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
