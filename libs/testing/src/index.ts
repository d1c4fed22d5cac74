export * from './expect-eventually';
export * from './infra/infrastructure';
export * from './kafka-probe';
export * from './test-environment';
export * from './service-under-test';
export * from './stub';
