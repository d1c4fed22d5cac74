export { HubClient, HubProblemError } from './hub-client';
export type { Credentials, HubClientOptions, OperationInput } from './hub-client';
export { OPERATIONS } from './generated/openapi';
export type { OperationId, Operations } from './generated/openapi';
/** Every schema of docs/openapi.json as a type: `Api.RatingRecordedView`, `Api.DossierView`… (generated). */
export type * as Api from './generated/openapi';
export type * from './types';
