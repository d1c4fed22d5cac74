import { ProblemException } from '../errors/problem.exception';
import { PatternPipe } from './pattern.pipe';

describe('PatternPipe', () => {
  const pipe = new PatternPipe(/^\d\.\d{6}$/, 'procedureCode', '1.001234');

  it('passes a matching value through', () => expect(pipe.transform('1.001234')).toBe('1.001234'));

  it('answers a 400 problem naming the field and the expected form', () => {
    try {
      pipe.transform('1.00123');
      throw new Error('expected a problem');
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemException);
      expect(e).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'procedureCode', code: 'INVALID_FORMAT', message: 'procedureCode must look like 1.001234' }] });
    }
  });
});
