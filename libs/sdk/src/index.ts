export { HubClient, HubProblemError } from './hub-client';
export type { Credentials, HubClientOptions } from './hub-client';
export type * from './types';
