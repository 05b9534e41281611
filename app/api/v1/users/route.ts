import { apiJson, apiRoute, parseBody } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { listUsers } from "@/lib/auth/data";
import { createUser } from "@/lib/auth/mutations";
import { createUserSchema } from "@/lib/auth/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "users:manage" }, async ({ user }) => {
  const users = await listUsers(user);
  return apiJson({ users: users.map(({ agency, ...rest }) => ({ ...rest, agencyName: agency?.name ?? null })) });
});

export const POST = apiRoute({ permission: "users:manage" }, async ({ user, request, requestId }) => {
  const body = await parseBody(request, createUserSchema);
  if (!body.ok) return body.response;
  return respondWith(await createUser(body.data, { actor: user, requestId }), (r) => ({ id: r.userId }), 201);
});
