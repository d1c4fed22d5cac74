import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IMPORT_BODY_EXAMPLE } from './import-example';
import { ImportRecordDto } from './import-procedures.command';

describe('the import example of the published API document', () => {
  it('is a record the import accepts', () => {
    const [record] = IMPORT_BODY_EXAMPLE.records;
    const errors = validateSync(plainToInstance(ImportRecordDto, record), { whitelist: true, forbidNonWhitelisted: true });
    expect(errors).toEqual([]);
  });
});
