import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();
  it('turns class and property names into snake_case', () => {
    expect(naming.tableName('FeeAssessment')).toBe('fee_assessment');
    expect(naming.tableName('Whatever', 'custom_name')).toBe('custom_name');
    expect(naming.columnName('receivingAgencyCode', undefined, [])).toBe('receiving_agency_code');
    expect(naming.columnName('amount', undefined, ['fee'])).toBe('fee_amount');
    expect(naming.columnName('HTTPStatus', undefined, [])).toBe('http_status');
  });
});
