import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One field's problem in a validation error. */
export class FieldErrorResponse {
  @ApiProperty({ example: 'email', description: 'JSON path of the field, e.g. `content.programs[0].name`.' })
  field: string;

  @ApiPropertyOptional({
    example: 'Email',
    description: "What a person calls the field, in the response's language (Accept-Language), e.g. `Nama program`; absent for a field the endpoint does not take.",
  })
  label?: string;

  @ApiProperty({ example: 'isEmail', description: 'Stable code of the problem; `unknown_field` for a field the endpoint does not take.' })
  code: string;

  @ApiProperty({ example: 'Email must be a valid email address, e.g. name@school.sch.id' })
  message: string;
}

/** The body of every error (application/problem+json). */
export class ProblemResponse {
  @ApiProperty({ example: 'urn:jalin:problem:validation_failed' })
  type: string;

  @ApiProperty({ example: 'Some fields need fixing' })
  title: string;

  @ApiProperty({ example: 422 })
  status: number;

  @ApiProperty({ example: 'The request has fields that are missing or not valid. Fix the fields listed in "errors" and send it again.' })
  detail: string;

  @ApiProperty({ example: 'validation_failed', description: 'Stable error code; see docs/api-guide.md for the list.' })
  code: string;

  @ApiProperty({ example: '5b0f2c1e-4a8e-4f57-9d1c-2f5e0b7c9a11' })
  requestId: string;

  @ApiProperty({ example: '/api/v1/users' })
  instance: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse] })
  errors?: FieldErrorResponse[];
}
