export * from './expect-eventually';
export * from './infra/infrastructure';
export * from './kafka-probe';
export * from './standard/published-standard';
export * from './standard/standard-capture';
export * from './test-environment';
export * from './service-under-test';
