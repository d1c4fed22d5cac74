import fc from 'fast-check';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EVENT_REGISTRY, fastValidInstance, hasFastValidation } from '@hub/contracts';
import { checkFastValidationAgrees, classValidatorVerdict } from './validation-agreement';

/** A custom rule reading a sibling field, as `registerDecorator` rules may. */
function NotBefore(sibling: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName,
      constraints: [sibling],
      validator: { validate: (value: unknown, args) => typeof value !== 'string' || value >= String((args?.object as Record<string, unknown>)[args?.constraints[0] as string]) },
    });
}

class Line {
  @IsString() @MaxLength(20) name!: string;
  @IsInt() @Min(0) @Max(1000) amount!: number;
  @IsOptional() @IsBoolean() paid?: boolean;
}

class Base {
  @Matches(/^[A-Z]{2}-\d{3}$/) code!: string;
}

class Order extends Base {
  @IsIn(['A', 'B']) kind!: string;
  @IsISO8601({ strict: true }) openedAt!: string;
  @IsOptional() @IsISO8601({ strict: true }) @NotBefore('openedAt') closedAt?: string;
  @IsDefined() @ValidateNested() @Type(() => Line) first!: Line;
  @IsOptional() @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => Line) lines?: Line[];
  @IsOptional() @IsString({ each: true }) @MaxLength(5, { each: true }) tags?: string[];
  @ValidateIf((o: Order) => o.kind === 'B') @IsString() reason?: string;
  @Allow() note?: unknown;
}

class Unruled {
  @IsString() name!: string;
  priority = 3;
}

const order = {
  code: 'AB-123',
  kind: 'B',
  openedAt: '2026-01-12T09:00:00+07:00',
  closedAt: '2026-01-13T09:00:00+07:00',
  first: { name: 'stamp', amount: 10, paid: true },
  lines: [{ name: 'copy', amount: 2 }, { name: 'fee', amount: 1000, paid: false }],
  tags: ['x', 'yy'],
  reason: 'late',
  note: 'free text',
};

class Defaulted {
  @IsInt() priority = 3;
}

class Transformed {
  @Transform(({ value }) => String(value).trim()) @IsString() name!: string;
}

class HoldsTransformed {
  @ValidateNested() @Type(() => Transformed) inner!: Transformed;
}

describe('fast validation agrees with class-validator', () => {
  it('builds the same instance for a valid payload, nested classes included', () => {
    const fast = fastValidInstance(Order, structuredClone(order), 'forbid');
    expect(fast).toBeInstanceOf(Order);
    expect(fast?.first).toBeInstanceOf(Line);
    expect(fast?.lines?.[1]).toBeInstanceOf(Line);
    const slow = classValidatorVerdict(Order, structuredClone(order), 'forbid');
    expect(slow.ok && slow.value).toEqual(fast);
  });

  it('takes no decision it cannot model: an unsupported class always falls back', () => {
    expect(hasFastValidation(Unruled)).toBe(false); // `priority` is a field without a rule
    expect(hasFastValidation(Order)).toBe(true);
    expect(hasFastValidation(Transformed)).toBe(false);
    expect(hasFastValidation(HoldsTransformed)).toBe(false); // a nested class counts
    expect(fastValidInstance(HoldsTransformed, { inner: { name: 'x' } }, 'forbid')).toBeUndefined();
    expect(hasFastValidation(Line)).toBe(true);
    expect(hasFastValidation(Defaulted)).toBe(true);
    expect(fastValidInstance(Transformed, { name: ' x ' }, 'forbid')).toBeUndefined();
  });

  it.each(['forbid', 'strip'] as const)('on payloads near a valid one (%s unknown fields)', (mode) => {
    const tally = checkFastValidationAgrees(Order, [order], mode, 600);
    // The generator reaches both sides, so the agreement is not vacuous.
    expect(tally.accepted).toBeGreaterThan(30);
    expect(tally.rejected).toBeGreaterThan(150);
    expect(tally.leftToClassValidator).toBeLessThan(tally.accepted / 4);
  });

  // `@MaxLength` is decided without its character count when the string has no more code units than the limit
  // (fast-validation.ts, `withShortcut`): strings around the limit, counted by validator's rules or not, agree.
  it('agrees on @MaxLength around the limit, with surrogate pairs and presentation selectors', () => {
    const pieces = ['a', 'ệ', '😀', '\uFE0F', '\uFE0E', '\uD83D', '\uDE00', 'e\u0301'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), { maxLength: 3 }), (name, tags) => {
        const payload = { name: name.join(''), amount: 1 };
        const slow = classValidatorVerdict(Line, structuredClone(payload), 'forbid');
        expect(fastValidInstance(Line, structuredClone(payload), 'forbid') !== undefined).toBe(slow.ok);
        const withTags = { ...order, tags: tags.map((t) => t.join('')) };
        const fast = fastValidInstance(Order, structuredClone(withTags), 'forbid');
        if (fast !== undefined) expect(classValidatorVerdict(Order, structuredClone(withTags), 'forbid').ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a class field default when the payload leaves it out, as class-transformer does', () => {
    expect(fastValidInstance(Defaulted, {}, 'forbid')).toEqual(Object.assign(new Defaulted(), { priority: 3 }));
    expect(fastValidInstance(Defaulted, { priority: 'high' }, 'forbid')).toBeUndefined();
  });

  it.each(EVENT_REGISTRY.filter((d) => !d.deprecated).map((d) => [d.topic, d] as const))('%s: its example and payloads near it', (_topic, def) => {
    expect(hasFastValidation(def.payload)).toBe(true);
    checkFastValidationAgrees(def.payload, [JSON.parse(JSON.stringify(def.example))], 'strip', 60);
  });
});
