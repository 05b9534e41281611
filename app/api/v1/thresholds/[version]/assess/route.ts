import { apiError, apiJson, parseBody, publicApiRoute } from "@/lib/api/handler";
import { findThresholdDocument, findTickedIndicators } from "@/lib/thresholds/data";
import { suggestLevel } from "@/lib/thresholds/policy";
import { assessSchema } from "@/lib/thresholds/schema";

export const POST = publicApiRoute<{ version: string }>(async ({ params, request }) => {
  const document = findThresholdDocument(params.version);
  if (!document) return apiError("NOT_FOUND");
  const body = await parseBody(request, assessSchema);
  if (!body.ok) return body.response;
  const { found, unknown } = findTickedIndicators(document, body.data.indicatorIds);
  if (unknown.length > 0) {
    return apiError("INVALID", { fields: { indicatorIds: `These are not indicators of ${document.id}: ${unknown.join(", ")}` } });
  }
  const suggestion = suggestLevel(found);
  return apiJson({
    version: document.id,
    guidance: "The matrix supports professional judgement; it is never a verdict.",
    ...suggestion,
    section47: suggestion.section47.map((i) => i.id),
  });
});
