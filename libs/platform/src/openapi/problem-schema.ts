import type { SchemaObject } from '@nestjs/swagger';
import { PROBLEM_TYPE_BASE } from '../errors/problem-document';

export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'code', 'message'],
  properties: {
    field: { type: 'string', description: 'Dot path into the input, array indexes included', example: 'fees.0.amount' },
    code: { type: 'string', description: 'Stable machine code of the violated rule', example: 'UNKNOWN_FIELD' },
    message: { type: 'string', example: 'property discount should not exist' },
  },
};

export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, served as application/problem+json for every error.',
  required: ['type', 'title', 'status', 'code', 'message', 'correlationId', 'instance'],
  properties: {
    type: { type: 'string', format: 'uri', example: `${PROBLEM_TYPE_BASE}validation-failed` },
    title: { type: 'string', example: 'Validation failed' },
    status: { type: 'integer', example: 400 },
    code: { type: 'string', description: 'Stable UPPER_SNAKE code clients can branch on', example: 'VALIDATION_FAILED' },
    detail: { type: 'string' },
    message: {
      type: 'object',
      required: ['vi', 'en'],
      properties: {
        vi: { type: 'string', example: 'Yêu cầu có trường dữ liệu không hợp lệ.' },
        en: { type: 'string', example: 'The request contains invalid fields.' },
      },
    },
    errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
    correlationId: { type: 'string', example: '3f2b8c9e-6d1a-4b7e-9f10-2c4d5e6f7a8b' },
    instance: { type: 'string', description: 'Request path', example: '/dossiers' },
  },
  additionalProperties: true,
};
