import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AgencyEntity } from './agency.entity';

// One lock for every agency write: writes are rare (operators), and it rules out two concurrent parent
// changes forming a cycle that neither transaction could see alone.
const AGENCY_WRITE_LOCK = 4_711_101;
/** Hierarchies are shallow (ministry → department → unit); a deeper walk means corrupt data. */
export const MAX_HIERARCHY_DEPTH = 32;

// `date` columns as text: raw `pg` would parse them into a Date at local midnight.
const AGENCY_COLUMNS =
  'code, name, level, parent_code, active, valid_from::text AS valid_from, valid_to::text AS valid_to, revision, created_at, updated_at';

export interface AgencyNode extends AgencyEntity {
  depth: number;
}

export interface AgencyFilter {
  level?: string;
  parentCode?: string;
  active?: boolean;
}

@Injectable()
export class AgencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lockWrites(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AGENCY_WRITE_LOCK]);
  }

  findByCode(code: string, tx: EntityManager = this.dataSource.manager): Promise<AgencyEntity | null> {
    return tx.findOneBy(AgencyEntity, { code });
  }

  save(tx: EntityManager, agency: AgencyEntity): Promise<AgencyEntity> {
    return tx.save(AgencyEntity, agency);
  }

  /** Which of `codes` exist. */
  async existing(codes: readonly string[], tx: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await tx.query('SELECT code FROM agency WHERE code = ANY($1)', [[...new Set(codes)]]);
    return new Set(rows.map((r) => r.code));
  }

  /** The agency and everything under it, depth 0 being the agency itself, ordered by depth then code. */
  async subtree(
    code: string,
    maxDepth = MAX_HIERARCHY_DEPTH,
    tx: EntityManager = this.dataSource.manager,
    page: { after?: { depth: number; code: string }; limit: number } = { limit: 2_147_483_647 },
  ): Promise<AgencyNode[]> {
    // A page is a keyset on (depth, code), the order of the whole subtree.
    const rows = await tx.query(
      `WITH RECURSIVE tree AS (
         SELECT a.*, 0 AS depth FROM agency a WHERE a.code = $1
         UNION ALL
         SELECT c.*, t.depth + 1 FROM agency c JOIN tree t ON c.parent_code = t.code WHERE t.depth < $2
       )
       SELECT ${AGENCY_COLUMNS}, depth FROM tree
        WHERE $3::int IS NULL OR (depth, code) > ($3::int, $4::text)
        ORDER BY depth, code LIMIT $5`,
      [code, maxDepth, page.after?.depth ?? null, page.after?.code ?? null, page.limit],
    );
    return rows.map(toNode);
  }

  /** The chain above the agency, nearest first (depth 1 = parent), the agency itself excluded. */
  async ancestors(code: string, tx: EntityManager = this.dataSource.manager): Promise<AgencyNode[]> {
    const rows = await tx.query(
      `WITH RECURSIVE chain AS (
         SELECT a.*, 0 AS depth FROM agency a WHERE a.code = $1
         UNION ALL
         SELECT p.*, c.depth + 1 FROM agency p JOIN chain c ON p.code = c.parent_code WHERE c.depth < $2
       )
       SELECT ${AGENCY_COLUMNS}, depth FROM chain WHERE depth > 0 ORDER BY depth`,
      [code, MAX_HIERARCHY_DEPTH],
    );
    return rows.map(toNode);
  }

  /** Whether `candidate` is `root` or below it. */
  async isInSubtree(tx: EntityManager, root: string, candidate: string): Promise<boolean> {
    if (root === candidate) return true;
    const [row] = await tx.query(
      `WITH RECURSIVE chain AS (
         SELECT code, parent_code, 0 AS depth FROM agency WHERE code = $1
         UNION ALL
         SELECT p.code, p.parent_code, c.depth + 1 FROM agency p JOIN chain c ON p.code = c.parent_code WHERE c.depth < $3
       )
       SELECT EXISTS (SELECT 1 FROM chain WHERE code = $2) AS found`,
      [candidate, root, MAX_HIERARCHY_DEPTH],
    );
    return row.found === true;
  }

  /** The level of the agency at the top of each agency's hierarchy (the agency itself when it has no parent). */
  async topLevels(codes: readonly string[], tx: EntityManager = this.dataSource.manager): Promise<Map<string, AgencyEntity['level']>> {
    if (codes.length === 0) return new Map();
    const rows: Array<{ start: string; level: AgencyEntity['level'] }> = await tx.query(
      `WITH RECURSIVE chain AS (
         SELECT code AS start, code, parent_code, level, 0 AS depth FROM agency WHERE code = ANY($1)
         UNION ALL
         SELECT c.start, p.code, p.parent_code, p.level, c.depth + 1
           FROM agency p JOIN chain c ON p.code = c.parent_code WHERE c.depth < $2
       )
       SELECT DISTINCT ON (start) start, level FROM chain ORDER BY start, depth DESC`,
      [[...new Set(codes)], MAX_HIERARCHY_DEPTH],
    );
    return new Map(rows.map((r) => [r.start, r.level]));
  }

  async list(filter: AgencyFilter, offset: number, limit: number): Promise<{ items: AgencyEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(AgencyEntity, 'a');
    if (filter.level) qb.andWhere('a.level = :level', { level: filter.level });
    if (filter.parentCode) qb.andWhere('a.parentCode = :parentCode', { parentCode: filter.parentCode });
    if (filter.active !== undefined) qb.andWhere('a.active = :active', { active: filter.active });
    const [items, total] = await qb.orderBy('a.code', 'ASC').skip(offset).take(limit).getManyAndCount();
    return { items, total };
  }
}

interface AgencyRow {
  code: string;
  name: string;
  level: AgencyEntity['level'];
  parent_code: string | null;
  active: boolean;
  valid_from: string | null;
  valid_to: string | null;
  revision: number;
  created_at: Date;
  updated_at: Date;
  depth: number;
}

function toNode(r: AgencyRow): AgencyNode {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    active: r.active,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    depth: Number(r.depth),
  };
}
