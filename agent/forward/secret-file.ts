/** Reads the webhook HMAC key from a file that must be readable by root (the agent) only. */
import { readFileSync, statSync } from 'node:fs';
import { SinkConfigError } from './transports/transport.js';

/** The file's bytes without a trailing newline (so `echo KEY > file` works). */
export function readRootOnlySecret(path: string, sinkName: string): Buffer {
  let mode: number;
  let uid: number;
  try {
    ({ mode, uid } = statSync(path));
  } catch (err) {
    throw new SinkConfigError(
      `Sink "${sinkName}": cannot read the secret file ${path} (${codeOf(err)}).`,
    );
  }
  // Windows has no mode bits: there the installer's ACL on the file is what protects it.
  if (process.platform !== 'win32') {
    if ((mode & 0o077) !== 0) {
      const octal = (mode & 0o777).toString(8).padStart(4, '0');
      throw new SinkConfigError(
        `Sink "${sinkName}": the secret file ${path} is readable by group or others (mode ${octal}); make it root-only with chmod 600.`,
      );
    }
    const self = process.getuid?.() ?? 0;
    if (uid !== 0 && uid !== self) {
      throw new SinkConfigError(
        `Sink "${sinkName}": the secret file ${path} must be owned by root, not uid ${uid}.`,
      );
    }
  }
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
