import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadKnowledge } from '../../knowledge/loader';
import { isLeaf, walkPaths } from '../../knowledge/tree';

/**
 * docs/orientation.md is generated (`npm run kb:graph`); it fell behind the trees once (stop 27's PamC question was
 * missing). Its counts and every option of every tree must be the trees' own.
 */
describe('docs/orientation.md', () => {
  const knowledge = loadKnowledge();
  const doc = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'orientation.md'), 'utf8');

  it('counts the orientation tree’s nodes and paths as they are', () => {
    const tree = knowledge.tree;
    expect(doc).toContain(
      `Racine : \`${tree.root}\` · ${tree.nodes.length} nœuds · ${walkPaths(tree).length} chemins.`,
    );
  });

  it('draws every option of every tree, to the node it leads to', () => {
    const missing = knowledge.trees.flatMap((tree) =>
      tree.nodes.flatMap((node) =>
        isLeaf(node)
          ? []
          : node.options
              .map(
                (o) =>
                  `${node.id.replace(/-/g, '_')} -- "${o.label.replace(/"/g, '#quot;')}" --> ${o.next.replace(/-/g, '_')}`,
              )
              .filter((edge) => !doc.includes(edge)),
      ),
    );
    expect(missing).toEqual([]);
  });
});
