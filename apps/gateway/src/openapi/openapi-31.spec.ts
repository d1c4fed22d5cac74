import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-31';

const doc = (schemas: Record<string, unknown>): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: schemas as never } });

describe('OpenAPI 3.0 → 3.1', () => {
  it('turns nullable into a null type, a null enum member or a null alternative', () => {
    const out = toOpenApi31(
      doc({
        View: {
          type: 'object',
          properties: {
            parentCode: { type: 'string', nullable: true },
            level: { type: 'string', enum: ['A', 'B'], nullable: true },
            limits: { nullable: true, description: 'null: defaults', type: 'object', allOf: [{ $ref: '#/components/schemas/Limits' }] },
            plain: { type: 'number', nullable: false },
          },
        },
      }),
    );
    expect(out.openapi).toBe('3.1.0');
    const props = (out.components!.schemas!.View as { properties: Record<string, unknown> }).properties;
    expect(props.parentCode).toEqual({ type: ['string', 'null'] });
    expect(props.level).toEqual({ type: ['string', 'null'], enum: ['A', 'B', null] });
    expect(props.limits).toEqual({ description: 'null: defaults', anyOf: [{ type: 'object', allOf: [{ $ref: '#/components/schemas/Limits' }] }, { type: 'null' }] });
    expect(props.plain).toEqual({ type: 'number' });
  });

  it('turns boolean exclusive bounds into numeric ones and leaves the input untouched', () => {
    const input = doc({ N: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false } });
    expect(toOpenApi31(input).components!.schemas!.N).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
    expect(input.openapi).toBe('3.0.0');
    expect(input.components!.schemas!.N).toMatchObject({ exclusiveMinimum: true });
  });

  it('leaves a property named nullable (not the keyword) alone', () => {
    const out = toOpenApi31(doc({ S: { type: 'object', properties: { nullable: { type: 'boolean' } } } }));
    expect((out.components!.schemas!.S as { properties: Record<string, unknown> }).properties.nullable).toEqual({ type: 'boolean' });
  });
});
