// Next.js calls register() once when a server starts. The app's background work (sending the e-mail
// outbox, draft retention, the RAG clocks' pg-boss worker) runs in the Node.js server process: see
// docs/decisions/0005 and 0007.
export async function register() {
  // The import sits inside the runtime check, as Next.js documents, so the worker is never bundled for
  // the Edge runtime. `next build` loads this file too, and must not touch the database.
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build" && process.env.MASH_BACKGROUND_WORK !== "off") {
    const { startBackgroundWork } = await import("./lib/notify/worker");
    startBackgroundWork();
  }
}
