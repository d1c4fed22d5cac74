'use strict';
// Container entry point (CMD ["node", "--enable-source-maps", "/app/entrypoint.js"]): runs the app the image was
// built for. The Dockerfile bakes HUB_APP_MAIN=dist/apps/<app>/apps/<app>/src/main.js in at build time, so the
// image needs no shell to pick it and node stays PID 1 (SIGTERM reaches the app's graceful shutdown).
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

const main = process.env.HUB_APP_MAIN;
if (!main) {
  console.error('HUB_APP_MAIN is not set: build the image with deploy/docker/Dockerfile and --build-arg APP=<app>');
  process.exit(1);
}
const file = resolve(__dirname, main);
if (!existsSync(file)) {
  console.error(`HUB_APP_MAIN points to ${file}, which does not exist in this image`);
  process.exit(1);
}
// Decorator metadata (design:type) must be recordable before any decorated class is defined: class-transformer's
// implicit conversion of the env (PORT, SHUTDOWN_TIMEOUT_MS...) depends on it. Idempotent; same as
// `node --require reflect-metadata`.
require('reflect-metadata');
require(file);
