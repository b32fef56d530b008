// STAND-IN (tests only, never shipped): answers groupMembershipsPlan
// (agent/backends/win32/group-memberships.ts) from the pretend machine, in the JSON layout of
// test/fixtures/win32/group-memberships*.json. machine.groups: {NAME: {sid, members: [NAME|SID]}},
// NAME "CONTOSO\Group" for a domain group (members may be domain groups: nesting), a bare name for
// a local group. A domain account gets what its S4U token would hold: its domain groups,
// transitively, the local groups listing it or one of them (Administrators: machine.administrators)
// and the well-known groups of a network logon; a local or Entra ID account the local groups
// listing it directly. machine.domainUnreachable or machine.logonServersUnreachable (names still
// translate from the cache, but no S4U logon): domain accounts fail as with no domain controller.

export function groupMemberships(script, machine, { canonical, wellKnown, de }) {
  const list = /\$sids = @\(((?:'[^']*',?)*)\);/.exec(script);
  if (!list) return null;
  const sids = [...list[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
  const groups = machine.groups ?? {};
  const display = (n) => (n.includes('\\') ? n : `${machine.computerName}\\${n}`);
  const sidOf = (n) => machine.accounts[n] ?? groups[n]?.sid;
  const lists = (members, n) =>
    members.some((m) => m === sidOf(n) || canonical(m) === canonical(n));
  const builtin = (sid) => ({ sid, name: wellKnown[sid] });

  const answer = (sid, i) => {
    const account = Object.keys(machine.accounts).find((a) => machine.accounts[a] === sid);
    if (!account) return { i, error: 'Some or all identity references could not be translated.' };
    const domain = account.includes('\\') && !/^azuread\\/i.test(account);
    if (domain && (machine.domainUnreachable || machine.logonServersUnreachable))
      return {
        i,
        error: 'There are currently no logon servers available to service the logon request.',
      };
    const principals = [account];
    for (let grew = domain; grew;) {
      grew = false;
      for (const [name, g] of Object.entries(groups)) {
        if (!name.includes('\\') || principals.includes(name)) continue;
        if (!principals.some((p) => lists(g.members, p))) continue;
        principals.push(name);
        grew = true;
      }
    }
    const found = principals.slice(1).map((n) => ({ sid: groups[n].sid, name: n }));
    for (const [name, g] of Object.entries(groups)) {
      if (name.includes('\\')) continue;
      const members = domain ? principals : [account];
      if (members.some((p) => lists(g.members, p))) found.push({ sid: g.sid, name: display(name) });
    }
    const admins = domain ? principals : [account];
    if (admins.some((p) => lists(machine.administrators, p))) found.push(builtin('S-1-5-32-544'));
    found.push(builtin('S-1-5-32-545'));
    if (domain) {
      found.push(builtin('S-1-1-0'), builtin('S-1-5-11'));
      found.push({ sid: 'S-1-5-2', name: de ? 'NT-AUTORITÄT\\NETZWERK' : 'NT AUTHORITY\\NETWORK' });
      found.push({ sid: 'S-1-18-2', name: 'Service asserted identity' });
    }
    return { i, groups: found };
  };
  return JSON.stringify(sids.map(answer));
}

/** The local group of machine.groups that `net localgroup NAME` names (case-insensitive). */
export function localGroupName(machine, name) {
  return Object.keys(machine.groups ?? {}).find(
    (g) => !g.includes('\\') && g.toLowerCase() === String(name).toLowerCase(),
  );
}
