import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AT_LOGIN_ARG, LoginChoice, quitsAtLogin } from '../../../../main/login-item/choice.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function choiceFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'elevate-choice-'));
  dirs.push(d);
  return join(d, 'Elevate', 'login-item.json');
}

describe('the person’s Open at login choice', () => {
  it('is on until the person turns it off, and is kept for them only', () => {
    const file = choiceFile();
    const choice = new LoginChoice(file);
    expect(choice.read()).toBe(true);
    choice.write(false);
    expect(choice.read()).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ openAtLogin: false });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    choice.write(true);
    expect(new LoginChoice(file).read()).toBe(true);
  });

  it('reads a damaged or foreign file as never set (on)', () => {
    const file = choiceFile();
    new LoginChoice(file).write(false);
    writeFileSync(file, '{"openAtLogin": "no"}');
    expect(new LoginChoice(file).read()).toBe(true);
    writeFileSync(file, 'not json');
    expect(new LoginChoice(file).read()).toBe(true);
  });

  it('makes a login start quit for a person who turned it off, and only a login start', () => {
    const choice = new LoginChoice(choiceFile());
    const exe = 'C:\\Program Files\\Elevate\\Elevate.exe';
    expect(quitsAtLogin([exe, AT_LOGIN_ARG], choice)).toBe(false);
    choice.write(false);
    expect(quitsAtLogin([exe, AT_LOGIN_ARG], choice)).toBe(true);
    // Started by the person (Start menu, Finder): it opens whatever the setting.
    expect(quitsAtLogin([exe], choice)).toBe(false);
  });
});
