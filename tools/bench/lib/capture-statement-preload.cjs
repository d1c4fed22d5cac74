// Preloaded into an app by a bench scenario (`node --require`), never in production: the first time the app runs the
// named statement `$BENCH_CAPTURE_STATEMENT` (a `{ name, text, values }` query, as `queryPrepared` sends it), writes
// its text and parameters to `$BENCH_CAPTURE_FILE` as JSON, then gives pg's `Client#query` back as it was: nothing of
// it runs after that first statement, so the loads measured later are the app's own. `intake` captures the dossier's
// intake group statement this way to run it behind bare hops (the floor of the design with the hub's statement).
'use strict';
const { writeFileSync, renameSync } = require('node:fs');
const { Client } = require('pg');

const name = process.env.BENCH_CAPTURE_STATEMENT;
const file = process.env.BENCH_CAPTURE_FILE;
if (name && file) {
  const query = Client.prototype.query;
  Client.prototype.query = function (config) {
    if (config !== null && typeof config === 'object' && config.name === name) {
      Client.prototype.query = query;
      // Written whole or not at all: the scenario reads it as soon as it exists.
      writeFileSync(`${file}.tmp`, JSON.stringify({ name, text: config.text, values: config.values }));
      renameSync(`${file}.tmp`, file);
    }
    return query.apply(this, arguments);
  };
}
