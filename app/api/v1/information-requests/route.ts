import { apiError, apiJson, apiRoute } from "@/lib/api/handler";
import { recordRead } from "@/lib/audit/mutations";
import { listRequestsForAgency } from "@/lib/requests/data";

export const dynamic = "force-dynamic";

// The requests made to the caller's own agency. The MASH reads requests on the contact, not here.
export const GET = apiRoute({ permission: "requests:answer" }, async ({ user, requestId }) => {
  const rows = await listRequestsForAgency(user);
  if (!rows) return apiError("FORBIDDEN", { message: "Only a partner agency's users have information requests to answer." });
  await recordRead({ actorId: user.id, action: "requests.listed", entityType: "InformationRequest", requestId, details: { rows: rows.length } });
  return apiJson({ requests: rows.map((row) => ({ ...row, links: { self: `/api/v1/information-requests/${row.id}` } })) });
});
