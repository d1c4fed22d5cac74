import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from './validation/is-instant';

/**
 * The envelope every event carries in its Kafka headers (names in `EventHeaders`), as the data-packet standard
 * publishes it. Header values are UTF-8 strings. Consumers check `event-id`, `event-type` and `event-version` before
 * anything else; the rest traces the event back to the request that caused it.
 */
export class EventEnvelopeV1 {
  /** Unique per event; consumers de-duplicate on it (a redelivered event changes nothing). */
  @IsUUID() 'event-id'!: string;
  /** Event type without version, e.g. `dossier.submitted`. */
  @IsString() @MinLength(1) @MaxLength(200) 'event-type'!: string;
  /** The version in the topic name, as decimal digits. */
  @Matches(/^[1-9]\d*$/) 'event-version'!: string;
  /** When the fact happened (the producing transaction), RFC 3339. */
  @IsInstant() 'occurred-at'!: string;
  /** The service that produced the event. */
  @IsString() @MinLength(1) @MaxLength(100) producer!: string;
  /** Shared by everything one request caused, across services. */
  @IsString() @MinLength(1) @MaxLength(200) 'correlation-id'!: string;
  /** The event id whose handling produced this event, when an event caused it. */
  @IsOptional() @IsString() @MaxLength(200) 'causation-id'?: string;
  /** W3C trace context, when tracing is on. */
  @IsOptional() @Matches(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/) traceparent?: string;
}
