/**
 * The compiled builds the start-up measure needs: the project's own (`npm run build` → dist/) and the two
 * floors, transpiled the same way (TypeScript → CommonJS) into bench/.build/.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './procs';

export function buildProject(): number {
  const t0 = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status})`);
  return performance.now() - t0;
}

/** Transpiles bench/floors/*.ts to bench/.build/floors/*.js; returns the paths of the .js files by floor name. */
export function buildFloors(): Record<string, string> {
  const outDir = path.join(ROOT, 'bench', '.build', 'floors');
  fs.mkdirSync(outDir, { recursive: true });
  const floorsDir = path.join(ROOT, 'bench', 'floors');
  const built: Record<string, string> = {};
  for (const file of fs.readdirSync(floorsDir).filter((f) => f.endsWith('.ts'))) {
    const output = ts.transpileModule(fs.readFileSync(path.join(floorsDir, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    const out = path.join(outDir, file.replace(/\.ts$/, '.js'));
    fs.writeFileSync(out, output.outputText);
    built[path.basename(file, '.ts')] = path.relative(ROOT, out);
  }
  return built;
}
