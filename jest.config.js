// Every tier in one run: unit (libs/*, apps/*), integration (apps/*/jest.int.config.js) and e2e.
// Integration and e2e share one PostgreSQL server and one Kafka broker resolved by the global setup.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.int.config.js', '<rootDir>/apps/*/jest.int.config.js'],
};
