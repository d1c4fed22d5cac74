#!/bin/bash
# Runs once, when the compose postgres volume is initialised (empty data directory). One database per service,
# owned by the service's own login role (hub_<service>, password <SERVICE>_DB_PASSWORD): a service can reach
# only its own database; nobody else may even connect to it. The superuser (POSTGRES_USER) is for operators only.
set -euo pipefail
for svc in catalogue dossier payment rating gateway; do
  var="${svc^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 -v role="hub_$svc" -v pw="${!var:?$var is required}" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
done
