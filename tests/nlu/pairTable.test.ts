import { PairTable } from '../../nlu/pairTable';

describe('PairTable', () => {
  it('gives back what was set for each pair, -1 for a pair never set, across resizes', () => {
    const table = new PairTable(16);
    const expected = new Map<string, number>();
    for (let a = 0; a < 300; a++) {
      for (let b = 0; b < 40; b += 3) {
        const value = (a * 7919 + b * 104_729) % 1_000_003;
        table.set(a, b, value);
        expected.set(`${a},${b}`, value);
      }
    }
    expect(table.size).toBe(expected.size);
    for (const [key, value] of expected) {
      const [a, b] = key.split(',').map(Number);
      expect(table.get(a, b)).toBe(value);
    }
    expect(table.get(1, 2)).toBe(-1);
    expect(table.get(300, 0)).toBe(-1);
    // (a, b) and (b, a) are different pairs.
    table.set(5, 9, 1);
    table.set(9, 5, 2);
    expect([table.get(5, 9), table.get(9, 5)]).toEqual([1, 2]);
  });

  it('overwrites a pair set twice, and forgets everything when cleared', () => {
    const table = new PairTable();
    table.set(3, 4, 10);
    table.set(3, 4, 11);
    expect(table.size).toBe(1);
    expect(table.get(3, 4)).toBe(11);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get(3, 4)).toBe(-1);
  });
});
