import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseServiceConfig, jsonBudgetOf, type JsonBudget } from '@hub/platform';

export class CatalogueConfig extends BaseServiceConfig {
  /**
   * How many days after today (Asia/Ho_Chi_Minh) a publication decision may be dated. A decision is signed
   * before it is entered, so anything later is a typo; 1 day absorbs clocks and time zones of the callers.
   */
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(30)
  PUBLICATION_DATE_FUTURE_WINDOW_DAYS: number = 1;

  /** Body limit of `POST /v1/procedures:import` only (every other route keeps BODY_LIMIT_BYTES). */
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024)
  IMPORT_BODY_LIMIT_BYTES: number = 10 * 1024 * 1024;

  /** Records validated and written together during an import; bounds memory whatever the import size. */
  @IsInt()
  @Min(1)
  @Max(5000)
  IMPORT_CHUNK_SIZE: number = 250;

  /**
   * Records one import call may carry (the catalogue needs 10,000 at once). More → 413 IMPORT_TOO_MANY_RECORDS and
   * nothing is imported: without it a 10 MiB body of `1\n` lines is 5 million records, each with an error report.
   */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  IMPORT_MAX_RECORDS: number = 10_000;

  /** Refused records whose reasons are reported in full; later refusals carry only index, code and `result: error`. */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  IMPORT_MAX_ERROR_DETAILS: number = 1_000;

  /** Load the sample agencies, sectors, procedures and calendars at start-up (idempotent). */
  // From the raw variable: implicit conversion would already have turned "false" into true.
  @Transform(({ obj, key }) => [true, 'true', '1'].includes((obj as Record<string, unknown>)[key] as string))
  @IsBoolean()
  CATALOGUE_SEED: boolean = false;
}

/** The settings use cases read (a subset of the config, easy to build in tests). */
export interface CatalogueSettings {
  publicationDateFutureWindowDays: number;
  importBodyLimitBytes: number;
  importChunkSize: number;
  importMaxRecords: number;
  importMaxErrorDetails: number;
  /** The service's JSON budget, applied to each line of an NDJSON import. */
  jsonBudget: JsonBudget;
}

export const CATALOGUE_SETTINGS = Symbol('CATALOGUE_SETTINGS');

export function catalogueSettingsOf(config: CatalogueConfig): CatalogueSettings {
  return {
    publicationDateFutureWindowDays: config.PUBLICATION_DATE_FUTURE_WINDOW_DAYS,
    importBodyLimitBytes: config.IMPORT_BODY_LIMIT_BYTES,
    importChunkSize: config.IMPORT_CHUNK_SIZE,
    importMaxRecords: config.IMPORT_MAX_RECORDS,
    importMaxErrorDetails: config.IMPORT_MAX_ERROR_DETAILS,
    jsonBudget: jsonBudgetOf(config),
  };
}
