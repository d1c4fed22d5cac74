// The data-packet check of an e2e run (README "Tests"): validates what the e2e suites captured against docs/standard.
// Run by tools/run-tests.mjs after every other tier (the capture must be complete); needs no broker or database.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e-capture',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.capture-spec.ts'],
};
