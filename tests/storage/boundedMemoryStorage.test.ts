import { BoundedMemoryStorage } from '../../bot/boundedMemoryStorage';
import { loadConfig } from '../../bot/config';
import { createStorage } from '../../bot/storage';
import { TestConversation } from '../dialogs/harness';

/** A clock the tests move by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('BoundedMemoryStorage: the Storage contract', () => {
  const storage = () => new BoundedMemoryStorage({ maxEntries: 100, idleSeconds: 0 });

  it('reads nothing for missing keys and gives back copies of what was written, each with a new eTag', async () => {
    const s = storage();
    expect(await s.read(['missing'])).toEqual({});
    const item = { n: 1, nested: { list: ['x', 'é'] } };
    await s.write({ a: item, b: { n: 2 } });
    item.nested.list.push('changed after writing');
    const read = await s.read(['a', 'b', 'absent']);
    expect(Object.keys(read).sort()).toEqual(['a', 'b']);
    expect(read.a).toMatchObject({ n: 1, nested: { list: ['x', 'é'] } });
    expect(read.a.eTag).not.toBe(read.b.eTag);
    read.a.n = 99;
    expect((await s.read(['a'])).a.n).toBe(1);
  });

  it('refuses a stale eTag, all or nothing; accepts "*" and no eTag', async () => {
    const s = storage();
    await s.write({ k: { v: 'first' } });
    const first = (await s.read(['k'])).k;
    await s.write({ k: { ...first, v: 'second' } });
    await expect(s.write({ other: { v: 1 }, k: { ...first, v: 'stale' } })).rejects.toThrow(/eTag conflict/);
    expect(await s.read(['other'])).toEqual({});
    expect((await s.read(['k'])).k.v).toBe('second');
    await s.write({ k: { v: 'star', eTag: '*' } });
    expect((await s.read(['k'])).k.v).toBe('star');
    await s.write({ k: { v: 'none' } });
    expect((await s.read(['k'])).k.v).toBe('none');
  });

  it('really removes deleted keys', async () => {
    const s = storage();
    await s.write({ a: { v: 1 }, b: { v: 2 } });
    await s.delete(['a', 'never-written']);
    expect(await s.read(['a', 'b'])).toEqual({ b: expect.objectContaining({ v: 2 }) });
    expect(s.size).toBe(1);
  });
});

describe('BoundedMemoryStorage: the bound', () => {
  it('never holds more than maxEntries, keeping the most recent ones', async () => {
    const s = new BoundedMemoryStorage({ maxEntries: 10, idleSeconds: 0 });
    for (let i = 0; i < 50; i++) {
      await s.write({ [`k${i}`]: { i } });
      expect(s.size).toBeLessThanOrEqual(10);
    }
    await s.write(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`batch${i}`, { i }])));
    expect(s.size).toBe(10);
    const kept = await s.read(Array.from({ length: 25 }, (_, i) => `batch${i}`));
    expect(Object.keys(kept).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `batch${i + 15}`).sort());
  });

  it('evicts the least recently used entry first: a read keeps an entry alive', async () => {
    const s = new BoundedMemoryStorage({ maxEntries: 3, idleSeconds: 0 });
    await s.write({ a: { v: 'a' } });
    await s.write({ b: { v: 'b' } });
    await s.write({ c: { v: 'c' } });
    await s.read(['a']);
    await s.write({ d: { v: 'd' } });
    expect(Object.keys(await s.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
  });

  it('forgets an entry idle for idleSeconds; reading or writing it resets its clock', async () => {
    const clock = fakeClock();
    const s = new BoundedMemoryStorage({ maxEntries: 100, idleSeconds: 60, now: clock.now });
    await s.write({ kept: { v: 1 }, idle: { v: 2 } });
    clock.advance(59_000);
    expect(Object.keys(await s.read(['kept']))).toEqual(['kept']);
    clock.advance(2_000); // "idle" untouched for 61 s, "kept" read 2 s ago
    expect(Object.keys(await s.read(['kept', 'idle']))).toEqual(['kept']);
    expect(s.size).toBe(1);
    clock.advance(60_000);
    await s.write({ fresh: { v: 3 } });
    expect(s.size).toBe(1);
    expect(await s.read(['kept'])).toEqual({});
  });

  it('a conversation idle too long starts afresh; an active one goes on', async () => {
    const clock = fakeClock();
    const expiring = new TestConversation(
      'test',
      undefined,
      undefined,
      new BoundedMemoryStorage({ maxEntries: 1000, idleSeconds: 600, now: clock.now }),
    );
    const active = new TestConversation(
      'test',
      undefined,
      undefined,
      new BoundedMemoryStorage({ maxEntries: 1000, idleSeconds: 600, now: clock.now }),
    );
    for (const conversation of [expiring, active]) {
      expect((await conversation.send('Demander une aide financière')).text).toContain(
        'Quelle est votre situation ?',
      );
    }
    clock.advance(599_000);
    expect((await active.send('Je suis en activité')).text).toContain('Quelle difficulté rencontrez-vous ?');
    clock.advance(2_000);
    const afresh = await expiring.send('Je suis en activité');
    expect(afresh.text).not.toContain('Quelle difficulté rencontrez-vous ?');
  });
});

describe('the in-memory storage settings', () => {
  it('have defaults, are validated, and shape the storage the bot uses', async () => {
    const defaults = loadConfig({});
    expect(defaults.MEMORY_STATE_MAX_ENTRIES).toBe(20000);
    expect(defaults.MEMORY_STATE_IDLE_SECONDS).toBe(7200);
    expect(() => loadConfig({ MEMORY_STATE_MAX_ENTRIES: '0' })).toThrow(/MEMORY_STATE_MAX_ENTRIES/);
    expect(() => loadConfig({ MEMORY_STATE_IDLE_SECONDS: '-1' })).toThrow(/MEMORY_STATE_IDLE_SECONDS/);

    const storage = createStorage(
      loadConfig({ MEMORY_STATE_MAX_ENTRIES: '2', MEMORY_STATE_IDLE_SECONDS: '0' }),
    );
    await storage.write({ a: { v: 1 } });
    await storage.write({ b: { v: 2 } });
    await storage.write({ c: { v: 3 } });
    expect(Object.keys(await storage.read(['a', 'b', 'c'])).sort()).toEqual(['b', 'c']);
  });
});
