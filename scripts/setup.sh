# Sourced by up.sh and test.sh: installs npm dependencies when package-lock.json changed, then
# provisions the local infrastructure (cached under ~/.cache/nangsuat). Nothing to type first.
source "$(dirname "${BASH_SOURCE[0]}")/infra/env.sh"
cd "$NS_ROOT"
for tool in node npm java mvn go; do command -v "$tool" >/dev/null || die "$tool is required on this machine"; done
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.nangsuat-lock 2>/dev/null)" != "$lock_sum" ]; then
  log "setup: installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >node_modules/.nangsuat-lock
fi
# The web console is its own npm project (apps/console, own lockfile).
console_sum=$(sha256sum apps/console/package-lock.json | cut -d' ' -f1)
if [ "$(cat apps/console/node_modules/.nangsuat-lock 2>/dev/null)" != "$console_sum" ]; then
  log "setup: installing the console's npm dependencies (npm ci in apps/console)"
  (cd apps/console && npm ci --no-audit --no-fund --loglevel=error)
  echo "$console_sum" >apps/console/node_modules/.nangsuat-lock
fi
# The browser tests drive Debian's chromium (Playwright's own download cannot reach its host here).
if ! command -v chromium >/dev/null; then
  log "setup: installing Debian's chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium fonts-noto-core >/dev/null 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium fonts-noto-core >/dev/null; } \
    || die "could not install chromium (apt-get install -y chromium)"
fi
bash "$NS_ROOT/scripts/infra/provision.sh"
