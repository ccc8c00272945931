#!/usr/bin/env bash
# Runs the whole test suite on this machine, against real servers: lint, type check, build, unit
# tests, then integration and end-to-end tests against PostgreSQL, Kafka, FerretDB, Keycloak, SeaweedFS (S3)
# and Mailpit (SMTP) started here on
# test ports (their own run dir, stopped by pid at the end, whatever happens).
set -euo pipefail
source "$(dirname "$0")/setup.sh"

# Test ports differ from the development ones so a running `scripts/up.sh` is not disturbed, and stay
# below 32768: ports in the kernel's ephemeral range can be taken by any outgoing connection.
export PG_PORT="${TEST_PG_PORT:-25432}" MONGO_PORT="${TEST_MONGO_PORT:-28017}" KAFKA_PORT="${TEST_KAFKA_PORT:-19092}" \
  KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}" KEYCLOAK_PORT="${TEST_KEYCLOAK_PORT:-18080}"
export S3_PORT="${TEST_S3_PORT:-18333}" SEAWEEDFS_PORT_BASE="${TEST_SEAWEEDFS_PORT_BASE:-18340}" \
  MAIL_SMTP_PORT="${TEST_MAIL_SMTP_PORT:-11025}" MAIL_API_PORT="${TEST_MAIL_API_PORT:-18025}"
export PLANS_PORT="${TEST_PLANS_PORT:-3101}" SUPPORT_PROGRAMS_PORT="${TEST_SUPPORT_PROGRAMS_PORT:-3102}" \
  TRAINING_PORT="${TEST_TRAINING_PORT:-3103}" AWARDS_PORT="${TEST_AWARDS_PORT:-3104}" AUDIT_PORT="${TEST_AUDIT_PORT:-3105}" \
  NOTIFICATIONS_PORT="${TEST_NOTIFICATIONS_PORT:-3106}"
# The console's test port is one the realm's nangsuat-console client allows as a redirect.
export CONSOLE_PORT="${TEST_CONSOLE_PORT:-14200}"
export NANGSUAT_RUN_DIR="${NANGSUAT_TEST_RUN_DIR:-$(mktemp -d /tmp/nangsuat-test.XXXXXX)}"
export MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
export TEST_POSTGRES_URL="postgres://nangsuat@127.0.0.1:$PG_PORT/nangsuat" EVENT_STORE_URL="postgres://nangsuat@127.0.0.1:$PG_PORT/nangsuat"
export OIDC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/nangsuat" KEYCLOAK_URL="http://127.0.0.1:$KEYCLOAK_PORT"
export S3_ENDPOINT="http://127.0.0.1:$S3_PORT" SMTP_URL="smtp://127.0.0.1:$MAIL_SMTP_PORT" MAILPIT_URL="http://127.0.0.1:$MAIL_API_PORT"
export OTEL_TRACES_EXPORTER=none OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none

log "test: lint, layer rules (dependency-cruiser), type check and build"
npm run -s lint
npm run -s deps
npm run -s typecheck
npm run -s build

log "test: unit tests (no infrastructure)"
npx jest --selectProjects unit --ci

log "test: web console — type check, lint, component tests (vitest)"
(cd apps/console && npm run -s typecheck && npm run -s lint && npm test --silent)

cleanup() {
  NANGSUAT_RUN_DIR="$NANGSUAT_RUN_DIR" bash "$NS_ROOT/scripts/down.sh" || true
  bash "$NS_ROOT/scripts/infra/stop.sh" "$NANGSUAT_RUN_DIR/infra" || true
}
trap cleanup EXIT
bash "$NS_ROOT/scripts/infra/start.sh" "$NANGSUAT_RUN_DIR/infra"

log "test: integration tests (real PostgreSQL, FerretDB, Kafka, Keycloak, SeaweedFS, Mailpit)"
npx jest --selectProjects integration --runInBand --ci

# Includes test/fuzz-routes.e2e-spec.ts: every write route fuzzed from its OpenAPI schema (fast-check,
# bounded runs per route; FUZZ_SEED replays a run), no 500, nothing written.
log "test: end-to-end tests (the README's start command brings the services up, down.sh stops them)"
NANGSUAT_KEEP_PLATFORM_UP=1 npx jest --selectProjects e2e --runInBand --ci

log "test: web console in Debian's chromium against the platform the e2e tier started (screenshots in apps/console/e2e-output)"
(cd apps/console && npm run -s e2e)
NANGSUAT_RUN_DIR="$NANGSUAT_RUN_DIR" bash "$NS_ROOT/scripts/down.sh"

# Nothing the run started may outlive it.
cleanup
trap - EXIT
left=""
for f in "$NANGSUAT_RUN_DIR"/services/pids/*.pid "$NANGSUAT_RUN_DIR"/infra/pids/*.pid; do
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && left="$left $(basename "$f" .pid)"
done
[ -z "$left" ] || die "processes left running after the tests:$left"
log "test: all tiers passed; no process left running"
