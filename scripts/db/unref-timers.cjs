// Preloaded into Prisma CLI runs: the js engine leaves timers running for 10-60 s after a
// command is done. Unref'd timers still fire while work is pending but no
// longer keep a finished process alive.
for (const name of ['setTimeout', 'setInterval']) {
  const original = globalThis[name];
  globalThis[name] = function unrefTimer(...args) {
    const handle = original.apply(this, args);
    if (handle && typeof handle.unref === 'function') handle.unref();
    return handle;
  };
}
