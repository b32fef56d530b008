#!/usr/bin/env node
// Builds the elevate-agent Debian package with Debian's own dpkg-deb (docs/packaging.md):
// the single executable (npm run build:bin) as /usr/lib/elevate/elevate-agent with koffi beside
// it, elevatectl/elevate/elevate-agent links on PATH, the systemd unit, the polkit action, the
// default policy as a conffile and the maintainer scripts. --root-owner-group makes every file
// root's without running as root.
//   node scripts/build-deb.js [--bin dist/bin/linux-x64] [--out release] [--version 0.1.0] [--fast]
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const REPO = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const { values } = parseArgs({
  options: {
    bin: { type: 'string', default: join(REPO, 'dist/bin/linux-x64') },
    out: { type: 'string', default: join(REPO, 'release') },
    version: { type: 'string', default: pkg.version },
    // No compression: for tests, where xz on a 120 MB executable costs a minute.
    fast: { type: 'boolean', default: false },
  },
});
// Debian sorts "~" before anything, so 1.0.0-beta.1 → 1.0.0~beta.1 comes before 1.0.0.
const version = values.version.replace('-', '~');
const bin = resolve(values.bin);
try {
  statSync(join(bin, 'elevate-agent'));
} catch {
  console.error(`build-deb: ${bin}/elevate-agent is missing; run "npm run build:bin" first.`);
  process.exit(1);
}

const stage = mkdtempSync(join(tmpdir(), 'elevate-deb-'));
const put = (from, to, mode) => {
  const dest = join(stage, to);
  mkdirSync(join(dest, '..'), { recursive: true });
  cpSync(from, dest, { recursive: true, dereference: true });
  chmodSync(dest, mode);
};
put(join(bin, 'elevate-agent'), 'usr/lib/elevate/elevate-agent', 0o755);
put(join(bin, 'node_modules'), 'usr/lib/elevate/node_modules', 0o755);
for (const [link, dir] of [
  ['elevate-agent', 'usr/sbin'],
  ['elevatectl', 'usr/bin'],
  ['elevate', 'usr/bin'],
]) {
  mkdirSync(join(stage, dir), { recursive: true });
  // The executable picks the program by the name it is started under (agent/bin/entry.ts).
  symlinkSync('../lib/elevate/elevate-agent', join(stage, dir, link));
}
put(
  join(REPO, 'packaging/linux/elevate-agent.service'),
  'usr/lib/systemd/system/elevate-agent.service',
  0o644,
);
put(
  join(REPO, 'packaging/linux/com.elevate.request.policy'),
  'usr/share/polkit-1/actions/com.elevate.request.policy',
  0o644,
);
put(join(REPO, 'packaging/linux/policy.json'), 'etc/elevate/policy.json', 0o644);
put(join(REPO, 'docs/packaging.md'), 'usr/share/doc/elevate-agent/README', 0o644);
for (const script of ['postinst', 'prerm', 'postrm'])
  put(join(REPO, 'packaging/linux/deb', script), join('DEBIAN', script), 0o755);
writeFileSync(join(stage, 'DEBIAN/conffiles'), '/etc/elevate/policy.json\n');
const sizeKb = Number(
  execFileSync('du', ['-sk', '--exclude=DEBIAN', stage]).toString().split('\t')[0],
);
writeFileSync(
  join(stage, 'DEBIAN/control'),
  [
    'Package: elevate-agent',
    `Version: ${version}`,
    'Architecture: amd64',
    `Maintainer: ${pkg.author.name} <${pkg.author.email}>`,
    `Installed-Size: ${sizeKb}`,
    // gpasswd (passwd) and visudo (sudo) are what the Linux backend runs.
    'Depends: sudo, passwd',
    // pkcheck (polkitd) answers requireAuthentication; without it such requests are refused.
    'Suggests: polkitd',
    'Section: admin',
    'Priority: optional',
    `Homepage: ${pkg.homepage}`,
    'Description: Elevate agent: temporary administrator rights that end on time',
    ' The root service that grants sudo/admin rights for a set time and takes them back on',
    ' time, with an audit log; elevatectl (admins) and elevate (people) talk to it.',
    '',
  ].join('\n'),
);
// Every folder 0755, whatever the umask that made it.
const fixDirs = (dir) => {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true }))
    if (e.isDirectory()) fixDirs(join(dir, e.name));
};
fixDirs(stage);
chmodSync(stage, 0o755);

mkdirSync(values.out, { recursive: true });
const deb = join(resolve(values.out), `elevate-agent_${version}_amd64.deb`);
execFileSync('dpkg-deb', [
  '--root-owner-group',
  ...(values.fast ? ['-Znone'] : []),
  '--build',
  stage,
  deb,
]);
rmSync(stage, { recursive: true, force: true });
console.log(`build-deb: ${deb}`);
