#!/usr/bin/env bash
# Installs what the dashboard's tests need when this machine lacks it (root + apt, as on CI): Node.js (its modules are
# checked and unit-tested with node's built-in runner) and Chromium (Playwright drives it headless for the browser
# tests; Playwright's own browser downloads are never used). Prints nothing on stdout; progress goes to stderr.
set -euo pipefail
log() { echo "install-browser-test-tools: $*" >&2; }

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
[ -x /usr/bin/chromium ] || [ -n "${STREAMRISK_CHROMIUM:-}" ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  log "cannot install ${missing[*]} here (needs root and apt); the tests that need them will say so"
  exit 1
fi
log "installing ${missing[*]} with apt (about a minute)"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
