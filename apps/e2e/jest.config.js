const path = require('node:path');

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  // The fresh-clone `npm start` test needs a broker no earlier test has filled: run it alone with `npm run test:start`
  // (in the middle of the suite, its new consumer groups replay every catalogue event the other tests published).
  testPathIgnorePatterns: process.env.HUB_START_TEST === '1' ? [] : ['/start-hub\\.e2e-spec\\.ts$'],
  globalSetup: path.join(__dirname, '../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, '../../libs/testing/src/jest/global-teardown.ts'),
  testTimeout: 120000,
};
