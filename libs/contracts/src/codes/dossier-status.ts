/** The national dossier status list (TrangThaiHoSo) used by every agency system. */
export enum DossierStatus {
  Submitted = 1,
  Accepted = 2,
  Refused = 3,
  Processing = 4,
  SupplementRequested = 5,
  FeeRequested = 6,
  Withdrawn = 7,
  Stopped = 8,
  Finished = 9,
  Returned = 10,
}

export const DOSSIER_STATUSES = Object.values(DossierStatus).filter((v): v is DossierStatus => typeof v === 'number');

export const FEE_CHANNELS = ['COUNTER', 'ONLINE', 'POSTAL'] as const;
export type Channel = (typeof FEE_CHANNELS)[number];
