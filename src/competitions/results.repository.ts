import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inJurisdictionSql } from './competition-scope';
import { CompetitionResult } from './judging.entities';

/** An entry as the results know it. */
export interface ResultEntryRow {
  id: string;
  title: string;
  categoryId: string;
  categoryName: string;
  categoryPosition: number;
  schoolId: string;
  schoolName: string;
  /** ISO 8601 UTC with microseconds: the last tie-break. */
  createdAt: string;
}

/** A frozen result as read. */
export interface PublishedResultRow {
  entryId: string;
  title: string;
  categoryId: string;
  categoryName: string;
  categoryPosition: number;
  schoolId: string;
  schoolName: string;
  rank: number;
  award: string | null;
  meanScore: string;
  medianScore: string;
  normalizedScore: string;
  judgeCount: number;
}

/** Reads what results are computed from, and writes and reads the frozen results. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every entry of a competition, by category, then creation. */
  entries(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<ResultEntryRow[]> {
    return manager.query(
      `SELECT e.id, e.title, e.category_id AS "categoryId", k.name AS "categoryName", k.position AS "categoryPosition",
              e.school_id AS "schoolId", s.name AS "schoolName",
              to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
         FROM competition_entries e
         JOIN competition_categories k ON k.id = e.category_id
         JOIN organizations s ON s.id = e.school_id
        WHERE e.competition_id = $1
        ORDER BY k.position, e.created_at, e.id`,
      [competitionId],
    );
  }

  /** Writes the frozen results of a competition being published. */
  async insert(rows: ReadonlyArray<Omit<CompetitionResult, 'id' | 'createdAt' | 'entry'>>, manager: EntityManager): Promise<void> {
    if (rows.length > 0) await manager.insert(CompetitionResult, [...rows]);
  }

  /**
   * The frozen results of a competition, by category and rank; with `jurisdictionOf` (an education
   * office), only those of schools in its jurisdiction.
   */
  published(competitionId: string, jurisdictionOf: string | null, manager: EntityManager = this.dataSource.manager): Promise<PublishedResultRow[]> {
    const qb = manager
      .createQueryBuilder()
      .select('r.entry_id', 'entryId')
      .addSelect('e.title', 'title')
      .addSelect('r.category_id', 'categoryId')
      .addSelect('k.name', 'categoryName')
      .addSelect('k.position', 'categoryPosition')
      .addSelect('r.school_id', 'schoolId')
      .addSelect('s.name', 'schoolName')
      .addSelect('r.rank', 'rank')
      .addSelect('r.award', 'award')
      .addSelect('r.mean_score', 'meanScore')
      .addSelect('r.median_score', 'medianScore')
      .addSelect('r.normalized_score', 'normalizedScore')
      .addSelect('r.judge_count', 'judgeCount')
      .from(CompetitionResult, 'r')
      .innerJoin('competition_entries', 'e', 'e.id = r.entry_id')
      .innerJoin('competition_categories', 'k', 'k.id = r.category_id')
      .innerJoin('organizations', 's', 's.id = r.school_id')
      .where('r.competition_id = :competitionId', { competitionId });
    if (jurisdictionOf !== null) qb.andWhere(inJurisdictionSql('r.school_id'), { scopeOrg: jurisdictionOf });
    return qb.orderBy('k.position', 'ASC').addOrderBy('r.rank', 'ASC').getRawMany<PublishedResultRow>();
  }
}
