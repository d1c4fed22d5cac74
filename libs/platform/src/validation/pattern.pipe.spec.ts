import { ProblemException } from '../errors/problem.exception';
import { PatternPipe } from './pattern.pipe';

function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('PatternPipe', () => {
  const pipe = new PatternPipe(/^\d\.\d{6}$/, 'procedureCode', '1.001234');

  it('passes a matching value through', () => expect(pipe.transform('1.001234')).toBe('1.001234'));

  it('answers a 400 problem naming the field and the expected form', () => {
    const problem = thrownBy(() => pipe.transform('1.00123'));
    expect(problem).toBeInstanceOf(ProblemException);
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'procedureCode', code: 'INVALID_FORMAT', message: 'procedureCode must look like 1.001234' }],
    });
  });

  it('takes a predicate for forms one pattern does not say', () => {
    const scope = new PatternPipe((v) => v === 'national' || /^\d{3}$/.test(v), 'scope', 'national or 000');
    expect(scope.transform('national')).toBe('national');
    expect(scope.transform('123')).toBe('123');
    expect(thrownBy(() => scope.transform('regional'))).toMatchObject({ errors: [{ field: 'scope', code: 'INVALID_FORMAT' }] });
  });
});
