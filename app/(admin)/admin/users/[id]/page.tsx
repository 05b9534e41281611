import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { BackLink } from "@/components/back-link";
import { recordView } from "@/lib/audit/mutations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findUserForAdmin, listAgencies } from "@/lib/auth/data";
import { requirePermission, titleIfFound } from "@/lib/auth/require-user";
import { ChangeUserForm } from "./change-user-form";
import { isUuid } from "@/lib/ids";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;


// Read once per request, for both the title and the page. Anything that is not an id cannot be a user, and
// asking the database would only raise an error. findUserForAdmin returns nothing to a non-administrator.
const loadUser = cache(async (id: string) => {
  const actor = await getCurrentUser();
  if (!actor || !isUuid(id)) return null;
  return findUserForAdmin(actor, id);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: titleIfFound(await loadUser(id), "Change user") };
}

export default async function ChangeUserPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await requirePermission(`/admin/users/${encodeURIComponent(id)}`, "users:manage");
  const [user, agencies] = await Promise.all([loadUser(id), listAgencies()]);
  if (!user) notFound();
  await recordView({ actorId: actor.id, entityType: "User", entityId: user.id, requestId: (await headers()).get("x-request-id") });
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <ChangeUserForm
        user={{ id: user.id, email: user.email, name: user.name, jobTitle: user.jobTitle, phone: user.phone, role: user.role, agencyId: user.agencyId, active: user.active }}
        isSelf={user.id === actor.id}
        agencies={agencies.map(({ id: agencyId, name }) => ({ id: agencyId, name }))}
      />
    </>
  );
}
