import { MemoryStorage } from 'botbuilder';
import { MAX_ITEMS_PER_DAY, MisunderstoodInbox } from '../../bot/misunderstood';
import type { MisunderstoodEvent } from '../../dialogs/ports';

const DAY = 24 * 3600 * 1000;

function event(text: string, partial: Partial<MisunderstoodEvent> = {}): MisunderstoodEvent {
  return {
    text,
    reason: 'not_understood',
    guesses: [{ intent: 'contact', score: 0.2 }],
    conversation: 'conv-1',
    ...partial,
  };
}

describe('misunderstood inbox store (bot Storage)', () => {
  let clock: Date;
  let storage: MemoryStorage;
  let inbox: MisunderstoodInbox;

  beforeEach(() => {
    clock = new Date('2026-03-10T10:00:00Z');
    storage = new MemoryStorage();
    inbox = new MisunderstoodInbox(storage, { ttlDays: 30, salt: 's', now: () => clock });
  });

  it('stores the message redacted (NIR, IBAN, e-mail, phone) with a hashed conversation id', async () => {
    await inbox.record(
      event(
        'mon numéro 1 85 05 75 123 456 78, iban FR76 3000 6000 0112 3456 7890 189, a@b.fr, 06 12 34 56 78',
      ),
    );
    const [item] = await inbox.list();
    expect(item.text).toBe('mon numéro [NIR], iban [IBAN], [EMAIL], [TEL]');
    expect(item.conversation).not.toContain('conv-1');
    expect(item.at).toBe('2026-03-10T10:00:00.000Z');
    expect(JSON.stringify(storage)).not.toMatch(/a@b\.fr|06 12 34|FR76/);
  });

  it('ignores an empty message (an image without text)', async () => {
    await inbox.record(event('   '));
    expect(await inbox.list()).toEqual([]);
  });

  it('forgets items older than the retention, and deletes the days past it', async () => {
    await inbox.record(event('vieux message'));
    clock = new Date(clock.getTime() + 29 * DAY);
    await inbox.record(event('récent'));
    expect((await inbox.list()).map((i) => i.text)).toEqual(['vieux message', 'récent']);
    clock = new Date(clock.getTime() + 1 * DAY + 1000);
    expect((await inbox.list()).map((i) => i.text)).toEqual(['récent']);
    // The next day's first write prunes: the old day's storage item is gone, not only hidden.
    clock = new Date(clock.getTime() + 2 * DAY);
    await inbox.record(event('encore'));
    expect(await storage.read(['misunderstood/day/2026-03-10'])).toEqual({});
    expect((await inbox.list()).map((i) => i.text)).toEqual(['récent', 'encore']);
  });

  it('removes filed items by id', async () => {
    await inbox.record(event('un'));
    await inbox.record(event('deux'));
    const [first] = await inbox.list();
    expect(await inbox.remove([first.id])).toBe(1);
    expect((await inbox.list()).map((i) => i.text)).toEqual(['deux']);
  });

  it('keeps at most MAX_ITEMS_PER_DAY items a day', async () => {
    const key = `misunderstood/day/2026-03-10`;
    const items = Array.from({ length: MAX_ITEMS_PER_DAY }, (_, i) => ({
      id: `2026-03-10.${i.toString(16).padStart(12, '0')}`,
      at: clock.toISOString(),
      text: `m${i}`,
      reason: 'not_understood',
      guesses: [],
      conversation: 'x',
    }));
    await storage.write({ [key]: { items, eTag: '*' } });
    await inbox.record(event('un de trop'));
    const listed = await inbox.list();
    expect(listed).toHaveLength(MAX_ITEMS_PER_DAY);
    expect(listed.some((i) => i.text === 'un de trop')).toBe(false);
  });

  it('two writers on one storage both keep their messages (eTag-checked writes)', async () => {
    const other = new MisunderstoodInbox(storage, { ttlDays: 30, salt: 's', now: () => clock });
    await inbox.record(event('premier'));
    await Promise.all([inbox.record(event('a')), other.record(event('b')), inbox.record(event('c'))]);
    expect((await inbox.list()).map((i) => i.text).sort()).toEqual(['a', 'b', 'c', 'premier']);
  });

  it('never fails the turn when the storage fails', async () => {
    const broken = new MisunderstoodInbox(
      {
        read: async () => {
          throw new Error('down');
        },
        write: async () => undefined,
        delete: async () => undefined,
      },
      { ttlDays: 30, salt: 's' },
    );
    await expect(broken.record(event('x'))).resolves.toBeUndefined();
  });
});
