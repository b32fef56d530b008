/**
 * The single executable's entry (scripts/build-bin.js): one Node binary per OS carries the agent
 * and both command lines, and the name it was started under picks which one runs, as busybox
 * does. One binary instead of three keeps each package a third of the size. Imports are dynamic
 * so the agent never evaluates CLI code and the CLIs never evaluate the agent's.
 */
import { basename } from 'node:path';

const name = basename(process.argv0)
  .replace(/\.exe$/i, '')
  .toLowerCase();
// No top-level await: the executable's bundle is CommonJS (a Node SEA requirement).
void (name === 'elevatectl'
  ? import('../cli/elevatectl.js')
  : name === 'elevate'
    ? import('../cli/elevate.js')
    : import('../main.js'));
