#!/usr/bin/env bash
# Brings the whole platform up on this machine: npm dependencies, PostgreSQL + Kafka + FerretDB + Keycloak
# + SeaweedFS + Mailpit (provisioned into ~/.cache/nangsuat on first use), the six services, and the demo data from the
# seed plans. Returns when everything answers; stop it all with scripts/down.sh.
#   NANGSUAT_RUN_DIR  where pids, logs and data go (default .run)
#   *_PORT            see README (MONGO_PORT, KAFKA_PORT, KEYCLOAK_PORT, PLANS_PORT, ...)
set -euo pipefail
source "$(dirname "$0")/setup.sh"
source "$NS_ROOT/scripts/services.env.sh"
RUN_DIR="${NANGSUAT_RUN_DIR:-$NS_ROOT/.run}"
mkdir -p "$RUN_DIR/services/pids" "$RUN_DIR/services/logs"

if [ -f "$RUN_DIR/infra/pids/kafka.pid" ] && kill -0 "$(cat "$RUN_DIR/infra/pids/kafka.pid")" 2>/dev/null; then
  log "up: infrastructure already running from $RUN_DIR/infra; reusing it"
else
  bash "$NS_ROOT/scripts/infra/start.sh" "$RUN_DIR/infra"
  touch "$RUN_DIR/infra/.started-by-up"
fi

log "up: building (tsc)"
npm run -s build

export EVENT_STORE_URL="${EVENT_STORE_URL:-postgres://nangsuat@127.0.0.1:$PG_PORT/nangsuat}"
export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT"
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export OIDC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/nangsuat"
export S3_ENDPOINT="${S3_ENDPOINT:-http://127.0.0.1:$S3_PORT}" SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$MAIL_SMTP_PORT}" MAILPIT_URL="${MAILPIT_URL:-http://127.0.0.1:$MAIL_API_PORT}"
export OTEL_TRACES_EXPORTER="${OTEL_TRACES_EXPORTER:-none}" OTEL_METRICS_EXPORTER="${OTEL_METRICS_EXPORTER:-none}" OTEL_LOGS_EXPORTER="${OTEL_LOGS_EXPORTER:-none}"
for s in "${SERVICES[@]}"; do
  pidfile="$RUN_DIR/services/pids/$s.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "up: $s already running (pid $(cat "$pidfile"))"; continue
  fi
  # A port answered by a process this run did not start (another run's service left behind) would
  # pass the readiness check below while this service fails to listen: say so instead.
  if (exec 3<>"/dev/tcp/127.0.0.1/$(service_port "$s")") 2>/dev/null; then
    die "port $(service_port "$s") for $s is taken by another process ($(ss -ltnp "( sport = :$(service_port "$s") )" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 || true)); stop it or choose another $(echo "$s" | tr "a-z-" "A-Z_")_PORT"
  fi
  PORT="$(service_port "$s")" node -r "$NS_ROOT/scripts/runtime-paths.js" "$NS_ROOT/dist/apps/$s/src/main.js" \
    >"$RUN_DIR/services/logs/$s.log" 2>&1 &
  echo $! >"$pidfile"
  log "up: $s (pid $!) on http://127.0.0.1:$(service_port "$s")"
done
for s in "${SERVICES[@]}"; do
  port="$(service_port "$s")"; started=$SECONDS; said=0
  until curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    kill -0 "$(cat "$RUN_DIR/services/pids/$s.pid")" 2>/dev/null || { tail -30 "$RUN_DIR/services/logs/$s.log" >&2; die "$s exited during start (log: $RUN_DIR/services/logs/$s.log)"; }
    waited=$((SECONDS - started))
    [ "$waited" -ge 180 ] && die "$s not ready after 180 s (log: $RUN_DIR/services/logs/$s.log)"
    [ $((waited / 5)) -gt "$said" ] && { said=$((waited / 5)); log "  waiting for $s /health/ready (${waited} s)"; }
    sleep 0.5
  done
  log "up: $s ready"
done

log "up: loading demo data from the seed plans"
node -r "$NS_ROOT/scripts/runtime-paths.js" "$NS_ROOT/dist/scripts/demo-data.js"

# The web console: built when its sources changed, served with /api/<service>/… forwarded (one origin).
CONSOLE_PORT="${CONSOLE_PORT:-4200}"
console_sum=production-$(cd "$NS_ROOT/apps/console" && find src index.html vite.config.ts package-lock.json -type f | sort | xargs sha256sum | sha256sum | cut -d' ' -f1)
if [ "$(cat "$NS_ROOT/apps/console/dist/.nangsuat-build" 2>/dev/null)" != "$console_sum" ]; then
  log "up: building the console (vite)"
  # Always a production build: under the test runner NODE_ENV is "test", and Ant Design's ids then
  # collapse to one "test-id", so every dialog takes the first one's name.
  (cd "$NS_ROOT/apps/console" && NODE_ENV=production npx vite build --logLevel error)
  echo "$console_sum" >"$NS_ROOT/apps/console/dist/.nangsuat-build"
fi
pidfile="$RUN_DIR/services/pids/console.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  log "up: console already running (pid $(cat "$pidfile"))"
else
  CONSOLE_PORT="$CONSOLE_PORT" KEYCLOAK_PORT="$KEYCLOAK_PORT" node "$NS_ROOT/apps/console/server/serve.mjs" >"$RUN_DIR/services/logs/console.log" 2>&1 &
  echo $! >"$pidfile"
  until curl -fsS "http://127.0.0.1:$CONSOLE_PORT/healthz" >/dev/null 2>&1; do
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -20 "$RUN_DIR/services/logs/console.log" >&2; die "console exited during start"; }
    sleep 0.3
  done
  log "up: console (pid $(cat "$pidfile")) on http://127.0.0.1:$CONSOLE_PORT"
fi

cat >&2 <<MSG

Năng Suất is up.
  console           http://127.0.0.1:$CONSOLE_PORT  (sign in as a demo user from the README, password demo-password)
  plans             http://127.0.0.1:$PLANS_PORT/docs
  support-programs  http://127.0.0.1:$SUPPORT_PROGRAMS_PORT/docs
  training          http://127.0.0.1:$TRAINING_PORT/docs
  awards            http://127.0.0.1:$AWARDS_PORT/docs
  audit             http://127.0.0.1:$AUDIT_PORT/docs
  notifications     http://127.0.0.1:$NOTIFICATIONS_PORT/docs
  Keycloak          http://127.0.0.1:$KEYCLOAK_PORT (realm nangsuat; demo users in README)
  object storage    http://127.0.0.1:$S3_PORT (SeaweedFS, S3 API; bucket nangsuat-attachments)
  mail (Mailpit)    SMTP 127.0.0.1:$MAIL_SMTP_PORT, API http://127.0.0.1:$MAIL_API_PORT/api/v1/messages
  logs              $RUN_DIR/services/logs, $RUN_DIR/infra/logs
Stop everything with: bash scripts/down.sh
MSG
