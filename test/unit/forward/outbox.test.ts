import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../agent/forward/outbox.js';
import { sampleEvent } from '../../integration/forward/sample-events.js';

describe('Outbox', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'elv-outbox-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps undelivered events across a reopen and re-sends from the last acknowledged one', () => {
    const a = new Outbox(dir, 'siem', 1000);
    for (let i = 0; i < 5; i++) a.append(sampleEvent(i));
    a.ackThrough(a.peek(2)[1]!.seq, new Date('2026-11-24T10:00:00Z'));
    a.close();
    const b = new Outbox(dir, 'siem', 1000);
    expect(b.peek(10).map((e) => e.event.id)).toEqual([2, 3, 4].map((i) => sampleEvent(i).id));
    expect([b.pending, b.delivered, b.dropped, b.lastDeliveredAt]).toEqual([
      3,
      2,
      0,
      '2026-11-24T10:00:00.000Z',
    ]);
    // New events continue the sequence after the old ones.
    b.append(sampleEvent(5));
    expect(b.peek(10).map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    b.close();
  });

  it('is readable by its owner only', () => {
    new Outbox(dir, 'siem', 1000).close();
    expect(statSync(join(dir, 'siem.jsonl')).mode & 0o777).toBe(0o600);
  });

  it('cuts a torn last line (an enqueue that never returned) and skips damaged lines', () => {
    const a = new Outbox(dir, 'x', 1000);
    a.append(sampleEvent(0));
    a.close();
    appendFileSync(join(dir, 'x.jsonl'), 'not json\n{"seq":9,"event":{"id":"e_tor');
    const warnings: string[] = [];
    const b = new Outbox(dir, 'x', 1000, { warn: (m) => warnings.push(m) });
    expect(b.peek(10).map((e) => e.event.id)).toEqual([sampleEvent(0).id]);
    expect(warnings).toEqual([
      `Forwarding sink "x": skipped a damaged line in ${join(dir, 'x.jsonl')}.`,
    ]);
    b.append(sampleEvent(1));
    b.close();
    expect(new Outbox(dir, 'x', 1000).peek(10).map((e) => e.event.id)).toEqual([
      sampleEvent(0).id,
      sampleEvent(1).id,
    ]);
  });

  it('empties its file once everything is delivered, and compacts a long delivered prefix', () => {
    const a = new Outbox(dir, 'c', 1000, { compactAfterLines: 200 });
    for (let i = 0; i < 3; i++) a.append(sampleEvent(i));
    a.ackThrough(a.peek(3)[2]!.seq, new Date());
    expect(readFileSync(join(dir, 'c.jsonl'), 'utf8')).toBe('');
    for (let i = 0; i < 210; i++) a.append(sampleEvent(i));
    a.ackThrough(a.peek(199)[198]!.seq, new Date());
    expect(readFileSync(join(dir, 'c.jsonl'), 'utf8').trim().split('\n')).toHaveLength(210);
    a.ackThrough(a.peek(1)[0]!.seq, new Date());
    const lines = readFileSync(join(dir, 'c.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0]!).event.id).toBe(sampleEvent(200).id);
    a.close();
    const b = new Outbox(dir, 'c', 1000);
    expect([b.pending, b.delivered]).toEqual([10, 203]);
  });

  it('drops the oldest past maxOutbox, durably', () => {
    const a = new Outbox(dir, 'd', 10);
    const dropped = Array.from({ length: 12 }, (_, i) => a.append(sampleEvent(i)));
    expect(dropped).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
    expect(a.peek(100).map((e) => e.event.id)).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => sampleEvent(i).id),
    );
    a.close();
    const b = new Outbox(dir, 'd', 10);
    expect([b.pending, b.dropped]).toEqual([10, 2]);
  });

  it('counts every delivered and dropped event when its in-memory list compacts', () => {
    const a = new Outbox(dir, 'count', 100_000);
    // Past 1,024 acknowledged entries the list is cut down: the count must survive that.
    for (let i = 0; i < 1100; i++) a.append(sampleEvent(i));
    a.ackThrough(a.peek(1050)[1049]!.seq, new Date());
    expect([a.pending, a.delivered]).toEqual([50, 1050]);
    a.drop(20);
    expect([a.pending, a.delivered, a.dropped]).toEqual([30, 1050, 20]);
    a.close();
    const b = new Outbox(dir, 'count', 100_000);
    expect([b.pending, b.delivered, b.dropped]).toEqual([30, 1050, 20]);
    b.close();
  });

  it('drops noise before any grant or request event when full, and keeps every real one', () => {
    const a = new Outbox(dir, 'prio', 50);
    const real: string[] = [];
    for (let i = 0; i < 300; i++) {
      if (i % 10 === 0) {
        const e = { ...sampleEvent(i), type: 'privilege.granted' as const };
        real.push(e.id);
        a.append(e);
      } else a.append({ ...sampleEvent(i), type: 'auth.failed' as const });
    }
    expect(a.pending).toBeLessThanOrEqual(50);
    expect(a.dropped).toBe(300 - a.pending);
    const kept = (o: Outbox): string[] =>
      o
        .peek(300)
        .filter((e) => e.event.type === 'privilege.granted')
        .map((e) => e.event.id);
    expect(kept(a)).toEqual(real);
    a.close();
    // The file holds the same after a restart.
    const b = new Outbox(dir, 'prio', 50);
    expect(kept(b)).toEqual(real);
    expect(b.dropped).toBe(300 - b.pending);
    b.close();
  });
});
