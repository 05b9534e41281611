import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { recordView } from "@/lib/audit/mutations";
import { findRequestForAgency } from "@/lib/requests/data";

export const dynamic = "force-dynamic";

// One request made to the caller's own agency. Another agency's request is 404, like one that does not exist.
export const GET = apiRoute<{ requestId: string }>({ permission: "requests:answer" }, async ({ user, params, requestId }) => {
  const found = await findRequestForAgency(user, params.requestId);
  if (!found) return apiError("NOT_FOUND");
  await recordView({ actorId: user.id, entityType: "InformationRequest", entityId: found.id, requestId });
  return apiJson({ ...found, links: { self: `/api/v1/information-requests/${found.id}`, answer: `/api/v1/information-requests/${found.id}/answer` } });
});
