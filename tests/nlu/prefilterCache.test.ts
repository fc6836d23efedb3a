import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deriveAtoms } from '../../nlu/prefilter';
import { type Needs, NeedsMemo } from '../../nlu/prefilterCache';

describe('NeedsMemo (the pre-tests’ requirements kept between starts)', () => {
  const codeFile = path.join(__dirname, '../../nlu/prefilter.ts');
  const source = '(?:^| )(?:dettes?|huissier)';
  const derived: Needs = deriveAtoms(source, 'g');

  it('derives once, writes the file, and a later process reads it instead of deriving', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'needs-'));
    let calls = 0;
    const first = new NeedsMemo(codeFile, dir);
    expect(first.get(source, 'g', () => (calls++, derived))).toEqual(derived);
    expect(first.get(source, 'g', () => (calls++, derived))).toEqual(derived);
    expect(calls).toBe(1);
    first.save();
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^prefilter-[0-9a-f]{16}\.json$/)]);
    const second = new NeedsMemo(codeFile, dir);
    expect(second.get(source, 'g', () => (calls++, null))).toEqual(derived);
    expect(calls).toBe(1);
  });

  it('derives again for other flags, other code, or an unreadable file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'needs-'));
    const memo = new NeedsMemo(codeFile, dir);
    memo.get(source, 'g', () => derived);
    memo.save();
    let calls = 0;
    expect(new NeedsMemo(codeFile, dir).get(source, 'gi', () => (calls++, null))).toBeNull();
    expect(
      new NeedsMemo(path.join(__dirname, 'prefilter.test.ts'), dir).get(source, 'g', () => (calls++, null)),
    ).toBeNull();
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file), '[["g\\n(?:^| )dette", [[[{"s": 3}]]]]]');
    expect(new NeedsMemo(codeFile, dir).get(source, 'g', () => (calls++, derived))).toEqual(derived);
    expect(calls).toBe(3);
  });
});
