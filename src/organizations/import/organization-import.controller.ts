import { Controller, HttpCode, Post, Query, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { Allow, CurrentActor } from '../../common/auth/decorators';
import { Permission } from '../../common/auth/permissions';
import { ApiProblems } from '../../common/http/api-problems';
import { CsvUploadInterceptor, IMPORT_FILE_FIELD, MAX_IMPORT_SIZE_TEXT } from './csv-upload.interceptor';
import type { UploadedCsv } from './csv-upload.interceptor';
import { ImportSchoolsQuery } from './dto/import-schools.query';
import { SchoolImportFailedResponse, SchoolImportResponse } from './dto/school-import.response';
import { ImportFailedFilter } from './import-failed.filter';
import { OrganizationImportService } from './organization-import.service';

const DESCRIPTION = `
Imports schools from a CSV file (UTF-8, comma or semicolon, header row first), e.g. a school list from
the national school database. **All or nothing:** every row is checked; if any row has a problem nothing
is written and the answer is \`422 import_failed\` listing each problem by spreadsheet row (the header is
row 1, the first data row is 2) and column. Otherwise every row is written in one transaction: a new NPSN
creates a school, a known NPSN updates that school, so importing the same file again changes nothing
(\`unchanged\`). \`?dryRun=true\` checks and reports without writing.

Send the file as \`multipart/form-data\` in the field \`${IMPORT_FILE_FIELD}\`, at most ${MAX_IMPORT_SIZE_TEXT} (larger: \`413\`).
An admin may import schools of any region; an education officer only schools inside the office's jurisdiction.

| column | required | value |
| --- | --- | --- |
| \`npsn\` | yes | exactly 8 digits; unique, identifies the school |
| \`name\` | yes | at most 200 characters |
| \`level\` | yes | \`SD\`, \`MI\`, \`SMP\`, \`MTs\`, \`SMA\`, \`MA\`, \`SMK\` or \`SLB\` (any case) |
| \`ownership\` | no | \`public\` or \`private\` (also \`negeri\` / \`swasta\`) |
| \`region_code\` | yes | a known regency/city code such as \`63.71\` |
| \`address\` | no | at most 300 characters |
| \`student_count\` | no | whole number, 0 or more |
| \`teacher_count\` | no | whole number, 0 or more |
| \`principal_name\` | no | at most 200 characters |
| \`needs\` | no | topics separated by \`|\`, e.g. \`literacy|sanitation\` |

Column names are case-insensitive and may come in any order; an unknown column is a problem. A column the
file leaves out is not touched on existing schools; an empty cell of an optional column clears that value.
The report lists at most 1,000 problems (\`problemCount\` has the total) and at most 1,000 row outcomes.
See docs/school-import.md and the example docs/examples/schools-import.csv.
`.trim();

@ApiTags('organizations')
@Controller('organizations')
@UseFilters(ImportFailedFilter)
export class OrganizationImportController {
  constructor(private readonly imports: OrganizationImportService) {}

  @Post('import')
  @HttpCode(200)
  @Allow(Permission.OrganizationsImport)
  @UseInterceptors(CsvUploadInterceptor)
  @ApiOperation({ summary: 'Import schools from a CSV file (admin, education officer)', description: DESCRIPTION })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [IMPORT_FILE_FIELD],
      properties: { [IMPORT_FILE_FIELD]: { type: 'string', format: 'binary', description: `The CSV file, at most ${MAX_IMPORT_SIZE_TEXT}.` } },
    },
  })
  @ApiOkResponse({ type: SchoolImportResponse, description: 'Every row passed; written unless dryRun.' })
  @ApiResponse({ status: 422, type: SchoolImportFailedResponse, description: 'import_failed: rows with problems, nothing written; or validation_failed when no file was sent.' })
  @ApiProblems(413)
  importSchools(@CurrentActor() actor: Actor, @UploadedFile() file: UploadedCsv | undefined, @Query() query: ImportSchoolsQuery) {
    return this.imports.importSchools(actor, file, query.dryRun ?? false);
  }
}
