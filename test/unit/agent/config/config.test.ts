/** The agent's flags: no silent simulation. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseAgentArgs, UsageError } from '../../../../agent/config.js';

const realPlatform = process.platform;
function pretend(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform });
}
afterEach(() => pretend(realPlatform));

describe('--backend', () => {
  it('defaults to the real backend on Linux', () => {
    pretend('linux');
    expect(parseAgentArgs([]).backend).toBe('linux');
  });

  it('defaults to the real backend on macOS', () => {
    pretend('darwin');
    expect(parseAgentArgs([]).backend).toBe('darwin');
  });

  it('has no default where no real backend exists: simulation only by name', () => {
    pretend('freebsd');
    expect(() => parseAgentArgs([])).toThrow(UsageError);
    expect(() => parseAgentArgs([])).toThrow(/pass --backend simulated/);
    expect(parseAgentArgs(['--backend', 'simulated']).backend).toBe('simulated');
  });
});
