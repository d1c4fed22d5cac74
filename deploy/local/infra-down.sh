#!/usr/bin/env bash
# Stop the local Kafka broker started by infra-up.sh / kafka-start.sh. PostgreSQL is
# left running (it is the machine's service, shared with other work).
#
# Usage: infra-down.sh [--wipe]     --wipe also deletes Kafka's data dir
# Env and exit codes: as kafka-stop.sh.
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$SCRIPT_DIR/kafka-stop.sh" "$@"
