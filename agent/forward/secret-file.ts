/** Reads the webhook HMAC key from a file that must be readable by root (the agent) only. */
import { readFileSync } from 'node:fs';
import type { PolicyMessages } from '../i18n/policy-en.js';
import { privateFileFault, privateFileSentence } from '../shared/private-file.js';
import { SinkConfigError } from './transports/transport.js';

/**
 * The file's bytes without a trailing newline (so `echo KEY > file` works); refused in `m`'s
 * words (the forwarder's log: English; policy check: the admin's language).
 */
export function readRootOnlySecret(path: string, sinkName: string, m: PolicyMessages): Buffer {
  const refuse = (sentence: string) => new SinkConfigError(m.sink.named(sinkName, sentence));
  const self = process.getuid?.() ?? 0;
  const fault = privateFileFault(path, self === 0 ? [0] : [0, self]);
  if (fault) throw refuse(privateFileSentence(fault, m.sink.secretFile, path, m));
  let key = readFileSync(path);
  let end = key.length;
  while (end > 0 && (key[end - 1] === 0x0a || key[end - 1] === 0x0d)) end--;
  key = key.subarray(0, end);
  if (key.length === 0) throw refuse(m.sink.emptySecret(path));
  return key;
}

export function readCaFile(path: string, sinkName: string, m: PolicyMessages): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new SinkConfigError(m.sink.named(sinkName, m.sink.caUnreadable(path, code)));
  }
}
