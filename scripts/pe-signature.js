// Removes the Authenticode signature from a Windows executable, as `signtool remove /s` does
// (nodejs.org single-executable-applications, Windows step). postject changes node.exe, so its
// signature no longer matches; an unsigned file is honest, a broken signature is not. The
// release machine signs the result with the company's certificate (docs/packaging.md).
// PE layout: learn.microsoft.com/windows/win32/debug/pe-format ("The Attribute Certificate Table").
import { readFileSync, writeFileSync } from 'node:fs';

export function stripAuthenticode(file) {
  const buf = readFileSync(file);
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error(`${file} is not a PE file`);
  const optional = pe + 24;
  const magic = buf.readUInt16LE(optional);
  // Data directories start at 96 (PE32) or 112 (PE32+); the certificate table is entry 4.
  const dirs = optional + (magic === 0x20b ? 112 : 96);
  const entry = dirs + 4 * 8;
  const offset = buf.readUInt32LE(entry);
  const size = buf.readUInt32LE(entry + 4);
  if (offset === 0 || size === 0) return false;
  if (offset + size !== buf.length) throw new Error(`${file}: the signature is not at the end`);
  buf.writeUInt32LE(0, entry);
  buf.writeUInt32LE(0, entry + 4);
  writeFileSync(file, buf.subarray(0, offset));
  return true;
}
