import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApplicantDto } from '../submit-dossier/submit-dossier.command';
import { SyncApplicantDto } from './sync-applicant.dto';

const failures = async (type: typeof ApplicantDto | typeof SyncApplicantDto, value: object): Promise<string[]> =>
  (await validate(plainToInstance(type, value))).flatMap((e) => Object.values(e.constraints ?? {})).sort();

describe('the applicant of a synced dossier', () => {
  it('may leave out the name and the ID number that online intake requires', async () => {
    expect(await failures(SyncApplicantDto, {})).toEqual([]);
    expect(await failures(ApplicantDto, {})).toEqual(expect.arrayContaining(['idNumber must be 9 or 12 digits', 'fullName must be a string']));
  });

  it('keeps the rules of every field it sends', async () => {
    const bad = { fullName: '', idNumber: '12345', phone: '12', email: 'not-an-email', address: 'x'.repeat(501) };
    expect(await failures(SyncApplicantDto, bad)).toEqual(await failures(ApplicantDto, bad));
    expect(await failures(SyncApplicantDto, bad)).toHaveLength(5);
  });
});
