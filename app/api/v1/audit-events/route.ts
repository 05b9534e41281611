import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { listAuditEvents } from "@/lib/audit/data";
import { auditQuerySchema } from "@/lib/audit/schema";
import { fieldErrorsOf } from "@/lib/result";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit:read" }, async ({ user, request }) => {
  const query = auditQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError("INVALID", { fields: fieldErrorsOf(query.error) });
  return apiJson(await listAuditEvents(user, query.data));
});
