#!/usr/bin/env bash
# Stops what scripts/up.sh started, by pid: the services (all at once: each takes a few seconds to
# leave its Kafka consumer group), then the infrastructure if up.sh started it.
set -uo pipefail
source "$(dirname "$0")/infra/env.sh"
RUN_DIR="${NANGSUAT_RUN_DIR:-$NS_ROOT/.run}"
declare -A running=()
for f in "$RUN_DIR"/services/pids/*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" && running[$pid]=$(basename "$f" .pid)
  fi
  rm -f "$f"
done
for _ in $(seq 1 40); do
  for pid in "${!running[@]}"; do
    kill -0 "$pid" 2>/dev/null || { log "down: ${running[$pid]} (pid $pid) stopped"; unset "running[$pid]"; }
  done
  [ ${#running[@]} -eq 0 ] && break
  sleep 0.5
done
for pid in "${!running[@]}"; do
  log "down: ${running[$pid]} (pid $pid) ignored TERM for 20 s; killing"
  kill -KILL "$pid" 2>/dev/null
done
if [ -f "$RUN_DIR/infra/.started-by-up" ]; then
  bash "$NS_ROOT/scripts/infra/stop.sh" "$RUN_DIR/infra"
  rm -f "$RUN_DIR/infra/.started-by-up"
fi
