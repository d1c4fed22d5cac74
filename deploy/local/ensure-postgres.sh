#!/usr/bin/env bash
# Make sure the local PostgreSQL answers on $PG_HOST:$PG_PORT (starting the Debian
# cluster if needed), then create each database named as an argument if it is missing.
# DB_NAME:ROLE gives the database its own login role, as in compose and Kubernetes: the role is
# created if missing (no superuser, no CREATEDB, no CREATEROLE), owns the database and every object
# in it (an existing database created by an earlier version is handed over), and is the only role
# besides superusers that may connect to it.
#
# Usage: ensure-postgres.sh [DB_NAME[:ROLE]...]   names: [a-z_][a-z0-9_]* (max 63 chars)
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

NAME_RE='^[a-z_][a-z0-9_]{0,62}$'
for arg in "$@"; do
  case "$arg" in -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;; esac
  db="${arg%%:*}"
  role="${arg#*:}"
  [[ $arg == *:* ]] || role=""
  if ! [[ $db =~ $NAME_RE ]]; then
    err "invalid database name '$db' (expected [a-z_][a-z0-9_]*, at most 63 chars)"; exit 2
  fi
  if [[ $arg == *:* ]] && ! [[ $role =~ $NAME_RE ]]; then
    err "invalid role name '$role' in '$arg' (expected [a-z_][a-z0-9_]*, at most 63 chars)"; exit 2
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

# The role owns the database and everything in it; no one else but superusers may connect.
own_database() {
  local db=$1 role=$2
  psql_q -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE \"$role\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
      END IF;
    END \$\$" 2>/dev/null || [[ "$(psql_q -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" == 1 ]] || { err "could not create role $role"; return 1; }
  psql_q -c "ALTER DATABASE \"$db\" OWNER TO \"$role\"" -c "REVOKE ALL ON DATABASE \"$db\" FROM PUBLIC" -c "GRANT CONNECT, TEMPORARY ON DATABASE \"$db\" TO \"$role\"" >/dev/null
  # Objects an earlier version created as the server user are handed over (REASSIGN OWNED cannot take a
  # superuser's objects): tables, sequences, views, functions and types of every non-system schema.
  psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$db" -c "DO \$\$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                  AND pg_get_userbyid(c.relowner) <> '$role'
                  AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
      LOOP
        EXECUTE format('ALTER %s %I.%I OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.nspname, r.relname, '$role');
      END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS sig, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND pg_get_userbyid(p.proowner) <> '$role'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, r.sig, '$role');
      END LOOP;
      FOR r IN SELECT n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype IN ('e', 'd', 'r') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND pg_get_userbyid(t.typowner) <> '$role'
      LOOP
        EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', r.nspname, r.typname, '$role');
      END LOOP;
      FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg_%' AND pg_get_userbyid(nspowner) <> '$role'
      LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, '$role');
      END LOOP;
    END \$\$" >/dev/null
}

for arg in "$@"; do
  db="${arg%%:*}"
  if [[ "$(psql_q -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" == 1 ]]; then
    log "database $db exists"
  elif out="$(psql_q -c "CREATE DATABASE \"$db\"" 2>&1)"; then
    log "created database $db"
  elif [[ "$(psql_q -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" == 1 ]]; then
    log "database $db exists"   # created concurrently by someone else
  else
    err "could not create database $db: $out"; exit 1
  fi
  if [[ $arg == *:* ]]; then
    role="${arg#*:}"
    if ! own_database "$db" "$role"; then err "could not give database $db to role $role"; exit 1; fi
    log "database $db belongs to role $role (the only login besides superusers)"
  fi
done
