#!/usr/bin/env bash
# Electron security lint (@doyensec/electronegativity) over the app's own code: main/, preload/
# and renderer/, scanned together because its global checks (navigation limits, permission
# handler, CSP) look across the whole app. Exits non-zero on any finding that is not suppressed.
# Suppressions live next to the code as `// eng-disable CHECK_ID` (HTML: `<!-- eng-disable CHECK_ID -->`)
# with a comment saying why.
set -euo pipefail
cd "$(dirname "$0")/.."

ELECTRON_VERSION=$(node -p "require('./node_modules/electron/package.json').version")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/app"
for dir in main preload renderer; do
  # Sources only (no build output or dependencies); .cts is not scanned by the tool, so the
  # preload is copied as .ts to be checked too.
  (cd "$dir" && find . -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.cts' -o -name '*.html' -o -name '*.js' \) \
    -not -path '*/node_modules/*' -not -path '*/dist/*' -print0) |
    while IFS= read -r -d '' f; do
      dest="$work/app/$dir/${f#./}"
      dest="${dest%.cts}"; [ "$dest" != "$work/app/$dir/${f#./}" ] && dest="$dest.ts"
      mkdir -p "$(dirname "$dest")"
      cp "$dir/$f" "$dest"
    done
done

if ! npx --no-install electronegativity -i "$work/app" -e "$ELECTRON_VERSION" -o "$work/findings.csv" >"$work/log.txt" 2>&1; then
  cat "$work/log.txt" >&2
  echo "electronegativity: the scan itself failed." >&2
  exit 2
fi

# Every data row of the CSV is a finding: suppressions live in the code as eng-disable comments.
findings=$(tail -n +2 "$work/findings.csv" | grep -c . || true)
if [ "$findings" -gt 0 ]; then
  sed "s#$work/app/##g" "$work/findings.csv" >&2
fi

if [ "$findings" -gt 0 ]; then
  echo "electronegativity: $findings finding(s); fix them or add a justified eng-disable comment." >&2
  exit 1
fi
echo "electronegativity: no findings in main/, preload/, renderer/"
