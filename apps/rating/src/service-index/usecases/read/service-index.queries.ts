import { Injectable } from '@nestjs/common';
import { invalidInput } from '@hub/platform';
import { monthRange, parsePeriod } from '../../domain/period';
import type { Ranked } from '../../domain/ranking';
import { rankingTable, type AgencyScore } from '../../domain/ranking-table';
import { ServiceIndexErrors } from '../../service-index.errors';
import { IndexReadRepository } from '../../store/index-read.repository';
import type { AgencyHistoryView, AgencyIndexView, RankingPageView, ServiceIndexHistoryQuery, ServiceIndexRankingQuery } from './service-index.views';

const MAX_HISTORY_MONTHS = 120;

/** The index read side: loads the period's counters, the tree and the targets, and lets the pure rules score and rank. */
@Injectable()
export class ServiceIndexQueries {
  constructor(private readonly index: IndexReadRepository) {}

  async ranking(q: ServiceIndexRankingQuery): Promise<RankingPageView> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const level = (await this.table(q.period)).filter((s) => s.level === q.level);
    return {
      period: q.period,
      level: q.level,
      items: level.slice((page - 1) * pageSize, page * pageSize).map((s) => ({ agencyCode: s.agencyCode, name: s.name, total: s.total, rank: s.rank, groups: s.groups })),
      page,
      pageSize,
      total: level.length,
    };
  }

  async agency(agencyCode: string, period: string): Promise<AgencyIndexView> {
    const s = (await this.table(period)).find((x) => x.agencyCode === agencyCode);
    if (!s) throw ServiceIndexErrors.agencyNotFound(agencyCode);
    return { agencyCode, name: s.name, level: s.level, period, total: s.total, rank: s.rank, indicators: s.indicators, groups: s.groups };
  }

  async history(agencyCode: string, q: ServiceIndexHistoryQuery): Promise<AgencyHistoryView> {
    const months = monthRange(q.from, q.to, MAX_HISTORY_MONTHS);
    if (!months) {
      throw invalidInput([{ field: 'to', code: 'INVALID_RANGE', message: `to must not be before from, and the range at most ${MAX_HISTORY_MONTHS} months` }]);
    }
    const [agencies, counts, targets] = await Promise.all([this.index.agencies(), this.index.countsByMonth(months), this.index.targets()]);
    if (!agencies.some((a) => a.code === agencyCode)) throw ServiceIndexErrors.agencyNotFound(agencyCode);
    return {
      agencyCode,
      months: months.map((month) => {
        const s = rankingTable(agencies, [counts.get(month) ?? new Map()], targets).find((x) => x.agencyCode === agencyCode)!;
        return { period: month, total: s.total, rank: s.rank };
      }),
    };
  }

  private async table(period: string): Promise<Ranked<AgencyScore>[]> {
    const parsed = parsePeriod(period);
    if (!parsed) throw invalidInput([{ field: 'period', code: 'INVALID_FORMAT', message: 'period must be YYYY-MM or YYYY' }]);
    const [agencies, counts, targets] = await Promise.all([this.index.agencies(), this.index.countsByMonth(parsed.months), this.index.targets()]);
    return rankingTable(agencies, parsed.months.map((m) => counts.get(m) ?? new Map()), targets);
  }
}
