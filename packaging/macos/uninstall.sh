#!/bin/bash
# Removes Elevate from this Mac: first ends every active grant (each person is put back exactly
# as they were), then stops and removes the daemon, the agent, the CLIs and the app. Run as root:
#   sudo "/usr/local/libexec/elevate/uninstall.sh"
# The audit log in /Library/Application Support/Elevate is kept unless --purge is given.
# ELEVATE_ROOT (tests only) prefixes every path.
set -u
ROOT="${ELEVATE_ROOT:-}"
LABEL=com.elevate.agent
AGENT="$ROOT/usr/local/libexec/elevate/elevate-agent"
PURGE=0
[ "${1:-}" = "--purge" ] && PURGE=1

if [ "$(id -u)" != 0 ]; then
  echo "Run this as root: sudo $0" >&2
  exit 1
fi
if [ -x "$AGENT" ]; then
  if ! "$AGENT" restore-all; then
    echo "Elevate was NOT removed: some rights could not be taken back (see above). Fix that and run this again." >&2
    exit 1
  fi
fi
launchctl bootout "system/$LABEL" 2>/dev/null || true
rm -f "$ROOT/Library/LaunchDaemons/$LABEL.plist"
# The tray's login entry: no new session starts it; running trays quit with the app removed.
rm -f "$ROOT/Library/LaunchAgents/com.elevate.tray.plist"
rm -f "$ROOT/usr/local/bin/elevatectl" "$ROOT/usr/local/bin/elevate"
rm -rf "$ROOT/usr/local/libexec/elevate" "$ROOT/Applications/Elevate.app"
[ "$PURGE" = 1 ] && rm -rf "$ROOT/Library/Application Support/Elevate" "$ROOT/Library/Logs/Elevate"
pkgutil --forget com.elevate.agent >/dev/null 2>&1 || true
pkgutil --forget com.elevate.tray >/dev/null 2>&1 || true
echo "Elevate is removed; nobody keeps rights it gave."
