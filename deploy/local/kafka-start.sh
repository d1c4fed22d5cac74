#!/usr/bin/env bash
# Start a local single-node Apache Kafka broker (KRaft, combined broker+controller)
# from the official jars on Maven Central, with Java 17. Dev/test only: 127.0.0.1,
# SASL/SCRAM-SHA-512 (no TLS on loopback), ACLs (StandardAuthorizer), replication factor 1,
# no topic auto-creation. Idempotent. See deploy/local/README.md.
#
# Principals: `admin` (super user: tests, tools) and one per service (catalogue, dossier, payment,
# rating) with the ACLs of deploy/kafka/acls.json. Their random passwords are written once, with the
# data dir, to $KAFKA_HOME_DIR/credentials-<port>.json (mode 600); a data dir formatted without them
# (an older PLAINTEXT broker) is reformatted.
#
# Env (defaults):
#   KAFKA_PORT=9092              client (SASL_PLAINTEXT, SCRAM-SHA-512) listener on 127.0.0.1
#   KAFKA_CONTROLLER_PORT=9093   KRaft controller listener on 127.0.0.1
#   KAFKA_HOME_DIR=<repo>/.local/kafka   jars, config, data, pid and log files
#   KAFKA_START_TIMEOUT=90       seconds to wait for the broker to answer
#   KAFKA_HEAP_OPTS="-Xms128m -Xmx512m"
#   KAFKA_JVM_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true"
#   KAFKA_POM=<this dir>/kafka/pom.xml   which Kafka version/classpath to run
#
# Exit codes: 0 ready (started now, or already running from this script)
#             1 broker failed to start / not ready in time / jar download failed
#             2 bad usage or bad env value
#             3 missing prerequisite (java >= 17, mvn)
#             4 port already in use by a process this script did not start
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"
# Serial GC + C1 only: fewer threads and much less JIT work at startup on 2 cores.
KAFKA_JVM_OPTS="${KAFKA_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}"
KAFKA_POM="${KAFKA_POM:-$SCRIPT_DIR/kafka/pom.xml}"

log() { echo "kafka: $*"; }
err() { echo "kafka: error: $*" >&2; }

if [[ $# -gt 0 ]]; then
  case "$1" in
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) err "unknown argument: $1 (usage: kafka-start.sh, configured by env vars)"; exit 2 ;;
  esac
fi

for v in KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_START_TIMEOUT; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]]; then err "$v must be a number, got '${!v}'"; exit 2; fi
done
if [[ $KAFKA_PORT == "$KAFKA_CONTROLLER_PORT" ]]; then
  err "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ (both $KAFKA_PORT)"; exit 2
fi

# ---------------------------------------------------------------- prerequisites
JAVA="java"
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA="$JAVA_HOME/bin/java"; fi
if ! command -v "$JAVA" >/dev/null 2>&1; then
  err "java not found. Install it with: apt-get install openjdk-17-jre-headless maven"; exit 3
fi
java_major="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -1)"
java_major="${java_major#1.}"; java_major="${java_major%%.*}"
if [[ -z $java_major || $java_major -lt 17 ]]; then
  err "Java >= 17 required, found '$("$JAVA" -version 2>&1 | head -1)'. Install it with: apt-get install openjdk-17-jre-headless maven"
  exit 3
fi
if [[ ! -f $KAFKA_POM ]]; then err "pom not found: $KAFKA_POM"; exit 2; fi
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\([^<]*\)</kafka.version>.*:\1:p' "$KAFKA_POM" | head -1)"
if [[ -z $KAFKA_VERSION ]]; then err "no <kafka.version> in $KAFKA_POM"; exit 2; fi

mkdir -p "$KAFKA_HOME_DIR"
KAFKA_HOME_DIR="$(cd "$KAFKA_HOME_DIR" && pwd)"
LIBS_DIR="$KAFKA_HOME_DIR/libs-$KAFKA_VERSION"
DATA_DIR="$KAFKA_HOME_DIR/data-$KAFKA_PORT"
PID_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.pid"
LOG_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.log"
PROPS_FILE="$KAFKA_HOME_DIR/server-$KAFKA_PORT.properties"
LOG4J_FILE="$KAFKA_HOME_DIR/log4j.properties"
LOG4J2_FILE="$KAFKA_HOME_DIR/log4j2.properties"
LOCK_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.lock"
CREDENTIALS_FILE="$KAFKA_HOME_DIR/credentials-$KAFKA_PORT.json"
SASL_MARKER="$DATA_DIR/.hub-sasl"
ACLS_FILE="$REPO_ROOT/deploy/kafka/acls.json"
SERVICE_PRINCIPALS=(catalogue dossier payment rating)

# One start/stop at a time per port (parallel callers wait instead of racing).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$LOCK_FILE"
  if ! flock -w $((KAFKA_START_TIMEOUT + 60)) 9; then
    err "timed out waiting for another kafka-start/kafka-stop on port $KAFKA_PORT ($LOCK_FILE)"; exit 1
  fi
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# pid of the broker this script started for this port, if it is alive; else empty.
our_pid() {
  [[ -f $PID_FILE ]] || return 0
  local pid; pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n $pid && -r /proc/$pid/cmdline ]] || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "kafka.Kafka $PROPS_FILE"; then echo "$pid"; fi
}

# alive = exists and is not a zombie (a broker that died during startup is our unreaped child).
alive() { [[ -r /proc/$1/stat ]] && [[ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]]; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# A real Kafka protocol round-trip: ApiVersions v0 (api_key 18, correlation id 42).
# Any response with our correlation id counts (error 0, or 35 if v0 were refused).
api_versions_ok() {
  local out
  out="$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 || exit 1
    printf '\x00\x00\x00\x0a\x00\x12\x00\x00\x00\x00\x00\x2a\xff\xff' >&3
    head -c 10 <&3 | od -An -tx1" 2>/dev/null | tr -d ' \n')" || return 1
  [[ $out == ????????0000002a0000 || $out == ????????0000002a0023 ]]
}

broker_started_logged() { grep -qE 'Kafka Server started|started \(kafka\.server\.KafkaRaftServer\)' "$LOG_FILE" 2>/dev/null; }

wait_ready() { # pid start_time stop_on_timeout(0|1)
  local pid="$1" t0="$2" stop_on_timeout="$3" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! alive "$pid"; then
      err "broker process $pid exited during startup. Last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      if grep -q 'meta.properties\|metadata.version\|cluster.id\|Invalid cluster' "$LOG_FILE" 2>/dev/null; then
        err "if the data dir is from another setup/version, reset it with: $SCRIPT_DIR/kafka-stop.sh --wipe"
      fi
      return 1
    fi
    if broker_started_logged && api_versions_ok "$KAFKA_PORT"; then
      log "ready on 127.0.0.1:$KAFKA_PORT in $(elapsed "$t0")s (Apache Kafka $KAFKA_VERSION)"
      return 0
    fi
    sleep 0.2
  done
  if ((!stop_on_timeout)); then
    err "broker (pid $pid) not ready on 127.0.0.1:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s; left as it is (stop it with $SCRIPT_DIR/kafka-stop.sh). Last lines of $LOG_FILE:"
    tail -n 40 "$LOG_FILE" >&2 || true
    return 1
  fi
  err "broker (pid $pid) not ready on 127.0.0.1:$KAFKA_PORT after ${KAFKA_START_TIMEOUT}s; stopping it. Last lines of $LOG_FILE:"
  tail -n 40 "$LOG_FILE" >&2 || true
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  return 1
}

random_password() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
# "name password" lines from the credentials file (passwords are hex: no quoting issues).
credential_lines() { sed -n 's/.*"username": "\([a-z]*\)", "password": "\([0-9a-f]*\)".*/\1 \2/p' "$CREDENTIALS_FILE"; }
admin_password() { credential_lines | awk '$1 == "admin" { print $2 }'; }

# The ACLs of deploy/kafka/acls.json, as the admin (Node + kafkajs of this repo); skipped when this data dir already
# has exactly these.
apply_acls() {
  local sum applied="$DATA_DIR/.hub-acls"
  sum="$(sha256sum "$ACLS_FILE" | cut -d' ' -f1)"
  [[ -f $applied && "$(cat "$applied")" == "$sum" ]] && return 0
  if ! command -v node >/dev/null 2>&1; then err "node not found: cannot create the ACLs of $ACLS_FILE"; return 1; fi
  local t; t="$(now)"
  if ! KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT" KAFKA_USERNAME=admin KAFKA_PASSWORD="$ADMIN_PASSWORD" KAFKA_SSL=false \
       node "$REPO_ROOT/tools/kafka/acls.mjs" apply >/dev/null; then
    err "could not create the ACLs (see above)"; return 1
  fi
  echo "$sum" >"$applied"
  log "ACLs of $ACLS_FILE applied in $(elapsed "$t")s; credentials in $CREDENTIALS_FILE"
}

# ---------------------------------------------------------------- already running?
pid="$(our_pid)"
if [[ -n $pid && ( ! -f $SASL_MARKER || ! -f $CREDENTIALS_FILE ) ]]; then
  err "the broker on 127.0.0.1:$KAFKA_PORT (pid $pid) was started without SASL by an older kafka-start.sh."
  err "restart it: $SCRIPT_DIR/kafka-stop.sh && $0   (its data dir is then reformatted with the SASL users)"
  exit 1
fi
if [[ -n $pid ]]; then
  if broker_started_logged && api_versions_ok "$KAFKA_PORT"; then
    log "already running on 127.0.0.1:$KAFKA_PORT (pid $pid, Apache Kafka $KAFKA_VERSION)"
    ADMIN_PASSWORD="$(admin_password)"
    apply_acls || exit 1
    exit 0
  fi
  log "broker pid $pid is starting, waiting for it"
  wait_ready "$pid" "$(now)" 0 || exit 1
  ADMIN_PASSWORD="$(admin_password)"
  apply_acls || exit 1
  exit 0
fi
rm -f "$PID_FILE"

for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
  if port_open "$p"; then
    err "127.0.0.1:$p is already in use by another process (not a broker this script started for KAFKA_PORT=$KAFKA_PORT)."
    if command -v ss >/dev/null 2>&1; then ss -ltnpH "sport = :$p" 2>/dev/null | sed 's/^/kafka:   /' >&2 || true; fi
    err "stop that process, or choose free ports: KAFKA_PORT=<port> KAFKA_CONTROLLER_PORT=<port> $0"
    exit 4
  fi
done

# ---------------------------------------------------------------- jars
if ! command -v mvn >/dev/null 2>&1 && [[ ! -f $LIBS_DIR/.complete ]]; then
  err "mvn not found (needed once to fetch the Kafka jars). Install it with: apt-get install openjdk-17-jre-headless maven"; exit 3
fi
pom_sum="$(sha256sum "$KAFKA_POM" | cut -d' ' -f1)"
if [[ ! -f $LIBS_DIR/.complete || "$(cat "$LIBS_DIR/.complete")" != "$pom_sum" ]]; then
  t_fetch="$(now)"
  log "fetching Apache Kafka $KAFKA_VERSION jars into $LIBS_DIR (maven)"
  tmp="$LIBS_DIR.tmp.$$"
  rm -rf "$tmp"
  if ! mvn_out="$(mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
        -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1)"; then
    echo "$mvn_out" | tail -n 30 >&2
    rm -rf "$tmp"
    err "maven could not fetch the Kafka jars (is Maven Central reachable?)"; exit 1
  fi
  echo "$pom_sum" >"$tmp/.complete"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars in $(elapsed "$t_fetch")s"
fi

# ---------------------------------------------------------------- credentials
# A data dir formatted without our SCRAM users (older PLAINTEXT setup) or whose credentials file is gone cannot be
# used: reformat it (dev data only: topics and offsets are dropped).
if [[ -f $DATA_DIR/meta.properties && ( ! -f $SASL_MARKER || ! -f $CREDENTIALS_FILE ) ]]; then
  log "$DATA_DIR has no SASL users of this script (formatted for PLAINTEXT, or $CREDENTIALS_FILE is missing): reformatting it"
  rm -rf -- "$DATA_DIR"
fi
if [[ ! -f $DATA_DIR/meta.properties ]]; then
  umask_old="$(umask)"; umask 077
  {
    printf '{\n  "mechanism": "scram-sha-512",\n  "admin": { "username": "admin", "password": "%s" },\n  "services": {' "$(random_password)"
    sep=''
    for svc in "${SERVICE_PRINCIPALS[@]}"; do
      printf '%s\n    "%s": { "username": "%s", "password": "%s" }' "$sep" "$svc" "$svc" "$(random_password)"; sep=','
    done
    printf '\n  }\n}\n'
  } >"$CREDENTIALS_FILE.tmp"
  mv -f "$CREDENTIALS_FILE.tmp" "$CREDENTIALS_FILE"
  umask "$umask_old"
fi
ADMIN_PASSWORD="$(admin_password)"
if [[ -z $ADMIN_PASSWORD ]]; then err "no admin password in $CREDENTIALS_FILE; delete it and $DATA_DIR to start over"; exit 1; fi

# ---------------------------------------------------------------- config
cat >"$PROPS_FILE" <<EOF
# Generated by deploy/local/kafka-start.sh on every start: edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$DATA_DIR

# clients: SCRAM-SHA-512 users stored in the KRaft metadata (created by the format step)
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
# the KRaft controller listener cannot use SCRAM: PLAIN with the admin as its only user
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$ADMIN_PASSWORD" user_admin="$ADMIN_PASSWORD";
# nothing is allowed unless an ACL says so (deploy/kafka/acls.json); the admin is a super user
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false

# single node: everything replicated once
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# topics are created by the services from their declarations (libs/contracts), never by a stray client
auto.create.topics.enable=false
delete.topic.enable=true

# small and quick for dev
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.segment.bytes=16777216
log.retention.hours=24
log.retention.bytes=268435456
log.retention.check.interval.ms=60000
log.cleaner.dedupe.buffer.size=8388608
# after a hard kill the restarted broker waits for its old registration to expire (default 9 s)
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4000
EOF

cat >"$LOG4J2_FILE" <<'EOF'
# log4j2 config for Kafka 4.x (generated by kafka-start.sh). stdout goes to kafka-<port>.log.
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
EOF
cat >"$LOG4J_FILE" <<'EOF'
# log4j 1.x (reload4j) config for Kafka 3.x (generated by kafka-start.sh). stdout goes to kafka-<port>.log.
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF

CP="$LIBS_DIR/*"
LOG_OPTS=(-Dlog4j.configuration="file:$LOG4J_FILE" -Dlog4j2.configurationFile="$LOG4J2_FILE" -Dkafka.logs.dir="$KAFKA_HOME_DIR")

# ---------------------------------------------------------------- format (once)
if [[ ! -f $DATA_DIR/meta.properties ]]; then
  t_fmt="$(now)"
  mkdir -p "$DATA_DIR"
  # Random cluster id: 16 random bytes, base64url without padding (as Uuid.randomUuid; never starts with '-').
  while :; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ $cluster_id != -* ]] && break
  done
  # shellcheck disable=SC2086
  scram_args=()
  while read -r name password; do scram_args+=(--add-scram "SCRAM-SHA-512=[name=$name,password=$password]"); done < <(credential_lines)
  if ! fmt_out="$("$JAVA" -Xmx256m $KAFKA_JVM_OPTS "${LOG_OPTS[@]}" -cp "$CP" kafka.tools.StorageTool \
        format -t "$cluster_id" -c "$PROPS_FILE" "${scram_args[@]}" 2>&1)"; then
    echo "$fmt_out" >&2
    err "formatting $DATA_DIR failed"; exit 1
  fi
  echo "$KAFKA_VERSION" >"$DATA_DIR/.formatted-by-kafka"
  touch "$SASL_MARKER"
  log "formatted $DATA_DIR (cluster id $cluster_id) in $(elapsed "$t_fmt")s"
elif [[ -f $DATA_DIR/.formatted-by-kafka && "$(cat "$DATA_DIR/.formatted-by-kafka")" != "$KAFKA_VERSION" ]]; then
  log "note: $DATA_DIR was formatted by Kafka $(cat "$DATA_DIR/.formatted-by-kafka"); if startup fails, reset it with $SCRIPT_DIR/kafka-stop.sh --wipe"
fi

# ---------------------------------------------------------------- start
[[ -f $LOG_FILE ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
t0="$(now)"
# setsid: own session, so Ctrl-C / job control of the caller does not reach the broker.
# The inner shell writes its own pid, then execs java (same pid). fd 9 (the lock) is not inherited.
# shellcheck disable=SC2086,SC2016
setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
  "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_OPTS "${LOG_OPTS[@]}" -cp "$CP" kafka.Kafka "$PROPS_FILE" \
  </dev/null >>"$LOG_FILE" 2>&1 9>&- &
for _ in $(seq 50); do [[ -s $PID_FILE ]] && break; sleep 0.05; done
pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
if [[ -z $pid ]]; then err "could not launch java (no pid written to $PID_FILE)"; exit 1; fi
log "starting Apache Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (pid $pid, log $LOG_FILE)"
wait_ready "$pid" "$t0" 1 || exit 1
apply_acls || exit 1
