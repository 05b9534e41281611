import { apiError, apiJson, apiRoute, parseJson } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { findCfssTriage } from "@/lib/cfss/data";
import { recordCfssAction } from "@/lib/cfss/mutations";

export const dynamic = "force-dynamic";

// CFSS coordinator triage: the contact's triage clock and actions, or a new action.
export const GET = apiRoute<{ contactId: string }>({ permission: "contacts:read" }, async ({ user, params }) => {
  const triage = await findCfssTriage(user, params.contactId);
  if (!triage) return apiError("NOT_FOUND");
  return apiJson(triage);
});

export const POST = apiRoute<{ contactId: string }>({ permission: "cfss:triage" }, async ({ user, params, request, requestId }) => {
  const body = await parseJson(request);
  if (!body.ok) return body.response;
  const result = await recordCfssAction(user, params.contactId, body.json, { requestId });
  return respondWith(result, ({ actionId, kind, closed, awaitingOversight, concerns, message, version }) => ({ actionId, kind, closed, awaitingOversight, concerns, message, version }), 201);
});
