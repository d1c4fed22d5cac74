import { DOSSIER_CODE_PATTERN, DossierSubmitted, FEE_CHANNELS, IsInstant, defineEvent } from '@hub/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { findIncompatibilities } from './compatibility';
import { buildStandard, paths } from './standard';

const wiring = { producers: {}, consumers: {} };
const published = buildStandard({ events: [DossierSubmitted], packets: [], wiring });
const file = paths.payload(DossierSubmitted);

/** The published dossier.submitted.v1 payload with deliberate changes, under the same class name and topic. */
function changed(Payload: new () => object, example: object) {
  Object.defineProperty(Payload, 'name', { value: 'DossierSubmittedV1' });
  const def = defineEvent({ topic: DossierSubmitted.topic, payload: Payload, keyOf: () => 'k', example });
  return findIncompatibilities(published, buildStandard({ events: [def], packets: [], wiring }));
}

describe('findIncompatibilities on dossier.submitted.v1', () => {
  it('finds nothing when nothing changed', () => {
    expect(findIncompatibilities(published, buildStandard({ events: [DossierSubmitted], packets: [], wiring }))).toEqual([]);
  });

  it('accepts a new optional field', () => {
    class Additive {
      @Matches(DOSSIER_CODE_PATTERN) dossierCode!: string;
      @Matches(/^\d\.\d{6}(?:\.(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4}))?$/) procedureCode!: string;
      @IsInt() @Min(1) procedureVersion!: number;
      @Matches(/^(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4})$/) receivingAgencyCode!: string;
      @IsIn(FEE_CHANNELS) channel!: string;
      @IsIn([1]) status!: number;
      @IsInstant() submittedAt!: string;
      @IsOptional() @IsString() note?: string;
    }
    expect(changed(Additive, DossierSubmitted.example)).toEqual([]);
  });

  it('catches a renamed field, a type change, a newly required field, a narrowed enum and a changed constraint', () => {
    class Incompatible {
      @Matches(DOSSIER_CODE_PATTERN) code!: string; // renamed from dossierCode
      @Matches(/^\d\.\d{6}$/) procedureCode!: string; // pattern narrowed
      @IsString() procedureVersion!: string; // integer → string
      @Matches(/^(?:\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}|[A-Z]\d{2}\.\d{1,4})$/) receivingAgencyCode!: string;
      @IsIn(['ONLINE', 'COUNTER']) channel!: string; // POSTAL dropped
      @IsIn([1, 2]) status!: number; // widened
      @IsInstant() submittedAt!: string;
      @IsString() applicantName!: string; // new and required
    }
    const found = changed(Incompatible, DossierSubmitted.example);
    expect(found.map((i) => [i.file, i.path, i.kind])).toEqual(
      expect.arrayContaining([
        [file, 'dossierCode', 'field-removed'],
        [file, 'procedureCode', 'constraint-changed'],
        [file, 'procedureVersion', 'type-changed'],
        [file, 'channel', 'enum-narrowed'],
        [file, 'status', 'enum-widened'],
        [file, 'code', 'newly-required'],
        [file, 'applicantName', 'newly-required'],
      ]),
    );
    expect(found.filter((i) => i.file === file)).toHaveLength(8); // the seven above and procedureVersion losing its minimum
  });

  it('catches a published version that is no longer generated', () => {
    expect(findIncompatibilities(published, new Map())).toEqual(
      expect.arrayContaining([{ file, path: '', kind: 'version-removed', detail: expect.stringContaining('no longer generated') }]),
    );
  });
});
