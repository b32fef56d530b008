/** Recorded Windows tool outputs (test/fixtures/win32/*.json, each citing its source). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const WIN32_FIXTURES = resolve(import.meta.dirname, '../fixtures/win32');

const FixtureSchema = z
  .object({
    source: z.string().min(20),
    code: z.number().int(),
    stdout: z.string(),
    stderr: z.string(),
  })
  .strict();
export type Win32Fixture = z.infer<typeof FixtureSchema>;

export function win32Fixture(name: string): Win32Fixture {
  return FixtureSchema.parse(
    JSON.parse(readFileSync(join(WIN32_FIXTURES, `${name}.json`), 'utf8')),
  );
}
