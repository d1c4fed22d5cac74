// Shared by every project's jest.config.js: swc for speed, path aliases mapped to sources.
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^@hub/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts') },
  setupFiles: [require.resolve('reflect-metadata')],
  clearMocks: true,
};
