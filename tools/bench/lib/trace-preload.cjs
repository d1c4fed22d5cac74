// Preloaded into an app by a bench scenario (`node --require`), never in production: the wall time of each
// state-changing HTTP request the app answers, of each PostgreSQL query it runs, grouped by statement name (or the
// statement's first words), and of each Redis command (`redis <command>`). On SIGUSR2 it writes what it gathered
// since the last SIGUSR2 to `$BENCH_TRACE_DIR/<pid>.json` (numbered `window`) and starts again: the scenario brackets
// a measured window with two signals. Timing a promise attaches a rejection handler to it, so a query the app
// forgot to handle is not reported as an unhandled rejection here: a bench tool, not a place to find such bugs.
'use strict';
const { writeFileSync, renameSync } = require('node:fs');
const http = require('node:http');
const Module = require('node:module');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');

const dir = process.env.BENCH_TRACE_DIR;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let requests = [];
let queries = new Map();
let window = 0;

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === 'request' && STATE_CHANGING.has(req.method)) {
    const t = performance.now();
    res.once('finish', () => requests.push(performance.now() - t));
  }
  return emit.apply(this, arguments);
};

function statementOf(config) {
  if (typeof config === 'string') return config.replace(/\s+/g, ' ').trim().slice(0, 60);
  return config?.name ?? String(config?.text ?? '?').replace(/\s+/g, ' ').trim().slice(0, 60);
}

function record(key, t) {
  const times = queries.get(key) ?? [];
  times.push(performance.now() - t);
  queries.set(key, times);
}

const patched = new Set();
const load = Module._load;
Module._load = function (request) {
  const loaded = load.apply(this, arguments);
  if (!patched.has('ioredis') && request === 'ioredis' && loaded?.prototype?.sendCommand) {
    patched.add('ioredis');
    const sendCommand = loaded.prototype.sendCommand;
    loaded.prototype.sendCommand = function (command) {
      const t = performance.now();
      const result = sendCommand.apply(this, arguments);
      const done = () => record(`redis ${command?.name ?? '?'}`, t);
      command?.promise?.then(done, done);
      return result;
    };
  }
  if (!patched.has('pg') && request === 'pg' && loaded && loaded.Client) {
    patched.add('pg');
    const query = loaded.Client.prototype.query;
    loaded.Client.prototype.query = function (config) {
      const t = performance.now();
      const result = query.apply(this, arguments);
      if (result && typeof result.then === 'function') {
        const key = statementOf(config);
        const done = () => record(key, t);
        result.then(done, done);
      }
      return result;
    };
  }
  return loaded;
};

process.on('SIGUSR2', () => {
  window++;
  const out = { pid: process.pid, window, requests, queries: Object.fromEntries(queries) };
  requests = [];
  queries = new Map();
  if (!dir) return;
  const file = join(dir, `${process.pid}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(out));
  renameSync(`${file}.tmp`, file);
});
