#!/usr/bin/env bash
# Stops what scripts/up.sh started, by pid: the services, then the infrastructure if up.sh started it.
set -uo pipefail
source "$(dirname "$0")/infra/env.sh"
RUN_DIR="${NANGSUAT_RUN_DIR:-$NS_ROOT/.run}"
for f in "$RUN_DIR"/services/pids/*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    log "down: $(basename "$f" .pid) (pid $pid) stopped"
  fi
  rm -f "$f"
done
if [ -f "$RUN_DIR/infra/.started-by-up" ]; then
  bash "$NS_ROOT/scripts/infra/stop.sh" "$RUN_DIR/infra"
  rm -f "$RUN_DIR/infra/.started-by-up"
fi
