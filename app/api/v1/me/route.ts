import { apiJson, apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute({}, async ({ user }) =>
  apiJson({ id: user.id, email: user.email, name: user.name, jobTitle: user.jobTitle, role: user.role, agency: user.agencyId ? { id: user.agencyId, name: user.agencyName } : null }),
);
