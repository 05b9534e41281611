import { apiError, apiJson, publicApiRoute } from "@/lib/api/handler";
import { findThresholdDocument, listSection47Indicators } from "@/lib/thresholds/data";

export const GET = publicApiRoute<{ version: string }>(async ({ params }) => {
  const document = findThresholdDocument(params.version);
  if (!document) return apiError("NOT_FOUND");
  const { id, title, status, publishedOn, levels, domains } = document;
  const response = apiJson({
    id,
    title,
    status,
    publishedOn,
    levels,
    domains: domains.map((domain) => ({
      id: domain.id,
      name: domain.name,
      cells: domain.cells.map((cell) => ({ level: cell.level, indicators: cell.indicators.map(({ id, text, subItems, s47 }) => ({ id, text, subItems, s47 })) })),
    })),
    section47Indicators: listSection47Indicators(document),
  });
  // A published version is never edited, so it can be cached for a day.
  response.headers.set("Cache-Control", "public, max-age=86400");
  return response;
});
