'use strict';
// Container health probe without curl/wget (not in the slim image):
//   node /app/healthcheck.js [/health/live | /health/ready]
// GETs http://127.0.0.1:$PORT<path>; exit 0 on a 2xx answer, 1 otherwise (error, non-2xx, or no answer in time).
const http = require('node:http');

const path = process.argv[2] || '/health/live';
const port = Number(process.env.PORT || 3000);
// Readiness checks time out after 2 s inside the app; leave room for that.
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 4000);

const request = http.get({ host: '127.0.0.1', port, path, timeout: timeoutMs }, (response) => {
  response.resume();
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  if (!ok) console.error(`GET ${path} -> ${response.statusCode}`);
  process.exit(ok ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
request.on('error', (error) => {
  console.error(`GET ${path} failed: ${error.message}`);
  process.exit(1);
});
