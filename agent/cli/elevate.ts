#!/usr/bin/env node
/** elevate: the person's command line (terminal, SSH); acts as the calling OS user only. */
import { elevate } from './elevate-commands.js';
import { runProgram } from './program.js';

void runProgram(elevate, process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
