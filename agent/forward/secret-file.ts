/** Reads the webhook HMAC key from a file that must be readable by root (the agent) only. */
import { readFileSync } from 'node:fs';
import { privateFileProblem } from '../shared/private-file.js';
import { SinkConfigError } from './transports/transport.js';

/** The file's bytes without a trailing newline (so `echo KEY > file` works). */
export function readRootOnlySecret(path: string, sinkName: string): Buffer {
  const self = process.getuid?.() ?? 0;
  const problem = privateFileProblem(path, 'secret file', self === 0 ? [0] : [0, self]);
  if (problem) throw new SinkConfigError(`Sink "${sinkName}": ${problem}`);
  let key = readFileSync(path);
  let end = key.length;
  while (end > 0 && (key[end - 1] === 0x0a || key[end - 1] === 0x0d)) end--;
  key = key.subarray(0, end);
  if (key.length === 0)
    throw new SinkConfigError(`Sink "${sinkName}": the secret file ${path} is empty.`);
  return key;
}

export function readCaFile(path: string, sinkName: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new SinkConfigError(
      `Sink "${sinkName}": cannot read the CA file ${path} (${codeOf(err)}).`,
    );
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}
