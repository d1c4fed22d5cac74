import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@hub/persistence';
import { agencyScopeCondition, assertMayActFor, Clock, type CallerIdentity } from '@hub/platform';
import type { EntityManager } from 'typeorm';
import type { SatisfactionSummaryDto, SatisfactionSummaryQuery, SatisfactionSummaryView } from './satisfaction-summary.dto';
import { SatisfactionSummaryErrors } from './satisfaction-summary.errors';

type Row = { agency_code: string; month: string; question: string; question_text: string | null; respondents: number; answers: SatisfactionSummaryDto['answers']; reported_by: string; recorded_at: Date };

/**
 * Monthly satisfaction aggregates reported by agency systems (the compatibility vocabulary's `DongBoDanhGia`):
 * stored and shown, a later report of the same agency, month and question replacing the earlier. The index's
 * satisfaction indicator does not read them: it counts per-dossier ratings only (DOMAIN.md).
 */
@Injectable()
export class SatisfactionSummaries {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** All or nothing: one report is one transaction. */
  async report(summaries: SatisfactionSummaryDto[], caller: CallerIdentity): Promise<{ stored: number }> {
    const seen = new Set<string>();
    for (const [i, s] of summaries.entries()) {
      assertMayActFor(caller, s.agencyCode, () => SatisfactionSummaryErrors.outOfScope(s.agencyCode));
      const key = `${s.agencyCode}|${s.month}|${s.question}`;
      if (seen.has(key)) throw SatisfactionSummaryErrors.duplicate(i);
      seen.add(key);
    }
    const now = this.clock.now();
    await this.transactions.run((tx: EntityManager) =>
      tx.query(
        `INSERT INTO satisfaction_summary (agency_code, month, question, question_text, respondents, answers, reported_by, recorded_at)
         SELECT s.agency_code, s.month, s.question, s.question_text, s.respondents, s.answers, $2, $3
           FROM jsonb_to_recordset($1::jsonb) AS s(agency_code text, month text, question text, question_text text, respondents integer, answers jsonb)
         ON CONFLICT (agency_code, month, question) DO UPDATE SET question_text = EXCLUDED.question_text, respondents = EXCLUDED.respondents,
           answers = EXCLUDED.answers, reported_by = EXCLUDED.reported_by, recorded_at = EXCLUDED.recorded_at`,
        [
          JSON.stringify(summaries.map((s) => ({ agency_code: s.agencyCode, month: s.month, question: s.question, question_text: s.questionText ?? null, respondents: s.respondents, answers: s.answers }))),
          caller.clientId,
          now,
        ],
      ),
    );
    return { stored: summaries.length };
  }

  async list(query: SatisfactionSummaryQuery, caller: CallerIdentity): Promise<SatisfactionSummaryView[]> {
    const scope = agencyScopeCondition(caller, 'agency_code', 3);
    const rows: Row[] = await this.transactions.run((tx: EntityManager) =>
      tx.query(`SELECT * FROM satisfaction_summary WHERE agency_code = $1 AND ($2::text IS NULL OR month = $2) AND ${scope.sql} ORDER BY month, question`, [query.agencyCode, query.month ?? null, ...scope.params]),
    );
    return rows.map((r) => ({
      agencyCode: r.agency_code,
      month: r.month,
      question: r.question,
      ...(r.question_text ? { questionText: r.question_text } : {}),
      respondents: r.respondents,
      answers: r.answers,
      reportedBy: r.reported_by,
      recordedAt: r.recorded_at.toISOString(),
    }));
  }
}
