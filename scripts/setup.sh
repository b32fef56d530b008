#!/usr/bin/env bash
# Installs everything Elevate's build and tests need on Debian/Ubuntu: OS packages, then npm ci.
# Safe to run again. Needs root (or sudo) for apt.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  chromium            # e2e: the renderer in a real browser (Playwright drives it)
  sudo faketime       # real sudo for the Linux backend; libfaketime for clock tests
  passwd login util-linux  # useradd/gpasswd, runuser, unshare
  gnome-keyring libsecret-tools libsecret-1-dev dbus  # keytar: build + a real Secret Service
  xvfb xauth          # a display for headful runs
  rsyslog rsyslog-gnutls openssl  # audit forwarding tests: a real syslog receiver (TCP and TLS), a self-signed cert
  python3 make g++ pkg-config  # node-gyp for keytar
  nsis                # makensis: the Windows installer include is compiled in a test
  wine64              # runs the agent's Windows build in a test (~100 MB, under a minute to install)
  systemd             # systemd-analyze verify on the agent package's unit
  libplist-utils      # plistutil: checks the macOS LaunchDaemon plist
  tmux                # e2e: the command lines in a real 80-column terminal
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Electron 45's tooling needs Node >= 22.12 (package.json "engines"). Where the Node on PATH is
# older, install Node 22 from the npm registry (node-linux-ARCH: the official binary + headers).
node_ok() { node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'; }
if ! node_ok; then
  echo "setup: Node $(node -v) is older than the 22.12 package.json needs; installing Node 22 from the npm registry into /usr/local"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack -q "node-linux-$(node -p process.arch)@22" >/dev/null)
  as_root tar -xzf "$tmp"/node-linux-*.tgz -C /usr/local --strip-components=1 package/bin/node package/include
  rm -rf "$tmp"
  hash -r
  node_ok || { echo "setup: /usr/local/bin/node is not first on PATH; put /usr/local/bin first and run setup again." >&2; exit 1; }
fi
# keytar compiles against the running Node's headers (offline: without downloading them).
node_home=$(dirname "$(dirname "$(command -v node)")")
if [ -f "$node_home/include/node/common.gypi" ]; then export npm_config_nodedir="$node_home"; fi

# Electron's binary comes from GitHub, not the npm registry: install the packages without it,
# then download it only where GitHub answers (the tray needs it; the tests do not).
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-fund --no-audit
electron_url=$(node -p '`${process.env.ELECTRON_MIRROR ?? "https://github.com/electron/electron/releases/download/"}v${require("./node_modules/electron/package.json").version}/`')
if [ -n "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ]; then
  echo "setup: Electron's binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); npm start runs the demo agent without the tray."
elif [ -n "${CI:-}" ]; then
  # CI runs the tests, which never need the binary, and reaches only the package registries.
  echo "setup: Electron's binary not downloaded under CI (the tests do not need it)."
elif node -e 'fetch(process.argv[1], { method: "HEAD", signal: AbortSignal.timeout(5000) }).then(() => process.exit(0), () => process.exit(1))' "$electron_url" &&
  node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "setup: Electron's binary downloaded; npm start shows the tray."
else
  echo "setup: Electron's binary could not be downloaded from $electron_url (offline?); npm start runs the demo agent without the tray, everything else works."
fi
echo "setup: done"
