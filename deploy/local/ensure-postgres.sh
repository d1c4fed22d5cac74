#!/usr/bin/env bash
# Make sure the local PostgreSQL answers on $PG_HOST:$PG_PORT (starting the Debian
# cluster if needed), then create each database named as an argument if it is missing.
#
# Usage: ensure-postgres.sh [DB_NAME...]      names: [a-z_][a-z0-9_]* (max 63 chars)
# Env (defaults): PG_HOST=127.0.0.1  PG_PORT=5432  PG_USER=postgres  PG_START_TIMEOUT=30
# Exit codes: 0 ready (and every database exists)
#             1 PostgreSQL did not become ready / a database could not be created
#             2 bad usage (invalid database name)
#             3 PostgreSQL is not installed (prints: apt-get install postgresql)
set -euo pipefail

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-30}"

log() { echo "postgres: $*"; }
err() { echo "postgres: error: $*" >&2; }

for db in "$@"; do
  case "$db" in -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;; esac
  if ! [[ $db =~ ^[a-z_][a-z0-9_]{0,62}$ ]]; then
    err "invalid database name '$db' (expected [a-z_][a-z0-9_]*, at most 63 chars)"; exit 2
  fi
done

if ! command -v pg_isready >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
  err "PostgreSQL is not installed (pg_isready/psql not found). Install it with: apt-get install postgresql"
  exit 3
fi

ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2 >/dev/null 2>&1; }

if ready; then
  log "ready on $PG_HOST:$PG_PORT"
else
  # shellcheck disable=SC2012  # version dirs are plain names like "15"
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(ls /etc/postgresql 2>/dev/null | head -1)" ]]; then
    err "PostgreSQL is not answering on $PG_HOST:$PG_PORT and no server cluster is installed. Install it with: apt-get install postgresql"
    exit 3
  fi
  # shellcheck disable=SC2012
  ver="$(ls /etc/postgresql | head -1)"
  t0="$(date +%s.%N)"
  log "not answering on $PG_HOST:$PG_PORT, starting cluster $ver/main"
  # "already running" (e.g. still starting up) is fine: the wait below decides.
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start 2>&1 | sed 's/^/postgres:   /' || true
  deadline=$((SECONDS + PG_START_TIMEOUT))
  until ready; do
    if ((SECONDS >= deadline)); then
      err "PostgreSQL $ver/main not ready on $PG_HOST:$PG_PORT after ${PG_START_TIMEOUT}s"
      pg_lsclusters >&2 2>/dev/null || true
      log_file="/var/log/postgresql/postgresql-$ver-main.log"
      [[ -r $log_file ]] && { err "last lines of $log_file:"; tail -n 20 "$log_file" >&2; }
      exit 1
    fi
    sleep 0.3
  done
  log "ready on $PG_HOST:$PG_PORT in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s (started cluster $ver/main)"
fi

psql_q() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }

for db in "$@"; do
  if [[ "$(psql_q -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" == 1 ]]; then
    log "database $db exists"
  elif out="$(psql_q -c "CREATE DATABASE \"$db\"" 2>&1)"; then
    log "created database $db"
  elif [[ "$(psql_q -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" == 1 ]]; then
    log "database $db exists"   # created concurrently by someone else
  else
    err "could not create database $db: $out"; exit 1
  fi
done
