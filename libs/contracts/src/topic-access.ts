import type { EventDefinition } from './event-definition';
import { AgencyUpserted, CalendarUpdated, ProcedurePublished, ProcedureWithdrawn, StatusMappingUpdated } from './events/catalogue.events';
import { DossierReceived, DossierStatusChanged } from './events/dossier.events';
import { PaymentRefunded, PaymentSucceeded } from './events/payment.events';
import { RatingGiven } from './events/rating.events';
import { deadLetterTopic, EVENT_REGISTRY } from './topics';

/** The services that talk to Kafka; each has its own broker principal (user name = service name). */
export const MESSAGING_SERVICES = ['catalogue', 'dossier', 'payment', 'rating'] as const;
export type MessagingService = (typeof MESSAGING_SERVICES)[number];

/**
 * What each service consumes. The broker lets a service read only these topics (and write their dead-letter
 * topics); a consumer not listed here is refused at start-up, so add it here with its `@ConsumeEvent`.
 */
export const CONSUMED_BY: Readonly<Record<MessagingService, readonly EventDefinition[]>> = {
  catalogue: [],
  dossier: [CalendarUpdated, ProcedurePublished, ProcedureWithdrawn, StatusMappingUpdated, PaymentSucceeded, PaymentRefunded, RatingGiven],
  payment: [DossierReceived, DossierStatusChanged, ProcedurePublished],
  rating: [DossierReceived, DossierStatusChanged, PaymentSucceeded, RatingGiven, ProcedurePublished, AgencyUpserted],
};

export function isMessagingService(service: string): service is MessagingService {
  return (MESSAGING_SERVICES as readonly string[]).includes(service);
}

/** The topics a service creates at start-up from these declarations: its own, and those it consumes with their dead-letter topics. */
export function topicsDeclaredBy(service: string, consumed: readonly string[] = []): { topic: string; compacted: boolean; deadLetter: boolean }[] {
  const own = EVENT_REGISTRY.filter((def) => def.owner === service);
  const read = EVENT_REGISTRY.filter((def) => consumed.includes(def.topic));
  const byTopic = new Map<string, { topic: string; compacted: boolean; deadLetter: boolean }>();
  for (const def of [...own, ...read]) byTopic.set(def.topic, { topic: def.topic, compacted: def.compacted, deadLetter: false });
  for (const def of read) byTopic.set(deadLetterTopic(def.topic), { topic: deadLetterTopic(def.topic), compacted: false, deadLetter: true });
  return [...byTopic.values()];
}

export type AclResource = 'TOPIC' | 'GROUP' | 'CLUSTER';
export type AclOperation = 'READ' | 'WRITE' | 'CREATE' | 'DESCRIBE' | 'IDEMPOTENT_WRITE';

export interface KafkaAcl {
  principal: string;
  resourceType: AclResource;
  patternType: 'LITERAL' | 'PREFIXED';
  resourceName: string;
  operation: AclOperation;
}

/**
 * The broker's ACLs (StandardAuthorizer; nothing is allowed unless listed, the admin is a super user). A service
 * writes and creates only topics named after it (`<service>.`), reads only what it consumes, writes the
 * dead-letter topics of what it consumes, and uses consumer groups named after it (`<service>`, `<service>-e2e-…`).
 * `deploy/kafka/acls.json` is this list, for the scripts and jobs that apply it (`node tools/kafka/acls.mjs`).
 */
export function kafkaAclPlan(): KafkaAcl[] {
  const acls: KafkaAcl[] = [];
  for (const service of MESSAGING_SERVICES) {
    const principal = `User:${service}`;
    const add = (resourceType: AclResource, patternType: KafkaAcl['patternType'], resourceName: string, operations: AclOperation[]) =>
      operations.forEach((operation) => acls.push({ principal, resourceType, patternType, resourceName, operation }));
    add('TOPIC', 'PREFIXED', `${service}.`, ['WRITE', 'DESCRIBE', 'CREATE']);
    for (const def of CONSUMED_BY[service]) {
      if (def.owner === service) continue;
      add('TOPIC', 'LITERAL', def.topic, ['READ', 'DESCRIBE', 'CREATE']);
      add('TOPIC', 'LITERAL', deadLetterTopic(def.topic), ['WRITE', 'DESCRIBE', 'CREATE']);
    }
    for (const def of CONSUMED_BY[service].filter((d) => d.owner === service)) add('TOPIC', 'LITERAL', def.topic, ['READ']);
    add('GROUP', 'PREFIXED', service, ['READ']);
    add('CLUSTER', 'LITERAL', 'kafka-cluster', ['IDEMPOTENT_WRITE']);
  }
  return acls;
}
