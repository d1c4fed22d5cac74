import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallerKind } from '@hub/platform';
import type { RateLimitOverrides } from '../rate-limit/rate-limit-rules';

/** A system allowed to call the hub. Only a hash of its API key is stored. */
@Entity('api_client')
export class ApiClientEntity {
  @PrimaryColumn() clientId!: string;
  @Column() name!: string;
  @Column('text') kind!: CallerKind;
  @Column('text', { array: true }) agencyCodes!: string[];
  @Column('text', { array: true }) roles!: string[];
  /** Public part of the key, used to find the row without scanning hashes. */
  @Column({ unique: true }) keyPrefix!: string;
  @Column() keyHash!: string;
  @Column() active!: boolean;
  @Column('timestamptz') createdAt!: Date;
  /** Operator overrides of the default rate limits (requests per window, per route class); null: defaults. */
  @Column('jsonb', { nullable: true }) rateLimits?: RateLimitOverrides | null;
  /** After this instant the client's keys and tokens are refused; null: no expiry. */
  @Column('timestamptz', { nullable: true }) expiresAt?: Date | null;
  /** The key replaced by the last rotation, accepted until previousKeyExpiresAt (the grace period). */
  @Column('text', { nullable: true }) previousKeyPrefix?: string | null;
  @Column('text', { nullable: true }) previousKeyHash?: string | null;
  @Column('timestamptz', { nullable: true }) previousKeyExpiresAt?: Date | null;
  @Column('timestamptz', { nullable: true }) updatedAt?: Date | null;
}
