#!/usr/bin/env node
/** elevate: the person's command line (terminal, SSH); acts as the calling OS user only. */
import { elevate } from './elevate-commands.js';
import { runProgram } from './program.js';

process.exitCode = await runProgram(elevate, process.argv.slice(2));
