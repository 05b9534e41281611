import { checkDatabase } from "@/lib/system/data";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and uptime checks call it without a token. It reveals no data.
export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "degraded", app: { version: process.env.npm_package_version ?? "0.1.0" }, database };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
