import { apiJson, publicApiRoute } from "@/lib/api/handler";
import { listThresholdVersions } from "@/lib/thresholds/data";

// Public guidance: no token, and cacheable (a published version never changes).
export const GET = publicApiRoute(async () => {
  const response = apiJson({ versions: listThresholdVersions() });
  response.headers.set("Cache-Control", "public, max-age=3600");
  return response;
});
