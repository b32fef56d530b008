/**
 * The darwin backend names the Mac for approval codes by its IOPlatformUUID, read with ioreg;
 * here the STAND-IN ioreg (test/standins/darwin) replays the recorded output.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DarwinBackend } from '../../../agent/backends/darwin.js';
import { STANDIN_DIR } from '../../helpers/darwin-standins.js';
import { makeTempDir } from '../../helpers/agent-process.js';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('darwin device id', () => {
  it('is the IOPlatformUUID that ioreg prints, as the approver types it', async () => {
    process.env.PATH = `${STANDIN_DIR}:${savedPath ?? ''}`;
    const backend = new DarwinBackend({ root: makeTempDir('elevate-darwin-id-') });
    expect(await backend.deviceId()).toBe('a3344d1dd-1234-22a1-b123-11ab1c11d111');
  });

  it('is null where ioreg cannot say, so codes stay off', async () => {
    process.env.PATH = makeTempDir('elevate-no-ioreg-');
    const backend = new DarwinBackend({ root: makeTempDir('elevate-darwin-id-') });
    expect(await backend.deviceId()).toBeNull();
  });
});
