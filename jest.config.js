// Every tier in one run: unit (libs/*, apps/*, tools/*), integration (*/jest.int.config.js) and e2e.
// Integration and e2e share one PostgreSQL server and one Kafka broker resolved by the global setup.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/tools/*/jest.config.js', '<rootDir>/libs/*/jest.int.config.js', '<rootDir>/apps/*/jest.int.config.js'],
  // A global option: project configs cannot set it in a multi-project run. It only bounds how long a hung
  // integration or e2e test takes to fail; no test asserts on time.
  testTimeout: 180_000,
};
