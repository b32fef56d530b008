import { mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { BaselineStore, baselineSchema } from '../../../agent/cleanup/baseline-store.js';

const Schema = baselineSchema(z.object({ admins: z.array(z.string()) }), {
  personBefore: z.array(z.string()).nullable().default(null),
});

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('baseline store', () => {
  it('keeps one private file per grant, at DIR/GRANTID.json, until removed', async () => {
    dir = await mkdtemp(join(tmpdir(), 'baselines-'));
    const store = new BaselineStore(join(dir, 'cleanup', 'baselines'), Schema);
    const b = {
      user: 'alice',
      grantId: 'g-1',
      level: 'admin' as const,
      takenAt: '2026-12-01T04:00:00.000Z',
      inventory: { admins: ['root'] },
      personBefore: ['/usr/bin/true'],
    };
    await store.save(b);
    const file = join(dir, 'cleanup', 'baselines', 'g-1.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(b);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'cleanup', 'baselines'))).mode & 0o777).toBe(0o700);
    expect(await store.load('g-1')).toEqual(b);
    expect(await store.load('g-2')).toBeNull();
    await store.remove('g-1');
    expect(await readdir(join(dir, 'cleanup', 'baselines'))).toEqual([]);
    expect(await store.load('g-1')).toBeNull();
  });

  it('reads a baseline an older agent wrote, and passes over files that are not baselines', async () => {
    dir = await mkdtemp(join(tmpdir(), 'baselines-'));
    const folder = join(dir, 'win32');
    await mkdir(folder);
    const older = {
      user: 'bob',
      grantId: 'g-7',
      level: 'admin',
      takenAt: '2026-11-30T10:00:00.000Z',
      inventory: { admins: ['root', 'bob'] },
    };
    await writeFile(join(folder, 'g-7.json'), JSON.stringify(older));
    await writeFile(join(folder, 'broken.json'), '{"user":');
    await writeFile(join(folder, '.g-8.json.0a1b.tmp'), JSON.stringify(older));
    const store = new BaselineStore(folder, Schema);
    expect(await store.all()).toEqual([{ ...older, personBefore: null }]);
  });
});
