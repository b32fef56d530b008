import { describe, expect, it } from 'vitest';
import { actorOf, actorText, granterOf } from '../../../agent/shared/actor.js';
import { en } from '../../../renderer/src/i18n/en.js';

describe('who acted, as the person reads it', () => {
  it('calls the accounts an MDM runs elevatectl as "an administrator", in any Windows language', () => {
    for (const system of [
      'root',
      'NT AUTHORITY\\SYSTEM',
      'nt authority\\system',
      'NT-AUTORITÄT\\SYSTEM',
      'AUTORITE NT\\Système',
      'S-1-5-18',
      'SYSTEM',
    ]) {
      expect(actorOf(system, 'sam'), system).toBe('admin');
    }
  });

  it('names an administrator who acted under their own account', () => {
    expect(actorOf('alice', 'sam')).toEqual({ name: 'alice' });
    expect(actorOf('CONTOSO\\it-alice', 'CONTOSO\\sam')).toEqual({ name: 'CONTOSO\\it-alice' });
    // A person's account that happens to be called "system" on some domain is not LocalSystem.
    expect(actorOf('CONTOSO\\system', 'sam')).toEqual({ name: 'CONTOSO\\system' });
  });

  it('tells the person it was them, the help desk, Elevate itself or the policy', () => {
    expect(actorOf('sam', 'sam')).toBe('you');
    expect(actorOf('code:helpdesk-2026', 'sam')).toBe('helpdesk');
    expect(actorOf('agent', 'sam')).toBe('elevate');
    expect(actorOf('policy', 'sam')).toBe('policy');
    // A self-serve grant is one the person gave themself.
    expect(granterOf('policy', 'sam')).toBe('you');
    expect(granterOf('S-1-5-18', 'sam')).toBe('admin');
  });

  it('puts it in words from the catalogue, or the name as it is', () => {
    expect(actorText(actorOf('NT AUTHORITY\\SYSTEM', 'sam'), en.who)).toBe('an administrator');
    expect(actorText(actorOf('alice', 'sam'), en.who)).toBe('alice');
  });
});
