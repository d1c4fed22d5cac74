/** Injection token of the service name given to PlatformModule.forRoot. */
export const SERVICE_NAME = 'SERVICE_NAME';
