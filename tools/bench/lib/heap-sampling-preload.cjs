// A `--require` for an app under benchmark (BENCH_HEAP_PROF, lib/util.mjs `withProfilers`): V8's sampling heap profiler
// from start-up to exit, counting the objects garbage collection has already freed too, so the profile says where an
// app's allocations come from (what its young-generation collections cost), not only what it still holds. Written at
// exit to `$BENCH_HEAP_PROF_DIR/<pid>.heapprofile` (Chrome DevTools → Memory → Load; `tools/bench/profile-top.mjs`).
'use strict';
const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const dir = process.env.BENCH_HEAP_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('HeapProfiler.enable');
  // One sample per ~8 KB allocated: enough for a function that allocates a few per cent of a run.
  const options = { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  session.post('HeapProfiler.startSampling', options, (error) => {
    if (error) process.stderr.write(`heap-sampling-preload: ${error.message}\n`);
  });
  let written = false;
  process.on('exit', () => {
    if (written) return;
    written = true;
    // An in-thread inspector session answers synchronously, so this completes inside the exit handler.
    session.post('HeapProfiler.stopSampling', (error, result) => {
      if (error) return process.stderr.write(`heap-sampling-preload: ${error.message}\n`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
    });
  });
}
