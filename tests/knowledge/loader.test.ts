import * as path from 'path';
import { DEFAULT_KNOWLEDGE_DIR, Knowledge, loadKnowledge } from '../../knowledge/loader';
import { KNOWLEDGE_DIR, copyKnowledge, removeDir } from './fixtures';

describe('loader', () => {
  test('the default folder is knowledge/ next to the loader', () => {
    expect(path.resolve(DEFAULT_KNOWLEDGE_DIR)).toBe(KNOWLEDGE_DIR);
    expect(loadKnowledge()).toBeInstanceOf(Knowledge);
  });

  test('loads once: later calls return the same instance', () => {
    expect(loadKnowledge()).toBe(loadKnowledge(KNOWLEDGE_DIR));
  });

  // Load time is measured by `npm run bench`, not asserted here (no timing assertions in unit tests).
  test('loads a copy of the knowledge folder from another directory', () => {
    const warm = copyKnowledge();
    const dir = copyKnowledge();
    try {
      loadKnowledge(warm);
      const k = loadKnowledge(dir);
      expect(k.entries.length).toBe(loadKnowledge().entries.length);
    } finally {
      removeDir(warm);
      removeDir(dir);
    }
  });

  test('loads without the YAML cache too', () => {
    const dir = copyKnowledge();
    try {
      const k = loadKnowledge(dir, { yamlCache: false });
      expect(k.get('afe')?.title).toBe('Aide financière exceptionnelle (AFE)');
    } finally {
      removeDir(dir);
    }
  });

  test('entries are read-only', () => {
    const k = loadKnowledge();
    expect(Object.isFrozen(k.entries)).toBe(true);
    expect(k.fileOf('afe')).toBe('aides.yaml');
    expect(k.fileOf('tel-3646')).toBeUndefined();
  });
});
