#!/usr/bin/env bash
# Stop the local Kafka broker started by kafka-start.sh for $KAFKA_PORT: only the
# process named in its pid file (SIGTERM, up to KAFKA_STOP_TIMEOUT s, then SIGKILL).
#
# Usage: kafka-stop.sh [--wipe]     --wipe also deletes the data dir (topics, offsets)
# Env (defaults): KAFKA_PORT=9092, KAFKA_HOME_DIR=<repo>/.local/kafka, KAFKA_STOP_TIMEOUT=30
#   (KAFKA_CONTROLLER_PORT is accepted and ignored.)
# Exit codes: 0 stopped, or was not running; 1 the process survived SIGKILL; 2 bad usage
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$REPO_ROOT/.local/kafka}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

log() { echo "kafka: $*"; }
err() { echo "kafka: error: $*" >&2; }

wipe=0
for a in "$@"; do
  case "$a" in
    --wipe) wipe=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) err "unknown argument: $a (usage: kafka-stop.sh [--wipe])"; exit 2 ;;
  esac
done
for v in KAFKA_PORT KAFKA_STOP_TIMEOUT; do
  if ! [[ ${!v} =~ ^[0-9]+$ ]]; then err "$v must be a number, got '${!v}'"; exit 2; fi
done

if [[ ! -d $KAFKA_HOME_DIR ]]; then
  log "not running on 127.0.0.1:$KAFKA_PORT (no $KAFKA_HOME_DIR)"; exit 0
fi
KAFKA_HOME_DIR="$(cd "$KAFKA_HOME_DIR" && pwd)"
DATA_DIR="$KAFKA_HOME_DIR/data-$KAFKA_PORT"
PID_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.pid"
PROPS_FILE="$KAFKA_HOME_DIR/server-$KAFKA_PORT.properties"
LOCK_FILE="$KAFKA_HOME_DIR/kafka-$KAFKA_PORT.lock"

if command -v flock >/dev/null 2>&1; then
  exec 9>"$LOCK_FILE"
  flock -w 180 9 || { err "timed out waiting for another kafka-start/kafka-stop on port $KAFKA_PORT"; exit 1; }
fi

# alive = exists and is not a zombie waiting to be reaped (it is not our child, so kill -0 alone lies).
alive() { [[ -r /proc/$1/stat ]] && [[ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]]; }

is_ours() { # pid: alive and the kafka.Kafka process for this port's config
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "kafka.Kafka $PROPS_FILE"
}

if [[ ! -f $PID_FILE ]]; then
  log "not running on 127.0.0.1:$KAFKA_PORT (no pid file $PID_FILE)"
else
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  if [[ -z $pid ]] || ! alive "$pid"; then
    log "not running on 127.0.0.1:$KAFKA_PORT (stale pid file removed)"
  elif ! is_ours "$pid"; then
    log "pid $pid from $PID_FILE is not this broker any more; not touching it (stale pid file removed)"
  else
    t0="$(date +%s.%N)"
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    how="SIGTERM"
    if alive "$pid"; then
      log "pid $pid still alive after ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      how="SIGKILL"
      for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
      if alive "$pid"; then err "pid $pid survived SIGKILL"; exit 1; fi
    fi
    log "stopped 127.0.0.1:$KAFKA_PORT (pid $pid, $how) in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s"
  fi
  rm -f "$PID_FILE"
fi

if ((wipe)); then
  rm -rf -- "$DATA_DIR"
  log "wiped $DATA_DIR"
fi
