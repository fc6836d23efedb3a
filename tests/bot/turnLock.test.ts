import { KeyedQueue, TurnWaitTimeoutError } from '../../bot/turnLock';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue (one turn at a time per conversation)', () => {
  it('runs the tasks of one key one at a time, in the order they arrived', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, yields: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      for (let i = 0; i < yields; i++) await tick();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      queue.run('c1', task('a', 3)),
      queue.run('c1', task('b', 0)),
      queue.run('c1', task('c', 1)),
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('lets different keys run side by side, and a failed task does not block the next', async () => {
    const queue = new KeyedQueue();
    let release!: () => void;
    const blocked = queue.run('c1', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await queue.run('c2', async () => 'other conversation')).toBe('other conversation');
    const failing = queue.run('c1', async () => {
      throw new Error('boom');
    });
    const after = queue.run('c1', async () => 'after');
    release();
    await blocked;
    await expect(failing).rejects.toThrow('boom');
    expect(await after).toBe('after');
  });

  it('gives up after the wait, and the task behind it still waits for the one running', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const first = queue.run('c1', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      log.push('first done');
    });
    const impatient = queue.run('c1', async () => log.push('impatient ran'), 20);
    const patient = queue.run('c1', async () => log.push('patient ran'));
    await expect(impatient).rejects.toBeInstanceOf(TurnWaitTimeoutError);
    await tick();
    expect(log).toEqual([]);
    release();
    await Promise.all([first, patient]);
    expect(log).toEqual(['first done', 'patient ran']);
  });
});
