// What a tool started, released in reverse order however the tool ends (success, failure, Ctrl-C).
// Used by `npm start`, the benchmark harness and, through stopChild, the test harnesses.

/**
 * LIFO cleanup stack. Every resource a run creates (child processes, databases, topics, a broker the
 * harness started) registers its release here, so a failure or Ctrl-C still cleans up.
 */
export class Cleanup {
  #stack = [];
  #log;
  constructor(log) {
    this.#log = log;
  }
  /** Registers `fn`; returns a function that runs it now (once) and unregisters it. */
  defer(label, fn) {
    const entry = { label, fn, done: false };
    this.#stack.push(entry);
    return async () => {
      if (entry.done) return;
      entry.done = true;
      this.#stack.splice(this.#stack.indexOf(entry), 1);
      await fn();
    };
  }
  async runAll() {
    while (this.#stack.length > 0) {
      const entry = this.#stack.pop();
      if (entry.done) continue;
      entry.done = true;
      try {
        await entry.fn();
      } catch (e) {
        this.#log(`cleanup "${entry.label}" failed: ${e.message}`);
      }
    }
  }
}

/**
 * Stops a child process: SIGTERM (the apps flush and close), SIGKILL after `timeoutMs`. Resolves once it has
 * exited, at once if it already had.
 */
export function stopChild(child, timeoutMs = 15_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
