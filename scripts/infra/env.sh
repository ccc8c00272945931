# Shared settings for the local infrastructure scripts. Sourced, never run.
# Everything downloaded or built is cached outside the clone so a second start is fast and offline.
NS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
NS_CACHE="${NANGSUAT_CACHE:-$HOME/.cache/nangsuat}"

KAFKA_VERSION=3.9.1
FERRETDB_VERSION=1.24.0
KEYCLOAK_VERSION=26.4.7
# SeaweedFS (S3-compatible object storage for attachments) and Mailpit (catches the platform's mail),
# both built from their Go modules pinned in deploy/local/<name>/go.mod.
SEAWEEDFS_VERSION=4.53
MAILPIT_VERSION=1.33.1

KAFKA_HOME="$NS_CACHE/kafka-$KAFKA_VERSION"
FERRETDB_BIN="$NS_CACHE/ferretdb-$FERRETDB_VERSION/ferretdb"
KEYCLOAK_HOME="$NS_CACHE/keycloak-$KEYCLOAK_VERSION"
SEAWEEDFS_BIN="$NS_CACHE/seaweedfs-$SEAWEEDFS_VERSION/weed"
MAILPIT_BIN="$NS_CACHE/mailpit-$MAILPIT_VERSION/mailpit"

# Ports (all bound to 127.0.0.1).
MONGO_PORT="${MONGO_PORT:-27017}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8080}"
PG_PORT="${PG_PORT:-5432}"
# SeaweedFS: the S3 API on S3_PORT; its master, volume and filer servers (and their gRPC ports) on
# SEAWEEDFS_PORT_BASE .. +6, all on 127.0.0.1.
S3_PORT="${S3_PORT:-8333}"
SEAWEEDFS_PORT_BASE="${SEAWEEDFS_PORT_BASE:-9333}"
# Mailpit: SMTP on MAIL_SMTP_PORT, its web page and API (the tests read the mail there) on MAIL_API_PORT.
MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}"
MAIL_API_PORT="${MAIL_API_PORT:-8025}"

# PostgreSQL from Debian's package (the event store, and FerretDB's backend for the read models).
pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/postgres" ] && { echo "$d"; return 0; }; done
  return 1
}
# PostgreSQL refuses to run as root: the server runs as this unprivileged account.
PG_OS_USER="${PG_OS_USER:-postgres}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Keycloak 26 needs Java 21+; Kafka runs on any JDK >= 17.
find_java() {
  local min="$1" j v
  for j in "${JAVA_HOME:-}/bin/java" /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
    [ -x "$j" ] || continue
    v=$("$j" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
    [ "${v%%.*}" -ge "$min" ] 2>/dev/null && { echo "$j"; return 0; }
  done
  return 1
}

# Waits until a TCP port on 127.0.0.1 accepts connections, printing a dot every few seconds.
wait_port() {
  local name="$1" port="$2" timeout="${3:-120}" pidfile="${4:-}" started=$SECONDS said=0 waited
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if [ -n "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      die "$name exited before listening on $port (see its log)"
    fi
    waited=$((SECONDS - started))
    [ "$waited" -ge "$timeout" ] && die "$name not listening on $port after ${timeout}s"
    [ $((waited / 5)) -gt "$said" ] && { said=$((waited / 5)); log "  waiting for $name on :$port (${waited} s)"; }
    sleep 0.5
  done
}
