#!/bin/bash
# Entry point of the compose broker (apache/kafka image): SASL/SCRAM-SHA-512 for clients, PLAIN on the controller
# listener, StandardAuthorizer with the ACLs of deploy/kafka/acls.args, no topic auto-creation. The SCRAM users
# (admin + one per service) are created when the data volume is formatted; their passwords come from the
# environment (required by docker-compose.yml). Same setup as deploy/local/kafka-start.sh.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_CATALOGUE_PASSWORD:?}" "${KAFKA_DOSSIER_PASSWORD:?}" "${KAFKA_PAYMENT_PASSWORD:?}" "${KAFKA_RATING_PASSWORD:?}"
DATA=/var/lib/kafka/data
PROPS=/tmp/server.properties
cat >"$PROPS" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$DATA
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD" user_admin="$KAFKA_ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
cat >/tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
PROPS
if [[ ! -f $DATA/meta.properties ]]; then
  /opt/kafka/bin/kafka-storage.sh format -t "${CLUSTER_ID:?}" -c "$PROPS" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=catalogue,password=$KAFKA_CATALOGUE_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=dossier,password=$KAFKA_DOSSIER_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=payment,password=$KAFKA_PAYMENT_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=rating,password=$KAFKA_RATING_PASSWORD]"
fi
# ACLs once the broker answers (kafka-acls ignores an ACL that exists); the healthcheck waits for the marker.
(
  until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config /tmp/admin.properties >/dev/null 2>&1; do sleep 2; done
  sum="$(sha256sum /hub/acls.args | cut -d' ' -f1)"
  if [[ "$(cat "$DATA/.hub-acls" 2>/dev/null)" != "$sum" ]]; then
    grep -v '^#' /hub/acls.args | while read -r line; do
      # shellcheck disable=SC2086
      KAFKA_HEAP_OPTS=-Xmx64m /opt/kafka/bin/kafka-acls.sh --bootstrap-server localhost:9092 --command-config /tmp/admin.properties $line >/dev/null
    done
    echo "$sum" >"$DATA/.hub-acls"
  fi
  touch /tmp/acls-ready
) &
exec /opt/kafka/bin/kafka-server-start.sh "$PROPS"
