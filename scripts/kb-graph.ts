/**
 * `npm run kb:graph` — writes the orientation tree (knowledge/orientation.yaml) as a Mermaid diagram, with the
 * list of paths and the worked examples, to docs/orientation.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as prettier from 'prettier';
import { loadKnowledge } from '../knowledge/loader';
import type { Knowledge } from '../knowledge/loader';
import type { OrientationTree } from '../knowledge/schema';
import { isLeaf, resolve, walkPaths } from '../knowledge/tree';

/** Mermaid-safe label (quotes and angle brackets as entities). */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function mermaidId(id: string): string {
  return id.replace(/-/g, '_');
}

function mermaid(k: Knowledge, tree: OrientationTree): string[] {
  const lines: string[] = ['flowchart TD'];
  for (const node of tree.nodes) {
    const id = mermaidId(node.id);
    if (isLeaf(node)) {
      const aids = node.aids.map((a) => k.get(a)?.title ?? a);
      if (node.help) aids.push('+ HELP');
      lines.push(`  ${id}(["${aids.map(label).join('<br/>')}"])`);
      lines.push(`  class ${id} ${node.help ? 'help' : 'leaf'}`);
    } else {
      lines.push(`  ${id}{"${label(node.question)}"}`);
      for (const opt of node.options) {
        lines.push(`  ${id} -- "${label(opt.label)}" --> ${mermaidId(opt.next)}`);
      }
    }
  }
  lines.push('  classDef leaf fill:#e6f4ea,stroke:#2e7d32');
  lines.push('  classDef help fill:#fff4e5,stroke:#ef6c00');
  return lines;
}

function pathTable(tree: OrientationTree): string[] {
  const rows = walkPaths(tree).map((p) => {
    const choices = p.steps.map((s) => `${s.slot} = \`${s.value}\``).join(' → ');
    const aids = p.leaf.aids.map((a) => `\`${a}\``).join(', ');
    const figures = p.leaf.highlights.map((h) => `${h.entry} › ${h.figure}`).join(' ; ');
    return `| ${choices} | \`${p.leaf.id}\` | ${aids} | ${figures} | ${p.leaf.help ? 'oui' : 'non'} |`;
  });
  return [
    '| réponses | feuille | aides proposées | chiffres mis en avant | HELP |',
    '|---|---|---|---|---|',
    ...rows,
  ];
}

export function renderOrientation(k: Knowledge): string {
  const tree = k.tree;
  const paths = walkPaths(tree);
  const exampleRows = k.workedExamples.map((ex) => {
    const r = resolve(tree, ex.path);
    const reached = r.kind === 'leaf' ? `\`${r.leaf.id}\`` : `question \`${r.question.id}\``;
    const answers = Object.entries(ex.path)
      .map(([slot, value]) => `${slot} = \`${value}\``)
      .join(', ');
    return `| ${ex.name} | ${answers} | ${reached} | ${ex.expectedAids.map((a) => `\`${a}\``).join(', ')} |`;
  });

  return [
    `# Arbre d'orientation — ${tree.title}`,
    '',
    '<!-- Généré par `npm run kb:graph` depuis knowledge/orientation.yaml : ne pas modifier à la main. -->',
    '',
    `Racine : \`${tree.root}\` · ${tree.nodes.length} nœuds · ${paths.length} chemins. Les feuilles orange proposent aussi HELP.`,
    '',
    '```mermaid',
    ...mermaid(k, tree),
    '```',
    '',
    '## Chemins',
    '',
    ...pathTable(tree),
    '',
    '## Exemples concrets des sources',
    '',
    '| personne | réponses | feuille atteinte | aides attendues |',
    '|---|---|---|---|',
    ...exampleRows,
    '',
    ...k.trees
      .slice(1)
      .flatMap((t) => [
        `## Parcours — ${t.title} (\`${t.id}\`)`,
        '',
        '```mermaid',
        ...mermaid(k, t),
        '```',
        '',
        ...pathTable(t),
        '',
      ]),
  ].join('\n');
}

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '..', 'docs', 'orientation.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Formatted like the rest of the repository, so `prettier --check` stays green after a regeneration.
  const config = (await prettier.resolveConfig(out)) ?? {};
  const markdown = await prettier.format(renderOrientation(loadKnowledge()), { ...config, filepath: out });
  fs.writeFileSync(out, markdown);
  console.log(`kb:graph: wrote ${path.relative(process.cwd(), out)}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
