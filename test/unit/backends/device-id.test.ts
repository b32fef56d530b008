import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlatformUuid } from '../../../agent/backends/darwin/device-id.js';
import { parseMachineGuid } from '../../../agent/backends/win32/device-id.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures', name), 'utf8');

describe('device ids for approval codes, from recorded outputs', () => {
  it('macOS: the IOPlatformUUID line of ioreg, lower-cased as the approver types it', () => {
    expect(parsePlatformUuid(fixture('darwin/ioreg-platform-expert-device.txt'))).toBe(
      'a3344d1dd-1234-22a1-b123-11ab1c11d111',
    );
    // The serial number's line is not taken for it, nor is anything else.
    expect(parsePlatformUuid('"IOPlatformSerialNumber" = "C02XL0GUJGH5"')).toBeNull();
  });

  it('Windows: the MachineGuid value of reg query, CRLF and all', () => {
    expect(parseMachineGuid(fixture('win32/reg-query-machineguid.txt'))).toBe(
      'd1e4c29b-8d07-4f42-a721-998877665544',
    );
    expect(
      parseMachineGuid('ERROR: The system was unable to find the specified registry key or value.'),
    ).toBeNull();
  });
});
