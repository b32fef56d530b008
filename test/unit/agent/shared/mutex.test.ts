/** Mutex: one section at a time, in call order, except runFirst sections jump the queue. */
import { describe, expect, it } from 'vitest';
import { Mutex } from '../../../../agent/shared/mutex.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

describe('Mutex', () => {
  it('runs one section at a time in call order, a failed one included', async () => {
    const order: string[] = [];
    const ends: string[] = [];
    const m = new Mutex(() => void ends.push('after'));
    let inside = 0;
    const section =
      (name: string, fail = false) =>
      async (): Promise<string> => {
        inside += 1;
        expect(inside).toBe(1);
        order.push(name);
        await tick();
        inside -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      m.run(section('a')),
      m.run(section('b', true)),
      m.run(section('c')),
    ]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(ends).toEqual(['after', 'after', 'after']);
  });

  it('starts a runFirst section before every section still waiting', async () => {
    const order: string[] = [];
    const m = new Mutex();
    const section = (name: string) => async (): Promise<void> => {
      order.push(name);
      await tick();
    };
    const all = [m.run(section('running'))];
    await new Promise<void>((r) => setImmediate(r)); // it has started and awaits its timer
    all.push(m.run(section('queued 1')), m.run(section('queued 2')));
    all.push(m.runFirst(section('expiry')));
    await Promise.all(all);
    expect(order).toEqual(['running', 'expiry', 'queued 1', 'queued 2']);
  });

  it('awaits afterEach before the next section and before the caller resumes', async () => {
    const order: string[] = [];
    const m = new Mutex(async () => {
      await tick();
      order.push('after');
    });
    const a = m.run(async () => void order.push('a')).then(() => order.push('a resumed'));
    const b = m.run(async () => void order.push('b'));
    await Promise.all([a, b]);
    expect(order.indexOf('after')).toBe(1);
    expect(order.indexOf('a resumed')).toBeGreaterThan(1);
    expect(order.lastIndexOf('b')).toBeGreaterThan(order.indexOf('after'));
  });

  it('turns a section that throws before its first await into a rejection', async () => {
    const m = new Mutex();
    await expect(
      m.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await m.run(async () => 'next')).toBe('next');
  });

  it('never starts a section inside the caller’s own call', async () => {
    const m = new Mutex();
    let started = false;
    const done = m.run(async () => {
      started = true;
    });
    expect(started).toBe(false);
    await done;
    expect(started).toBe(true);
  });
});
