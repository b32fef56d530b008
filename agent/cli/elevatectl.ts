#!/usr/bin/env node
/** elevatectl: the admin command line (run as root / SYSTEM, or by the MDM on the device). */
import { elevatectl } from './ctl-commands.js';
import { runProgram } from './program.js';

void runProgram(elevatectl, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
