#!/usr/bin/env bash
# Bring up the local infrastructure for the hub services: PostgreSQL (with the five
# service databases) and a single-node Kafka broker. Idempotent; safe to re-run.
#
# Usage: infra-up.sh
# Env: as ensure-postgres.sh (PG_*) and kafka-start.sh (KAFKA_*).
# Exit codes: 0 all ready; otherwise the exit code of the step that failed
#   (3 = a prerequisite is missing, the message says what to apt-get install).
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

HUB_DATABASES=(hub_catalogue hub_dossier hub_payment hub_rating hub_gateway)

missing=()
command -v java >/dev/null 2>&1 || [[ -n ${JAVA_HOME:-} && -x ${JAVA_HOME:-}/bin/java ]] || missing+=(java)
command -v mvn >/dev/null 2>&1 || missing+=(mvn)
if ((${#missing[@]})); then
  echo "infra: error: ${missing[*]} not found. Install it with: apt-get install openjdk-17-jre-headless maven" >&2
  exit 3
fi

"$SCRIPT_DIR/ensure-postgres.sh" "${HUB_DATABASES[@]}"
"$SCRIPT_DIR/kafka-start.sh"
echo "infra: up (postgres ${PG_HOST:-127.0.0.1}:${PG_PORT:-5432}, kafka 127.0.0.1:${KAFKA_PORT:-9092})"
