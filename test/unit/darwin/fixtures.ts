/** Loads a recorded macOS tool result from test/fixtures/darwin (each file cites its source). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandResult } from '../../../agent/backends/run-command.js';
import { REPO } from '../../helpers/agent-process.js';

export interface Fixture extends CommandResult {
  command: string;
  source: string[];
}

export function fixture(name: string): Fixture {
  const f = JSON.parse(readFileSync(join(REPO, 'test/fixtures/darwin', `${name}.json`), 'utf8'));
  return { ...f, failure: null };
}
