import { planUpsert } from './versioned-upsert';

interface Row {
  name: string;
  revision: number;
  version: number;
}

describe('planUpsert', () => {
  const stored: Row = { name: 'A', revision: 4, version: 9 };
  const sameName = (name: string) => (row: Row) => row.name === name;

  it('creates at revision 1 when nothing is stored', () => {
    expect(planUpsert<Row>(null, sameName('A'), 'revision')).toEqual({ result: 'created', revision: 1, existing: null });
  });

  it('writes nothing for the same state', () => {
    expect(planUpsert(stored, sameName('A'), 'revision')).toEqual({ result: 'unchanged', existing: stored });
  });

  it('updates to the revision after the stored one, counted by the field named', () => {
    expect(planUpsert(stored, sameName('B'), 'revision')).toEqual({ result: 'updated', revision: 5, existing: stored });
    expect(planUpsert(stored, sameName('B'), 'version')).toEqual({ result: 'updated', revision: 10, existing: stored });
  });
});
