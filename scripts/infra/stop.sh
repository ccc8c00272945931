#!/usr/bin/env bash
# Stops exactly the processes start.sh recorded in RUN_DIR/pids (TERM, then KILL after 15 s).
# Usage: stop.sh [RUN_DIR]
set -uo pipefail
source "$(dirname "$0")/env.sh"
RUN_DIR="${1:-$NS_ROOT/.run/infra}"
[ -d "$RUN_DIR/pids" ] || exit 0
for f in "$RUN_DIR"/pids/*.pid; do
  [ -f "$f" ] || continue
  pid=$(cat "$f"); name=$(basename "$f" .pid)
  if kill -0 "$pid" 2>/dev/null; then
    # kc.sh execs java, so the pid is the JVM itself; children (if any) share its process group.
    # PostgreSQL's TERM waits for every client to leave; INT is its fast (still clean) shutdown.
    signal=TERM; [ "$name" = postgres ] && signal=INT
    kill -"$signal" "$pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "stop: $name (pid $pid) ignored $signal; killing"; kill -KILL "$pid" 2>/dev/null; }
    log "stop: $name (pid $pid) stopped"
  fi
  rm -f "$f"
done
