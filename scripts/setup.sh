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
bash "$NS_ROOT/scripts/infra/provision.sh"
