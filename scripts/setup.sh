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

# Electron's own binary comes from outside the npm registry; the code is type-checked
# against electron.d.ts and tested through Chromium instead (DESIGN.md).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-fund --no-audit
echo "setup: done"
