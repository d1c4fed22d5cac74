import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { formatInZone } from '@hub/calendar';
import { DOSSIER_CODE_PATTERN, IsInstant } from '@hub/contracts';
import type { CallerIdentity } from '@hub/platform';
import type { DataSource } from 'typeorm';

/** One read of an applicant's personal data by someone other than the owning agency. */
export interface PersonalDataReadEntry {
  caller: CallerIdentity;
  /** What was read: `dossier.read`, `dossier.withdraw`, `dossier.supplement`. */
  action: string;
  dossierCode: string;
  receivingAgencyCode: string;
  disclosure: 'full' | 'masked';
  purpose: string | null;
  /** The request the read was made in. */
  correlationId: string;
}

export class PersonalDataReadsQuery {
  @ApiPropertyOptional({ description: 'Reads of this dossier' })
  @IsOptional() @Matches(DOSSIER_CODE_PATTERN, { message: 'dossierCode must be a dossier code' }) dossierCode?: string;
  @ApiPropertyOptional({ description: 'Reads by this client' })
  @IsOptional() @MaxLength(64) @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'clientId must be a client id' }) clientId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Reads at or after this time' })
  @IsOptional() @IsInstant() since?: string;
  @ApiPropertyOptional({ description: 'Entries after this id (the last id of the previous page)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) after?: number;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class PersonalDataReadView {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) readAt!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() clientKind!: string;
  @ApiProperty({ example: 'dossier.read' }) action!: string;
  @ApiProperty() dossierCode!: string;
  @ApiProperty() receivingAgencyCode!: string;
  @ApiProperty({ enum: ['full', 'masked'] }) disclosure!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The purpose the reader stated (x-access-purpose)' }) purpose!: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId!: string | null;
}

interface Row {
  id: string;
  read_at: Date;
  client_id: string;
  client_kind: string;
  action: string;
  dossier_code: string;
  receiving_agency_code: string;
  disclosure: string;
  purpose: string | null;
  correlation_id: string | null;
}

/**
 * The audit trail of personal-data reads outside the owning agency (who, what, when, the stated purpose), kept by
 * the service that owns the data. Written before the data leaves: no entry, no data. Append-only (a trigger).
 */
@Injectable()
export class PersonalDataAudit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: PersonalDataReadEntry, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO personal_data_read (read_at, client_id, client_kind, action, dossier_code, receiving_agency_code, disclosure, purpose, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [at, entry.caller.clientId, entry.caller.kind, entry.action, entry.dossierCode, entry.receivingAgencyCode, entry.disclosure, entry.purpose, entry.correlationId],
    );
  }

  async list(query: PersonalDataReadsQuery): Promise<PersonalDataReadView[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM personal_data_read
        WHERE ($1::text IS NULL OR dossier_code = $1) AND ($2::text IS NULL OR client_id = $2)
          AND ($3::timestamptz IS NULL OR read_at >= $3) AND id > $4
        ORDER BY id LIMIT $5`,
      [query.dossierCode ?? null, query.clientId ?? null, query.since ?? null, query.after ?? 0, query.limit ?? 50],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      readAt: formatInZone(r.read_at),
      clientId: r.client_id,
      clientKind: r.client_kind,
      action: r.action,
      dossierCode: r.dossier_code,
      receivingAgencyCode: r.receiving_agency_code,
      disclosure: r.disclosure,
      purpose: r.purpose,
      correlationId: r.correlation_id,
    }));
  }
}
