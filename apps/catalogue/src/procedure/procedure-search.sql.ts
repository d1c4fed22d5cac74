import type { OnlineLevel } from '@hub/contracts';
import { escapeLike, normalizeSearchText, searchTokens } from '../shared/vietnamese-text';

// The catalogue search as SQL: criteria in, statements out. No database access here (ProcedureRepository.search
// runs them); the benchmark's direct-SQL baseline runs exactly these statements.

export interface SearchCriteria {
  q?: string;
  sector?: string;
  agency?: string;
  onlineLevel?: OnlineLevel;
  at: Date;
  offset: number;
  limit: number;
}

export interface SearchHit {
  code: string;
  version: number;
  name: string;
  sectorCodes: string[];
  publishingAgencyCode: string;
  implementingAgencyCodes: string[];
  onlineLevel: OnlineLevel;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  /** 0 exact code, 1 exact name, 2 name starts with the query, 3 name contains it, 4 every word found. */
  tier: number;
  score: number;
}

export interface SearchRow {
  procedure_code: string;
  version: number;
  name: string;
  sector_codes: string[];
  publishing_agency_code: string;
  implementing_agency_codes: string[];
  online_level: OnlineLevel;
  effective_from: Date;
  effective_to: Date | null;
  tier: number;
  score: number;
  /** count(*) OVER (): bigint, as text. */
  total: string;
}

/**
 * The two statements of a search: the page (with the total of all matches as a window count), and a count
 * for a page past the end, which has no row to carry the total. Exported so that the benchmark's direct-SQL
 * baseline runs exactly what the service runs.
 */
export function searchStatements(c: SearchCriteria): { pageSql: string; countSql: string; params: unknown[]; countParams: unknown[] } {
  const { where, params, rank, score, whereParams } = buildSearch(c);
  const pageSql = `SELECT v.procedure_code, v.version, v.name, v.sector_codes, v.publishing_agency_code, v.implementing_agency_codes,
              v.online_level, v.effective_from, v.effective_to, ${rank} AS tier, ${score} AS score, count(*) OVER () AS total
         FROM procedure_version v
        WHERE ${where}
        ORDER BY tier, score DESC, v.procedure_code
        LIMIT ${Math.trunc(c.limit)} OFFSET ${Math.trunc(c.offset)}`;
  // The count needs only the parameters of the WHERE clause, which come first.
  return { pageSql, countSql: `SELECT count(*)::int AS total FROM procedure_version v WHERE ${where}`, params, countParams: params.slice(0, whereParams) };
}

/**
 * The WHERE clause, parameters, rank and score expressions of a search (also used by the benchmark's direct-SQL
 * baseline and by tests). Every word of the query must start a word of the name or the code (accent- and
 * case-free); the exact code matches even when the words do not.
 */
export function buildSearch(c: Pick<SearchCriteria, 'q' | 'sector' | 'agency' | 'onlineLevel' | 'at'>): {
  where: string;
  params: unknown[];
  rank: string;
  score: string;
  /** How many of `params` the WHERE clause uses (the first ones; rank and score add theirs after). */
  whereParams: number;
} {
  const params: unknown[] = [];
  const p = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const at = p(c.at, '::timestamptz');
  const clauses = [`v.effective_from <= ${at}`, `(v.effective_to IS NULL OR v.effective_to > ${at})`];
  if (c.sector) clauses.push(`${p(c.sector, '::text')} = ANY (v.sector_codes)`);
  if (c.agency) {
    const agency = p(c.agency, '::text');
    clauses.push(`(${agency} = ANY (v.implementing_agency_codes) OR v.publishing_agency_code = ${agency})`);
  }
  if (c.onlineLevel) clauses.push(`v.online_level = ${p(c.onlineLevel, '::text')}`);

  const q = (c.q ?? '').trim();
  if (q === '') return { where: clauses.join(' AND '), params, rank: '4', score: '0::float8', whereParams: params.length };

  const code = p(q, '::text');
  const phrase = normalizeSearchText(q);
  const tokens = searchTokens(q);
  if (tokens.length > 0) {
    // Every word as a prefix: `giay:* & phep:*`. Tokens are [a-z0-9]+ after normalisation, so they are safe
    // tsquery lexemes; the GIN index on search_vector serves the match.
    clauses.push(`(v.procedure_code = ${code} OR v.search_vector @@ to_tsquery('simple', ${p(tokens.map((t) => `${t}:*`).join(' & '), '::text')}))`);
  } else {
    // Only punctuation: nothing but an exact code can match.
    clauses.push(`v.procedure_code = ${code}`);
  }
  const whereParams = params.length;
  const exact = p(phrase, '::text');
  const like = p(escapeLike(phrase), '::text');
  const rank = `CASE WHEN v.procedure_code = ${code} THEN 0
            WHEN v.name_search = ${exact} THEN 1
            WHEN v.name_search LIKE ${like} || '%' THEN 2
            WHEN v.name_search LIKE '%' || ${like} || '%' THEN 3
            ELSE 4 END`;
  return { where: clauses.join(' AND '), params, rank, score: `similarity(v.name_search, ${exact})::float8`, whereParams };
}

/** `search_text` of a version: ` <normalised name> <normalised code> `, from which `search_vector` is generated. */
export function searchTextOf(code: string, name: string): string {
  return ` ${normalizeSearchText(name)} ${normalizeSearchText(code)} `;
}
