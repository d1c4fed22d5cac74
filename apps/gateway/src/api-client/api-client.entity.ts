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
}
