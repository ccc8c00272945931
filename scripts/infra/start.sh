#!/usr/bin/env bash
# Starts PostgreSQL (the event store; FerretDB's backend), FerretDB, Keycloak, Kafka (KRaft, single
# combined node), SeaweedFS (S3-compatible object storage for attachments) and Mailpit (catches the
# platform's mail) on 127.0.0.1 with their data in RUN_DIR (default .run/infra), recording each pid in
# RUN_DIR/pids so stop.sh stops exactly these.
# Usage: start.sh [RUN_DIR]     Ports: PG_PORT, MONGO_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, KEYCLOAK_PORT,
#                               S3_PORT, SEAWEEDFS_PORT_BASE (.. +6), MAIL_SMTP_PORT, MAIL_API_PORT
set -euo pipefail
source "$(dirname "$0")/env.sh"
RUN_DIR="$(mkdir -p "${1:-$NS_ROOT/.run/infra}" && cd "${1:-$NS_ROOT/.run/infra}" && pwd)"
mkdir -p "$RUN_DIR/pids" "$RUN_DIR/logs"
[ -f "$KAFKA_HOME/.complete" ] && [ -x "$FERRETDB_BIN" ] && [ -f "$KEYCLOAK_HOME/.complete" ] && [ -x "$SEAWEEDFS_BIN" ] && [ -x "$MAILPIT_BIN" ] \
  || die "infrastructure not provisioned: run scripts/infra/provision.sh"

running() { [ -f "$RUN_DIR/pids/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/pids/$1.pid")" 2>/dev/null; }
for name in postgres ferretdb kafka keycloak seaweedfs mailpit; do
  running "$name" && die "$name already running from $RUN_DIR (pid $(cat "$RUN_DIR/pids/$name.pid")); stop it first"
done

# PostgreSQL -------------------------------------------------------------------------------------
# Its own cluster in the run directory, trust authentication on 127.0.0.1 only, run by an
# unprivileged account (PostgreSQL refuses root). Databases: nangsuat (events), ferretdb.
pg_bin=$(pg_bin_dir) || die "PostgreSQL is not installed: run scripts/infra/provision.sh"
as_pg() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid="$PG_OS_USER" --regid="$(id -g "$PG_OS_USER")" --init-groups "$@"; else "$@"; fi; }
pg_data="$RUN_DIR/postgres"
if [ ! -f "$pg_data/PG_VERSION" ]; then
  mkdir -p "$pg_data"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_OS_USER" "$pg_data"
    # The server's account must be able to reach its data directory (mktemp dirs are 0700).
    d="$RUN_DIR"; while [ "$d" != / ]; do as_pg test -x "$d" || chmod o+x "$d"; d=$(dirname "$d"); done
  fi
  chmod 700 "$pg_data"
  as_pg "$pg_bin/initdb" -D "$pg_data" -U nangsuat --auth=trust -E UTF8 --locale=C.UTF-8 >"$RUN_DIR/logs/postgres-initdb.log" 2>&1 \
    || { tail -20 "$RUN_DIR/logs/postgres-initdb.log" >&2; die "initdb failed"; }
fi
touch "$RUN_DIR/logs/postgres.log"; [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER" "$RUN_DIR/logs/postgres.log"
as_pg "$pg_bin/postgres" -D "$pg_data" -h 127.0.0.1 -p "$PG_PORT" -k "$pg_data" \
  -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c logging_collector=off \
  >>"$RUN_DIR/logs/postgres.log" 2>&1 &
echo $! >"$RUN_DIR/pids/postgres.pid"
wait_port PostgreSQL "$PG_PORT" 60 "$RUN_DIR/pids/postgres.pid"
until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do sleep 0.2; done
# $! is the shell that ran as_pg; the server's own pid is the first line of postmaster.pid.
head -1 "$pg_data/postmaster.pid" >"$RUN_DIR/pids/postgres.pid"
log "start: PostgreSQL (pid $(cat "$RUN_DIR/pids/postgres.pid")) on 127.0.0.1:$PG_PORT"
for db in nangsuat ferretdb; do
  "$pg_bin/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U nangsuat -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || "$pg_bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U nangsuat "$db"
done

# FerretDB (MongoDB wire protocol for the read models, on the PostgreSQL above) -----------------
mkdir -p "$RUN_DIR/ferretdb"
"$FERRETDB_BIN" -listen "127.0.0.1:$MONGO_PORT" -data-dir "$RUN_DIR/ferretdb" \
  -postgresql-url "postgres://nangsuat@127.0.0.1:$PG_PORT/ferretdb" \
  >"$RUN_DIR/logs/ferretdb.log" 2>&1 &
echo $! >"$RUN_DIR/pids/ferretdb.pid"
log "start: FerretDB (pid $!) on 127.0.0.1:$MONGO_PORT"

# Keycloak (dev mode, in-memory H2: the realm is imported fresh at each start) --------------------
java21=$(find_java 21) || die "Keycloak $KEYCLOAK_VERSION needs Java 21+; none under /usr/lib/jvm"
# --import-realm reads only <home>/data/import. Each run gets a home of its own — hard links to the
# cached distribution, with its own data/ (the realm imported), lib/quarkus and conf/ (which Keycloak may
# rewrite) — so runs from other clones on this machine never import each other's realm.
kc_home="$RUN_DIR/keycloak-home"
rm -rf "$kc_home"
cp -al "$KEYCLOAK_HOME" "$kc_home" 2>/dev/null || cp -a "$KEYCLOAK_HOME" "$kc_home"
for d in data lib/quarkus conf; do rm -rf "${kc_home:?}/$d"; done
cp -a "$KEYCLOAK_HOME/lib/quarkus" "$kc_home/lib/quarkus"; cp -a "$KEYCLOAK_HOME/conf" "$kc_home/conf"
mkdir -p "$kc_home/data/import"
cp "$NS_ROOT"/deploy/keycloak/*-realm.json "$kc_home/data/import/"
# Brute-force protection stays on, but concurrent correct logins of one user are not taken for an
# attack (Keycloak 26 blocks them by default: services and tests sign the same demo user in at once).
# The realm's mail (sign-up email verification) goes to the Mailpit started below.
KC_SMTP_HOST=127.0.0.1 KC_SMTP_PORT="$MAIL_SMTP_PORT" \
JAVA_HOME="$(dirname "$(dirname "$java21")")" JAVA_OPTS_KC_HEAP="-Xms256m -Xmx1g" \
KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS=true \
KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN:-admin}" KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
  "$kc_home/bin/kc.sh" start-dev --db=dev-mem --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
  --http-management-port=0 --health-enabled=false --import-realm \
  >"$RUN_DIR/logs/keycloak.log" 2>&1 &
echo $! >"$RUN_DIR/pids/keycloak.pid"
log "start: Keycloak $KEYCLOAK_VERSION (pid $!) on 127.0.0.1:$KEYCLOAK_PORT"

# SeaweedFS (S3 API for attachments; master, volume and filer servers behind it) ------------------
# Credentials from deploy/local/seaweedfs/s3.json: anonymous requests are refused, so downloads go
# through presigned links exactly as with a cloud S3. No telemetry, no Iceberg or Lance catalog.
mkdir -p "$RUN_DIR/seaweedfs"
sw=$SEAWEEDFS_PORT_BASE
"$SEAWEEDFS_BIN" server -ip=127.0.0.1 -ip.bind=127.0.0.1 -dir="$RUN_DIR/seaweedfs" -volume.max=16 \
  -master.port=$sw -master.port.grpc=$((sw + 1)) -master.volumeSizeLimitMB=64 -master.telemetry=false \
  -volume.port=$((sw + 2)) -volume.port.grpc=$((sw + 3)) \
  -filer -filer.port=$((sw + 4)) -filer.port.grpc=$((sw + 5)) \
  -s3 -s3.port="$S3_PORT" -s3.port.grpc=$((sw + 6)) -s3.port.iceberg=0 -s3.port.lance=0 -s3.config="$NS_ROOT/deploy/local/seaweedfs/s3.json" \
  >"$RUN_DIR/logs/seaweedfs.log" 2>&1 &
echo $! >"$RUN_DIR/pids/seaweedfs.pid"
log "start: SeaweedFS (pid $!) S3 on 127.0.0.1:$S3_PORT (internal ports $sw-$((sw + 6)))"

# Mailpit (SMTP for the platform's mail; its API is where people and tests read it) -------------
"$MAILPIT_BIN" --smtp "127.0.0.1:$MAIL_SMTP_PORT" --listen "127.0.0.1:$MAIL_API_PORT" --database "$RUN_DIR/mailpit.db" \
  --disable-version-check --max 5000 >"$RUN_DIR/logs/mailpit.log" 2>&1 &
echo $! >"$RUN_DIR/pids/mailpit.pid"
log "start: Mailpit (pid $!) SMTP on 127.0.0.1:$MAIL_SMTP_PORT, API on http://127.0.0.1:$MAIL_API_PORT"

wait_port FerretDB "$MONGO_PORT" 30 "$RUN_DIR/pids/ferretdb.pid"

# Kafka (KRaft, one combined broker/controller): the same script the tests use for their own brokers.
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}" \
  bash "$NS_ROOT/scripts/infra/kafka-broker.sh" start "$RUN_DIR/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
cp "$RUN_DIR/kafka/kafka.pid" "$RUN_DIR/pids/kafka.pid"
ln -sf "$RUN_DIR/kafka/kafka.log" "$RUN_DIR/logs/kafka.log"

wait_port Mailpit "$MAIL_API_PORT" 60 "$RUN_DIR/pids/mailpit.pid"
wait_port SeaweedFS "$S3_PORT" 120 "$RUN_DIR/pids/seaweedfs.pid"
# Ready when a write goes through to a volume (the volume server has registered with the master):
# a probe file outside /buckets (so no S3 bucket sees it), written and removed through the filer.
started=$SECONDS
until curl -fsS -o /dev/null -F "file=@$NS_ROOT/deploy/local/seaweedfs/s3.json" "http://127.0.0.1:$((sw + 4))/nangsuat-probe/ready.json" 2>/dev/null; do
  kill -0 "$(cat "$RUN_DIR/pids/seaweedfs.pid")" 2>/dev/null || { tail -30 "$RUN_DIR/logs/seaweedfs.log" >&2; die "SeaweedFS exited"; }
  [ $((SECONDS - started)) -ge 120 ] && die "SeaweedFS does not accept writes after 120 s (see $RUN_DIR/logs/seaweedfs.log)"
  sleep 0.5
done
curl -fsS -o /dev/null -X DELETE "http://127.0.0.1:$((sw + 4))/nangsuat-probe/?recursive=true" 2>/dev/null || true
log "start: SeaweedFS accepts writes"

log "start: waiting for Keycloak to import the realm (usually 15-40 s)"
started=$SECONDS; said=0
until curl -fsS "http://127.0.0.1:$KEYCLOAK_PORT/realms/nangsuat/.well-known/openid-configuration" >/dev/null 2>&1; do
  kill -0 "$(cat "$RUN_DIR/pids/keycloak.pid")" 2>/dev/null || { tail -30 "$RUN_DIR/logs/keycloak.log" >&2; die "Keycloak exited"; }
  waited=$((SECONDS - started))
  [ "$waited" -ge 240 ] && die "Keycloak realm not served after 240 s (see $RUN_DIR/logs/keycloak.log)"
  [ $((waited / 10)) -gt "$said" ] && { said=$((waited / 10)); log "  waiting for Keycloak realm 'nangsuat' (${waited} s)"; }
  sleep 0.5
done
log "start: infrastructure up (run dir $RUN_DIR)"
