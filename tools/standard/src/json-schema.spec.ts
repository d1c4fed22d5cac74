import { DossierStatus } from '@hub/contracts';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { plainToInstance } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsPositive, IsString, IsUrl, Max, Min, validateSync, ValidateBy } from 'class-validator';
import { classSchemas, componentRef, standaloneSchema } from './json-schema';

class Fixture {
  @IsEnum(DossierStatus) status!: DossierStatus;
  @IsInt() @IsPositive() count!: number;
  @Max(10) @Min(2) @IsInt() size!: number;
  @IsOptional() @IsUrl({ require_tld: false }) link?: string;
}

const example = { status: 4, count: 3, size: 5, link: 'https://example.vn/a' };

describe('classSchemas', () => {
  const all = classSchemas([Fixture]);
  const ajv = addFormats(new Ajv2020({ strict: true, strictTypes: false }));
  const validate = ajv.compile(standaloneSchema(componentRef('Fixture'), all, { id: '/fixture.json', title: 'f', description: 'f', examples: [example] }));
  const contract = (value: object) => validateSync(plainToInstance(Fixture, value)).length === 0;

  it('turns decorators into keywords whatever their order, with enum values only', () => {
    expect(all.get('Fixture')).toMatchObject({
      properties: {
        status: { type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
        count: { type: 'integer', exclusiveMinimum: 0 },
        size: { type: 'integer', minimum: 2, maximum: 10 },
        link: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'null' }] },
      },
      required: ['status', 'count', 'size'],
    });
  });

  it.each([
    ['the example', example],
    ['a status outside the list', { ...example, status: 11 }],
    ['zero count', { ...example, count: 0 }],
    ['a fractional size', { ...example, size: 2.5 }],
    ['a size above the maximum', { ...example, size: 11 }],
    ['a null link', { ...example, link: null }],
  ])('agrees with class-validator on %s', (_name, value) => {
    expect(validate(value)).toBe(contract(value));
  });

  it('refuses a custom validator it has no schema for, rather than publishing "anything"', () => {
    class Custom {
      @IsString() @ValidateBy({ name: 'isShiny', validator: { validate: () => true } }) shine!: string;
    }
    expect(() => classSchemas([Custom])).toThrow('Custom.shine: custom validator isShiny has no JSON Schema converter');
  });
});
