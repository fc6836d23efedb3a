/**
 * `npm run kb:check` — validates the knowledge base (schema, cross-file rules, orientation tree, worked examples)
 * and, when the seed documents are present, traceability (quotes, figures, URLs). Prints every problem as
 * `file: id: field: message` and exits 1 on error; on success prints counts.
 * Usage: `npm run kb:check` (the knowledge/ folder) or `tsx scripts/kb-check.ts <folder>`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkKnowledge, formatProblem } from '../knowledge/loader';
import { walkPaths } from '../knowledge/tree';
import { checkTraceability, countQuotes, readSeeds } from '../knowledge/trace';

const started = Date.now();
const dir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const { knowledge, problems } = checkKnowledge(dir);
const seedsDir = path.resolve(__dirname, '..', '..', 'shared', 'seeds');
const seedsPresent = fs.existsSync(seedsDir);
if (knowledge && problems.length === 0 && seedsPresent) {
  problems.push(...checkTraceability(knowledge, readSeeds(seedsDir)));
}

if (!knowledge || problems.length > 0) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\nkb:check: ${problems.length} problem${problems.length > 1 ? 's' : ''} found.`);
  process.exit(1);
}

const files = new Map<string, number>();
for (const e of knowledge.entries) {
  const f = knowledge.fileOf(e.id) ?? '?';
  files.set(f, (files.get(f) ?? 0) + 1);
}
const figures = knowledge.entries.reduce((n, e) => n + e.amounts.length + e.durations.length, 0);
console.log('kb:check OK');
console.log(
  `  entries:         ${knowledge.entries.length} (${[...files].map(([f, n]) => `${f} ${n}`).join(', ')})`,
);
console.log(`  quotes:          ${countQuotes(knowledge)}`);
console.log(`  figures:         ${figures}`);
console.log(
  `  tree paths:      ${walkPaths(knowledge.tree).length} (${knowledge.tree.nodes.length} nodes, ${knowledge.tree.id})`,
);
for (const t of knowledge.trees.slice(1)) {
  console.log(`  journey paths:   ${walkPaths(t).length} (${t.nodes.length} nodes, ${t.id})`);
}
console.log(`  contacts:        ${knowledge.contacts.length}`);
console.log(`  worked examples: ${knowledge.workedExamples.length}`);
console.log(
  seedsPresent
    ? '  traceability:    quotes, headings, figures and URLs checked against the seeds'
    : `  traceability:    SKIPPED (seed documents not found in ${seedsDir})`,
);
console.log(`  time:            ${Date.now() - started} ms`);
