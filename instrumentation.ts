// Runs once when the server starts (Next's own NEXT_RUNTIME picks the Node.js server).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node');
}
