#!/bin/bash
# Builds Elevate's macOS installer. Two steps:
#   build-pkg.sh stage BIN_DIR OUT_DIR   lay out the agent payload (runs anywhere; tests use it)
#   build-pkg.sh pkg BIN_DIR APP OUT_DIR  stage + pkgbuild + productbuild + sign (macOS only)
# BIN_DIR holds the agent executable (npm run build:bin: dist/bin/darwin-<arch>/elevate-agent);
# APP is the signed Elevate.app. Signing identity: $INSTALLER_IDENTITY ("Developer ID
# Installer: …"). Notarisation is a separate step (docs/packaging-macos.md).
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
VERSION="${VERSION:-$(node -p "require('$HERE/../../package.json').version")}"

stage() {
  local bin="$1" out="$2"
  rm -rf "$out" && mkdir -p "$out/root/Library/LaunchDaemons" "$out/root/Library/LaunchAgents" "$out/root/usr/local/libexec/elevate"
  cp "$HERE/com.elevate.agent.plist" "$out/root/Library/LaunchDaemons/"
  # The tray for everyone at login (docs/packaging-macos.md, "Open at login").
  cp "$HERE/com.elevate.tray.plist" "$out/root/Library/LaunchAgents/"
  cp "$bin/elevate-agent" "$out/root/usr/local/libexec/elevate/elevate-agent"
  cp "$HERE/uninstall.sh" "$out/root/usr/local/libexec/elevate/uninstall.sh"
  chmod 0644 "$out/root/Library/LaunchDaemons/com.elevate.agent.plist" "$out/root/Library/LaunchAgents/com.elevate.tray.plist"
  chmod 0755 "$out/root/usr/local/libexec/elevate/elevate-agent" "$out/root/usr/local/libexec/elevate/uninstall.sh"
  mkdir -p "$out/scripts"
  cp "$HERE/scripts/preinstall" "$HERE/scripts/postinstall" "$out/scripts/"
  chmod 0755 "$out/scripts/preinstall" "$out/scripts/postinstall"
}

case "${1:-}" in
  stage) stage "$2" "$3" ;;
  pkg)
    [ "$(uname)" = Darwin ] || { echo "pkgbuild and productbuild exist only on macOS; run this on the release Mac." >&2; exit 1; }
    bin="$2" app="$3" out="$4"
    stage "$bin" "$out/stage"
    # The agent component: root-owned files, scripts that stop/start the daemon.
    pkgbuild --root "$out/stage/root" --scripts "$out/stage/scripts" --ownership recommended \
      --identifier com.elevate.agent --version "$VERSION" --install-location / "$out/elevate-agent.pkg"
    # The tray app component: /Applications, not relocatable (an installer must not put it elsewhere).
    mkdir -p "$out/app-root" && ditto "$app" "$out/app-root/Elevate.app"
    pkgbuild --analyze --root "$out/app-root" "$out/app.plist"
    plutil -replace 0.BundleIsRelocatable -bool NO "$out/app.plist"
    pkgbuild --root "$out/app-root" --component-plist "$out/app.plist" --identifier com.elevate.tray \
      --version "$VERSION" --install-location /Applications "$out/elevate-tray.pkg"
    productbuild --package "$out/elevate-agent.pkg" --package "$out/elevate-tray.pkg" \
      --sign "${INSTALLER_IDENTITY:?set INSTALLER_IDENTITY to your Developer ID Installer identity}" \
      "$out/Elevate-$VERSION.pkg"
    echo "$out/Elevate-$VERSION.pkg"
    ;;
  *) echo "usage: $0 stage BIN_DIR OUT_DIR | pkg BIN_DIR APP OUT_DIR" >&2; exit 2 ;;
esac
