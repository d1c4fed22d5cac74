import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { getMetadataStorage, IsInt, IsOptional, IsString, MaxLength, MetadataStorage, ValidateNested, validateSync } from 'class-validator';
import { installValidationMetadataCache } from './validation-metadata-cache';

class Address {
  @IsString() street!: string;
}
class Person {
  @IsString() @MaxLength(5) name!: string;
  @IsString({ groups: ['strict'] }) @IsOptional({ groups: ['loose'] }) nickname?: string;
  @ValidateNested() @Type(() => Address) address!: Address;
}
class Employee extends Person {
  @IsInt() badge!: number;
  // Overrides the inherited rule of the same type: class-validator keeps the child's.
  @IsString() @MaxLength(10) declare name: string;
}

const storage = getMetadataStorage();
const uncached = (target: new (...args: never[]) => object, schema: string, always: boolean, strict: boolean, groups?: string[]) =>
  MetadataStorage.prototype.getTargetValidationMetadatas.call(storage, target, schema, always, strict, groups);
const errorsOf = (cls: new () => object, plain: object, groups?: string[]) =>
  validateSync(plainToInstance(cls, plain), groups ? { groups } : { whitelist: true, forbidNonWhitelisted: true }).map((e) => [e.property, Object.keys(e.constraints ?? {}).sort(), e.children?.length ?? 0]);

describe('installValidationMetadataCache', () => {
  beforeAll(() => installValidationMetadataCache());

  it('answers exactly what class-validator computes, for every class, inheritance and group option', () => {
    const options: Array<[boolean, boolean, string[] | undefined]> = [
      [false, false, undefined],
      [false, true, undefined],
      [true, false, undefined],
      [false, false, ['strict']],
      [false, true, ['loose']],
      [false, false, ['strict', 'loose']],
    ];
    for (const cls of [Address, Person, Employee]) {
      for (const [always, strict, groups] of options) {
        const cached = storage.getTargetValidationMetadatas(cls, '', always, strict, groups);
        expect(cached).toEqual(uncached(cls, '', always, strict, groups));
        // A second answer comes from the memo and is the same.
        expect(storage.getTargetValidationMetadatas(cls, '', always, strict, groups)).toEqual(cached);
      }
    }
    expect(storage.getTargetValidationMetadatas(Employee, '', false, false).filter((m) => m.propertyName === 'name').map((m) => m.target)).toEqual([Employee, Employee]);
  });

  it('validates as before: nested, inherited and grouped rules all apply', () => {
    expect(errorsOf(Employee, { name: 'Nguyễn Văn', badge: 7, address: { street: 'Phố Huế' } })).toEqual([]);
    expect(errorsOf(Employee, { name: 'Nguyễn Văn An Bình', badge: 'x', address: { street: 1 } }).sort()).toEqual([
      ['address', [], 1],
      ['badge', ['isInt'], 0],
      ['name', ['maxLength'], 0],
    ]);
    expect(errorsOf(Person, { name: 'An', address: { street: 'x' } }, ['strict'])).toEqual([['nickname', ['isString'], 0]]);
    expect(errorsOf(Person, { name: 'An', address: { street: 'x' } }, ['loose'])).toEqual([]);
  });

  it('a rule added after a class was first validated applies from then on', () => {
    class Late {
      @IsString() a!: string;
      b?: unknown;
    }
    expect(errorsOf(Late, { a: 'x', b: 'y' })).toEqual([['b', ['whitelistValidation'], 0]]);
    IsInt()(Late.prototype, 'b');
    expect(errorsOf(Late, { a: 'x', b: 'y' })).toEqual([['b', ['isInt'], 0]]);
    expect(errorsOf(Late, { a: 'x', b: 3 })).toEqual([]);
  });

  it('hands out copies, and installing twice changes nothing', () => {
    const first = storage.getTargetValidationMetadatas(Person, '', false, false);
    first.length = 0;
    expect(storage.getTargetValidationMetadatas(Person, '', false, false)).toEqual(uncached(Person, '', false, false));
    const lookup = storage.getTargetValidationMetadatas;
    installValidationMetadataCache();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
