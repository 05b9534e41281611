import { apiJson, apiRoute } from "@/lib/api/handler";
import { listAgencies } from "@/lib/auth/data";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async () => apiJson({ agencies: await listAgencies() }));
