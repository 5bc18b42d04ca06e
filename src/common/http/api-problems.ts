import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed (e.g. a missing required header or body that is not JSON).',
  404: 'Not found, or not yours to see: the two are never told apart.',
  409: 'Conflicts with what is stored (duplicate, or someone else changed it first).',
  413: 'The request body or file is too large.',
  422: 'Validation failed; `errors` names each field and what to fix.',
  429: 'Too many attempts; see the Retry-After header.',
};

/** Documents the problem responses an endpoint can give besides 401/403. */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Problem', type: ProblemResponse, content: undefined }),
    ),
  );
