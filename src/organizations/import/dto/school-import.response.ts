import { ApiProperty } from '@nestjs/swagger';
import type { Lang } from '../../../common/errors/i18n';
import { ProblemResponse } from '../../../common/http/problem.response';
import type { ImportProblem } from '../import-problems';

/** What the import did (or, in a dry run, would do) with one row. */
export class SchoolImportOutcomeResponse {
  @ApiProperty({ example: 2, description: 'Spreadsheet row: the header is row 1, so the first data row is 2.' })
  row: number;

  @ApiProperty({ example: '30304122' })
  npsn: string;

  @ApiProperty({ enum: ['created', 'updated', 'unchanged'], example: 'created' })
  outcome: 'created' | 'updated' | 'unchanged';

  @ApiProperty({ nullable: true, type: String, example: '00000000-0000-4000-8000-000000000201', description: "The school's id; null for a school a dry run would create." })
  id: string | null;
}

/** One problem of an import file. */
export class SchoolImportProblemResponse {
  @ApiProperty({ nullable: true, type: Number, example: 7, description: 'Spreadsheet row (header = 1, first data row = 2); null for the file as a whole.' })
  row: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'region_code', description: 'The column; null for the whole row or file.' })
  field: string | null;

  @ApiProperty({ example: 'unknown_region', description: 'Stable code of the problem.' })
  code: string;

  @ApiProperty({ example: 'region_code 63.99 is not a known regency/city code', description: 'What is wrong and how to fix it, in the language of Accept-Language.' })
  problem: string;

  static from(this: void, p: ImportProblem, lang: Lang): SchoolImportProblemResponse {
    return { row: p.row, field: p.field, code: p.code, problem: p.message[lang] };
  }
}

/** The report of an import that passed every check (and, unless a dry run, was written). */
export class SchoolImportResponse {
  @ApiProperty({ example: false, description: 'true: nothing was written; the counts say what an import would do.' })
  dryRun: boolean;

  @ApiProperty({ example: 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a', description: "SHA-256 of the file, as in the import's audit event." })
  sha256: string;

  @ApiProperty({ enum: [',', ';'], example: ',', description: 'The delimiter read from the header row.' })
  delimiter: ',' | ';';

  @ApiProperty({ example: 5, description: 'Data rows in the file (blank rows are skipped).' })
  rows: number;

  @ApiProperty({ example: 4 })
  created: number;

  @ApiProperty({ example: 1 })
  updated: number;

  @ApiProperty({ example: 0 })
  unchanged: number;

  @ApiProperty({ example: 0 })
  problemCount: number;

  @ApiProperty({ type: [SchoolImportProblemResponse], example: [] })
  problems: SchoolImportProblemResponse[];

  @ApiProperty({ type: [SchoolImportOutcomeResponse], description: 'One entry per row, in file order: the first 1,000 rows only.' })
  outcomes: SchoolImportOutcomeResponse[];

  @ApiProperty({ example: false, description: 'true when the file has more than 1,000 rows and `outcomes` lists only the first 1,000.' })
  outcomesTruncated: boolean;
}

/** A refused import (422 import_failed): the problem details plus every problem found, by row. */
export class SchoolImportFailedResponse extends ProblemResponse {
  @ApiProperty({ example: false })
  dryRun: boolean;

  @ApiProperty({ example: 'c0535e4be2b79ffd93291305436bf889314e4a3faec05ecffcbb7df31ad9e51a' })
  sha256: string;

  @ApiProperty({ example: 1000, description: 'Data rows in the file (blank rows are skipped).' })
  rows: number;

  @ApiProperty({ example: 1, description: 'How many problems were found in all.' })
  problemCount: number;

  @ApiProperty({ example: false, description: 'true when there are more than 1,000 problems and `problems` lists only the first 1,000 by row.' })
  problemsTruncated: boolean;

  @ApiProperty({ type: [SchoolImportProblemResponse] })
  problems: SchoolImportProblemResponse[];
}
