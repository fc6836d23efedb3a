/**
 * Copies the data files the compiled service reads next to the compiled code (`npm run build`): the locales
 * (strings and training utterances) and the knowledge base's YAML.
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');

cpSync(path.join(root, 'locales'), path.join(dist, 'locales'), { recursive: true });
mkdirSync(path.join(dist, 'knowledge'), { recursive: true });
for (const file of readdirSync(path.join(root, 'knowledge')).filter((f) => f.endsWith('.yaml'))) {
  cpSync(path.join(root, 'knowledge', file), path.join(dist, 'knowledge', file));
}
console.log('assets copied to dist/ (locales, knowledge/*.yaml)');
