#!/usr/bin/env bash
# Provisions Kafka (jars from Maven Central), FerretDB, SeaweedFS and Mailpit (built from their Go
# modules) and Keycloak (distribution zip from Maven Central) into the cache. Idempotent: a warm
# cache needs no network.
set -euo pipefail
source "$(dirname "$0")/env.sh"
mkdir -p "$NS_CACHE"

if ! pg_bin_dir >/dev/null; then
  log "provision: PostgreSQL from Debian's package (first time only)"
  command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is not available; install PostgreSQL 15+"
  run_root=""; [ "$(id -u)" -eq 0 ] || run_root="sudo"
  $run_root apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { $run_root apt-get update -q >/dev/null && $run_root apt-get install -y -q postgresql >/dev/null; } \
    || die "could not install PostgreSQL (apt-get install postgresql)"
fi
id "$PG_OS_USER" >/dev/null 2>&1 || die "the unprivileged account '$PG_OS_USER' for PostgreSQL is missing (set PG_OS_USER)"
log "provision: PostgreSQL ready ($(pg_bin_dir))"

if [ ! -f "$KAFKA_HOME/.complete" ]; then
  log "provision: Kafka $KAFKA_VERSION jars from Maven Central (first time only)"
  rm -rf "$KAFKA_HOME"
  mvn -B -ntp -f "$NS_ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_HOME/libs" -DincludeScope=runtime | grep -E 'ERROR|BUILD' >&2 || true
  ls "$KAFKA_HOME/libs"/kafka_2.13-*.jar >/dev/null 2>&1 || die "Kafka jars were not resolved"
  touch "$KAFKA_HOME/.complete"
fi
log "provision: Kafka $KAFKA_VERSION ready ($(ls "$KAFKA_HOME/libs" | wc -l) jars)"

if [ ! -x "$FERRETDB_BIN" ] || [ "$NS_ROOT/deploy/local/ferretdb/main.go" -nt "$FERRETDB_BIN" ]; then
  log "provision: building FerretDB $FERRETDB_VERSION launcher from its Go module (about a minute)"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$NS_ROOT/deploy/local/ferretdb" && go build -o "$FERRETDB_BIN.tmp" . && mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN")
fi
log "provision: FerretDB $FERRETDB_VERSION ready"

# A command of a Go module, built from deploy/local/<dir> (whose go.mod and go.sum pin the version)
# into the cache; rebuilt when the pin changes.
build_go_command() {
  local name="$1" dir="$2" package="$3" bin="$4" note="$5"
  if [ ! -x "$bin" ] || [ "$dir/go.mod" -nt "$bin" ]; then
    log "provision: building $name from its Go module ($note, first time only)"
    mkdir -p "$(dirname "$bin")"
    local started=$SECONDS
    (cd "$dir" && go build -o "$bin.tmp" "$package" && mv "$bin.tmp" "$bin") \
      || die "could not build $name (go build $package in $dir)"
    log "provision: $name built in $((SECONDS - started)) s"
  fi
}
build_go_command "SeaweedFS $SEAWEEDFS_VERSION" "$NS_ROOT/deploy/local/seaweedfs" github.com/seaweedfs/seaweedfs/weed "$SEAWEEDFS_BIN" \
  "about 10 minutes on 2 cores: docs/decisions/0011-object-storage-seaweedfs.md"
log "provision: SeaweedFS $SEAWEEDFS_VERSION ready"
build_go_command "Mailpit $MAILPIT_VERSION" "$NS_ROOT/deploy/local/mailpit" github.com/axllent/mailpit "$MAILPIT_BIN" "a few minutes"
log "provision: Mailpit $MAILPIT_VERSION ready"

if [ ! -f "$KEYCLOAK_HOME/.complete" ]; then
  log "provision: Keycloak $KEYCLOAK_VERSION distribution from Maven Central (about 160 MB, first time only)"
  mvn -B -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$NS_CACHE/downloads" | grep -E 'ERROR|BUILD' >&2 || true
  zip="$NS_CACHE/downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  [ -f "$zip" ] || die "Keycloak zip was not resolved"
  rm -rf "$KEYCLOAK_HOME" "$NS_CACHE/keycloak-unzip"
  mkdir -p "$NS_CACHE/keycloak-unzip"
  python3 -c 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$NS_CACHE/keycloak-unzip"
  mv "$NS_CACHE/keycloak-unzip/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rmdir "$NS_CACHE/keycloak-unzip"
  chmod +x "$KEYCLOAK_HOME"/bin/*.sh
  java=$(find_java 21) || die "Keycloak $KEYCLOAK_VERSION needs Java 21+; none under /usr/lib/jvm"
  log "provision: pre-building Keycloak for dev mode with $java (about a minute)"
  JAVA_HOME="$(dirname "$(dirname "$java")")" "$KEYCLOAK_HOME/bin/kc.sh" build --db=dev-mem >"$KEYCLOAK_HOME/build.log" 2>&1 \
    || { tail -20 "$KEYCLOAK_HOME/build.log" >&2; die "Keycloak build failed"; }
  touch "$KEYCLOAK_HOME/.complete"
fi
log "provision: Keycloak $KEYCLOAK_VERSION ready"
