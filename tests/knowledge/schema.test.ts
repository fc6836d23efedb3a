import * as fs from 'fs';
import * as path from 'path';
import { KnowledgeError, loadKnowledge } from '../../knowledge/loader';
import { copyKnowledge, indexOf, mutate, removeDir } from './fixtures';

/** Loads a folder and returns the error message (fails the test when loading succeeds). */
function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('expected the knowledge base to be rejected');
}

describe('knowledge schema and loader errors', () => {
  const dirs: string[] = [];
  const fresh = (): string => {
    const dir = copyKnowledge();
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach(removeDir));

  test('the real knowledge base is valid', () => {
    expect(() => loadKnowledge(fresh())).not.toThrow();
  });

  test('a missing field is reported as file: id: field: message', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) => doc.deleteIn(['entries', indexOf(doc, 'entries', 'afe'), 'summary']));
    const err = loadError(dir);
    expect(err.message).toContain(
      'aides.yaml: afe: summary: Invalid input: expected string, received undefined',
    );
    expect(err.problems).toEqual([
      {
        file: 'aides.yaml',
        id: 'afe',
        field: 'summary',
        message: 'Invalid input: expected string, received undefined',
      },
    ]);
  });

  test('a bad URL is reported with its position in the list', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'afe'), 'links', 1, 'url'], 'pas une adresse'),
    );
    expect(loadError(dir).message).toContain('aides.yaml: afe: links[1].url: Invalid URL');
  });

  test('an unknown related id is a cross-file error', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'afe'), 'related', 0, 'id'], 'aide-inexistante'),
    );
    expect(loadError(dir).message).toContain(
      'aides.yaml: afe: related[0].id: unknown entry id "aide-inexistante"',
    );
  });

  test('a duplicate id across files is reported in the second file', () => {
    const dir = fresh();
    mutate(dir, 'faq.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'vaccination'), 'id'], 'afe'),
    );
    expect(loadError(dir).message).toContain('faq.yaml: afe: id: duplicate id (already used in aides.yaml)');
  });

  test('a name two entries share is reported (a question naming it could not tell them apart)', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'afe'), 'names', 0], 'aced'),
    );
    expect(loadError(dir).message).toContain('aides.yaml: afe: names[0]: name already used by "aced"');
  });

  test('an unknown aid in the orientation tree is reported on the leaf', () => {
    const dir = fresh();
    mutate(dir, 'orientation.yaml', (doc) =>
      doc.setIn(['nodes', indexOf(doc, 'nodes', 'leaf_retraite'), 'aids', 0], 'adr-inconnue'),
    );
    const msg = loadError(dir).message;
    expect(msg).toContain('orientation.yaml: leaf_retraite: aids[0]: unknown entry id "adr-inconnue"');
    expect(msg).toContain('worked-examples.yaml: helene-estheticienne: expectedAids: "adr" is not proposed');
  });

  test('an unknown contact id is reported', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'aced'), 'contacts', 0], 'tel-0000'),
    );
    expect(loadError(dir).message).toContain('aides.yaml: aced: contacts[0]: unknown contact id "tel-0000"');
  });

  test('an intent outside the recogniser contract is rejected', () => {
    const dir = fresh();
    mutate(dir, 'faq.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'sophia'), 'intent'], 'diabete'),
    );
    expect(loadError(dir).message).toMatch(/faq\.yaml: sophia: intent: Invalid option/);
  });

  test('a summary longer than a chat bubble is rejected', () => {
    const dir = fresh();
    mutate(dir, 'faq.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'sophia'), 'summary'], 'x'.repeat(301)),
    );
    expect(loadError(dir).message).toContain('faq.yaml: sophia: summary: must fit a chat bubble');
  });

  test('a misspelt field is reported as unknown', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) => doc.setIn(['entries', indexOf(doc, 'entries', 'afe'), 'sumary'], 'x'));
    expect(loadError(dir).message).toContain(
      'aides.yaml: afe: sumary: unknown field (check the spelling): sumary',
    );
  });

  test('a malformed id is rejected', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'afe'), 'id'], 'Aide AFE'),
    );
    expect(loadError(dir).message).toContain(
      'aides.yaml: Aide AFE: id: must be lowercase kebab-case or snake_case',
    );
  });

  test('an option label too long for a button is rejected', () => {
    const dir = fresh();
    mutate(dir, 'orientation.yaml', (doc) =>
      doc.setIn(['nodes', indexOf(doc, 'nodes', 'q_situation'), 'options', 0, 'label'], 'y'.repeat(41)),
    );
    expect(loadError(dir).message).toContain(
      'orientation.yaml: q_situation: options[0].label: button text must be 40 characters at most',
    );
  });

  test('a contact without number nor url is rejected', () => {
    const dir = fresh();
    mutate(dir, 'contacts.yaml', (doc) =>
      doc.deleteIn(['contacts', indexOf(doc, 'contacts', 'tel-3698'), 'number']),
    );
    expect(loadError(dir).message).toContain(
      'contacts.yaml: tel-3698: number: a contact needs a number or a url',
    );
  });

  test('a YAML syntax error names the file and the line', () => {
    const dir = fresh();
    fs.appendFileSync(path.join(dir, 'contacts.yaml'), '\n  - id: [oops\n');
    expect(loadError(dir).message).toMatch(/contacts\.yaml: -: line \d+: YAML syntax error/);
  });

  test('a missing file is reported', () => {
    const dir = fresh();
    fs.rmSync(path.join(dir, 'orientation.yaml'));
    expect(loadError(dir).message).toContain('orientation.yaml: -: -: file is missing');
  });

  test('every problem of every file is listed, one a line', () => {
    const dir = fresh();
    mutate(dir, 'aides.yaml', (doc) => doc.deleteIn(['entries', indexOf(doc, 'entries', 'adr'), 'title']));
    mutate(dir, 'maladie.yaml', (doc) =>
      doc.setIn(['entries', indexOf(doc, 'entries', 'at-mp'), 'audience', 0], 'salarie'),
    );
    const err = loadError(dir);
    const lines = err.message.split('\n');
    expect(lines[0]).toBe('Invalid knowledge base (2 problems):');
    expect(lines).toContain('aides.yaml: adr: title: Invalid input: expected string, received undefined');
    expect(lines.some((l) => l.startsWith('maladie.yaml: at-mp: audience[0]: Invalid option'))).toBe(true);
  });

  test('removing the only entry of an intent is reported', () => {
    const dir = fresh();
    mutate(dir, 'faq.yaml', (doc) => doc.deleteIn(['entries', indexOf(doc, 'entries', 'sophia'), 'intent']));
    expect(loadError(dir).message).toContain('no entry answers intent "sophia"');
  });
});

describe('journey tree files', () => {
  test('a journey tree with a dead end is reported in its own file', () => {
    const dir = copyKnowledge();
    try {
      mutate(dir, 'parcours-maladie.yaml', (doc) =>
        doc.setIn(['nodes', indexOf(doc, 'nodes', 'q_arret_ald'), 'options', 1, 'next'], 'leaf_absente'),
      );
      const msg = loadError(dir).message;
      expect(msg).toContain(
        'parcours-maladie.yaml: q_arret_ald: options[1].next: dead end: unknown node id "leaf_absente"',
      );
      expect(msg).toContain('parcours-maladie.yaml: leaf_ij: id: unreachable from the root');
    } finally {
      removeDir(dir);
    }
  });

  test("a question asked in the past tense needs the adviser's past wording too", () => {
    const dir = copyKnowledge();
    try {
      mutate(dir, 'parcours-maternite.yaml', (doc) =>
        doc.deleteIn(['nodes', indexOf(doc, 'nodes', 'q_affiliation_cheffe'), 'pastAdviserQuestion']),
      );
      expect(loadError(dir).message).toContain(
        'parcours-maternite.yaml: q_affiliation_cheffe: pastAdviserQuestion: a question with pastQuestion and adviserQuestion needs pastAdviserQuestion',
      );
    } finally {
      removeDir(dir);
    }
  });

  test('two trees cannot share an id', () => {
    const dir = copyKnowledge();
    try {
      mutate(dir, 'parcours-maladie.yaml', (doc) => doc.set('id', 'parcours-maternite'));
      expect(loadError(dir).message).toContain(
        'parcours-maternite.yaml: parcours-maternite: id: duplicate tree id (already used in parcours-maladie.yaml)',
      );
    } finally {
      removeDir(dir);
    }
  });
});
