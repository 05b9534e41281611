import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { listAgencies } from "@/lib/auth/data";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import { CreateUserForm } from "./create-user-form";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("users:manage", "Add a user") };
}

export default async function NewUserPage() {
  await requirePermission("/admin/users/new", "users:manage");
  const agencies = await listAgencies();
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <CreateUserForm agencies={agencies.map(({ id, name }) => ({ id, name }))} />
    </>
  );
}
