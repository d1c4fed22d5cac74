const path = require('node:path');

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: path.join(__dirname, '../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, '../../libs/testing/src/jest/global-teardown.ts'),
  testTimeout: 120000,
};
