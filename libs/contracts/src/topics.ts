import type { EventDefinition } from './event-definition';
import {
  AgencyUpserted,
  CalendarUpdated,
  ProcedurePublished,
  ProcedureWithdrawn,
  SectorUpserted,
  StatusMappingUpdated,
} from './events/catalogue.events';
import {
  DossierDueSoon,
  DossierNoticeIssued,
  DossierOverdue,
  DossierReceived,
  DossierStatusChanged,
  DossierSubmitted,
} from './events/dossier.events';
import { PaymentExpired, PaymentFailed, PaymentRefunded, PaymentSucceeded } from './events/payment.events';
import { RatingGiven } from './events/rating.events';

/** Every event the hub publishes. Adding an event means adding it here; the contract test covers it. */
export const EVENT_REGISTRY: readonly EventDefinition[] = [
  ProcedurePublished,
  AgencyUpserted,
  DossierSubmitted,
  ProcedureWithdrawn,
  SectorUpserted,
  CalendarUpdated,
  StatusMappingUpdated,
  DossierReceived,
  DossierStatusChanged,
  DossierNoticeIssued,
  DossierDueSoon,
  DossierOverdue,
  PaymentSucceeded,
  RatingGiven,
  PaymentFailed,
  PaymentExpired,
  PaymentRefunded,
];

export function findEventDefinition(topic: string): EventDefinition | undefined {
  return EVENT_REGISTRY.find((d) => d.topic === topic);
}

/** Poison messages of a topic are parked here with the reason in headers. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
