module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'standard',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
