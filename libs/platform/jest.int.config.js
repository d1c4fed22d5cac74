const path = require('node:path');

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'platform:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: path.join(__dirname, '../../libs/testing/src/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, '../../libs/testing/src/jest/global-teardown.ts'),
  testTimeout: 60000,
};
