import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_TARGETS, isIndicatorName, type IndicatorCounts, type IndicatorName, type Targets } from '../domain/indicators';

export interface IndexAgency {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** Reads of the index: counters by month, the agency tree, the targets. */
@Injectable()
export class IndexReadRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async agencies(): Promise<IndexAgency[]> {
    const rows: Array<{ code: string; name: string; level: string; parent_code: string | null }> = await this.dataSource.query(
      'SELECT code, name, level, parent_code FROM index_agency',
    );
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
  }

  /** Own (not rolled-up) counts per month, then per agency, for the given months. */
  async countsByMonth(months: readonly string[]): Promise<Map<string, Map<string, IndicatorCounts>>> {
    const rows: Array<{ month: string; agency_code: string; indicator: string; numerator: string; denominator: string }> = await this.dataSource.query(
      `SELECT month, agency_code, indicator, sum(numerator) AS numerator, sum(denominator) AS denominator
       FROM index_counter WHERE month = ANY($1::text[]) GROUP BY month, agency_code, indicator`,
      [months],
    );
    const byMonth = new Map<string, Map<string, IndicatorCounts>>();
    for (const r of rows) {
      if (!isIndicatorName(r.indicator)) continue;
      const agencies = byMonth.get(r.month) ?? new Map<string, IndicatorCounts>();
      byMonth.set(r.month, agencies);
      const counts: Partial<Record<IndicatorName, { numerator: number; denominator: number }>> = agencies.get(r.agency_code) ?? {};
      counts[r.indicator] = { numerator: Number(r.numerator), denominator: Number(r.denominator) };
      agencies.set(r.agency_code, counts);
    }
    return byMonth;
  }

  async targets(): Promise<Targets> {
    const rows: Array<{ indicator: string; target: string }> = await this.dataSource.query('SELECT indicator, target FROM index_target');
    const targets: Record<IndicatorName, number> = { ...DEFAULT_TARGETS };
    for (const r of rows) if (isIndicatorName(r.indicator)) targets[r.indicator] = Number(r.target);
    return targets;
  }

  async saveTargets(tx: EntityManager, targets: Partial<Record<IndicatorName, number>>): Promise<void> {
    for (const [indicator, target] of Object.entries(targets)) {
      await tx.query(
        'INSERT INTO index_target (indicator, target) VALUES ($1, $2) ON CONFLICT (indicator) DO UPDATE SET target = excluded.target',
        [indicator, target],
      );
    }
  }
}
