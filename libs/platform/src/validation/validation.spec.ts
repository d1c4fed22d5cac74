import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsString, Min, ValidateNested } from 'class-validator';
import { hasFastValidation } from '@hub/contracts';
import { ProblemException } from '../errors/problem.exception';
import { createValidationPipe } from './create-validation-pipe';
import { validatePayload } from './validate-payload';

class Fee {
  @IsString()
  @IsNotEmpty()
  name: string;

  @IsInt()
  @Min(0)
  amount: number;
}

class Assessment {
  @IsString()
  dossierCode: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Fee)
  fees: Fee[];
}

describe('validatePayload', () => {
  it('builds a valid payload on the fast path (same rules) and leaves errors to class-validator', () => {
    expect(hasFastValidation(Assessment)).toBe(true);
    const result = validatePayload(Assessment, { dossierCode: 'D-1', fees: [{ name: 'stamp', amount: 1 }] });
    expect(result.ok && result.value.fees[0]).toBeInstanceOf(Fee);
    const broken = validatePayload(Assessment, { dossierCode: 'D-1', fees: [{ name: '', amount: -1 }], extra: 1 });
    expect(broken.ok ? [] : broken.errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual(['extra UNKNOWN_FIELD', 'fees.0.amount MIN', 'fees.0.name IS_NOT_EMPTY']);
  });

  it('answers a field error, not a TypeError, for an object with a "constructor" field', () => {
    const result = validatePayload(Assessment, { dossierCode: { constructor: 'x' }, fees: [] });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ field: '', code: 'UNREADABLE_PAYLOAD' })] });
  });

  it('returns the typed instance for valid input', () => {
    const result = validatePayload(Assessment, { dossierCode: 'D-1', fees: [{ name: 'stamp', amount: 50000 }] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeInstanceOf(Assessment);
      expect(result.value.fees[0]).toBeInstanceOf(Fee);
    }
  });

  it('flattens nested errors into dot paths with array indexes', () => {
    const result = validatePayload(Assessment, {
      dossierCode: 7,
      fees: [
        { name: 'stamp', amount: 1 },
        { name: '', amount: -5 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        { field: 'dossierCode', code: 'IS_STRING', message: 'dossierCode must be a string' },
        { field: 'fees.1.name', code: 'IS_NOT_EMPTY', message: 'name should not be empty' },
        { field: 'fees.1.amount', code: 'MIN', message: 'amount must not be less than 0' },
      ]),
    });
    expect(result.ok || result.errors).toHaveLength(3);
  });

  it('rejects unknown fields, also inside nested objects', () => {
    const result = validatePayload(Assessment, {
      dossierCode: 'D-1',
      fees: [{ name: 'stamp', amount: 1, discount: 2 }],
      extra: true,
    });
    expect(result.ok || result.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', code: 'UNKNOWN_FIELD', message: 'property extra should not exist' },
        { field: 'fees.0.discount', code: 'UNKNOWN_FIELD', message: 'property discount should not exist' },
      ]),
    );
  });

  it('rejects payloads that are not objects', () => {
    for (const plain of [null, 'text', 3, [{ dossierCode: 'D-1' }]]) {
      expect(validatePayload(Assessment, plain)).toEqual({
        ok: false,
        errors: [{ field: '', code: 'NOT_AN_OBJECT', message: 'payload must be a JSON object' }],
      });
    }
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('throws a VALIDATION_FAILED problem with field errors', async () => {
    const attempt = pipe.transform({ dossierCode: 'D-1', fees: [{ amount: 'x' }] }, { type: 'body', metatype: Assessment });
    await expect(attempt).rejects.toBeInstanceOf(ProblemException);
    const problem: ProblemException = await attempt.catch((e: ProblemException) => e);
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(problem.errors?.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
      'fees.0.amount:IS_INT',
      'fees.0.amount:MIN',
      'fees.0.name:IS_NOT_EMPTY',
      'fees.0.name:IS_STRING',
    ]);
  });

  it('transforms valid input into the DTO class', async () => {
    const value = await pipe.transform({ dossierCode: 'D-1', fees: [] }, { type: 'body', metatype: Assessment });
    expect(value).toBeInstanceOf(Assessment);
  });
});
