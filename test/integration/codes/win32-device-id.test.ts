/**
 * The win32 backend names the PC for approval codes by its MachineGuid, read with `reg query`;
 * here the STAND-IN reg (test/standins/win32) replays the recorded output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Win32Backend } from '../../../agent/backends/win32.js';
import { makeTempDir } from '../../helpers/agent-process.js';
import { WIN32_STANDINS } from '../../helpers/win32-machine.js';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('win32 device id', () => {
  it('is the MachineGuid that reg query prints', async () => {
    process.env.PATH = `${WIN32_STANDINS}:${savedPath ?? ''}`;
    expect(await new Win32Backend().deviceId()).toBe('d1e4c29b-8d07-4f42-a721-998877665544');
  });

  it('is null where reg cannot say, so codes stay off', async () => {
    process.env.PATH = makeTempDir('elevate-no-reg-');
    expect(await new Win32Backend().deviceId()).toBeNull();
  });
});
