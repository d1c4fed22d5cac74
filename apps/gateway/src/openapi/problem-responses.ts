import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@hub/platform';

/** Documents an operation's own problems: status → the codes it may answer with, and when. */
export const ApiProblems = (problems: Readonly<Record<number, string>>): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...Object.entries(problems).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } }),
    ),
  );
