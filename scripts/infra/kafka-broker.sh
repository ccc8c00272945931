#!/usr/bin/env bash
# Starts or stops one single-node Kafka broker (KRaft, combined broker+controller) with its data in
# DIR, on 127.0.0.1:PORT (controller on CONTROLLER_PORT). Its pid is kept in DIR/kafka.pid, so
# `stop` ends exactly that process. Used by tests that stop and restart their own broker.
# Usage: kafka-broker.sh start|stop DIR PORT CONTROLLER_PORT       (heap: KAFKA_HEAP_OPTS)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cmd="${1:-}"; dir="${2:-}"; port="${3:-}"; cport="${4:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: kafka-broker.sh start|stop DIR PORT CONTROLLER_PORT"
mkdir -p "$dir"; dir="$(cd "$dir" && pwd)"
pidfile="$dir/kafka.pid"

case "$cmd" in
start)
  [ -n "$port" ] && [ -n "$cport" ] || die "start needs PORT and CONTROLLER_PORT"
  [ -f "$KAFKA_HOME/.complete" ] || die "Kafka not provisioned: run scripts/infra/provision.sh"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then die "broker already running (pid $(cat "$pidfile"))"; fi
  java17=$(find_java 17) || die "Kafka needs Java 17+"
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
  cat >"$dir/log4j.properties" <<PROPS
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
PROPS
  read -r -a heap <<<"${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m -XX:TieredStopAtLevel=1}"
  kjava=("$java17" "${heap[@]}" -XX:+UseG1GC "-Dlog4j.configuration=file:$dir/log4j.properties" -cp "$KAFKA_HOME/libs/*")
  if [ ! -f "$dir/data/meta.properties" ]; then
    "${kjava[@]}" kafka.tools.StorageTool format -t "$("${kjava[@]}" kafka.tools.StorageTool random-uuid)" \
      -c "$dir/server.properties" >"$dir/format.log" 2>&1 || { cat "$dir/format.log" >&2; die "Kafka storage format failed"; }
  fi
  "${kjava[@]}" kafka.Kafka "$dir/server.properties" >>"$dir/kafka.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  wait_port "Kafka ($dir)" "$port" 90 "$pidfile"
  log "kafka-broker: started (pid $(cat "$pidfile")) on 127.0.0.1:$port"
  ;;
stop)
  [ -f "$pidfile" ] || exit 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { log "kafka-broker: pid $pid ignored TERM; killing"; kill -KILL "$pid" 2>/dev/null || true; }
    log "kafka-broker: stopped (pid $pid)"
  fi
  rm -f "$pidfile"
  ;;
*) die "usage: kafka-broker.sh start|stop DIR PORT CONTROLLER_PORT" ;;
esac
