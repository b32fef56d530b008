#!/usr/bin/env node
/** elevatectl: the admin command line (run as root / SYSTEM, or by the MDM on the device). */
import { elevatectl } from './ctl-commands.js';
import { runProgram } from './program.js';

process.exitCode = await runProgram(elevatectl, process.argv.slice(2));
