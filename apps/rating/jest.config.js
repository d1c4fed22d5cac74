module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'rating',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
