import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { NotificationBanner } from "@/components/notification-banner";
import { Tag } from "@/components/tag";
import { listUsers } from "@/lib/auth/data";
import { ROLE_LABELS } from "@/lib/auth/policy";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("users:manage", "Users") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("/admin/users", "users:manage");
  const [users, params] = await Promise.all([listUsers(actor), searchParams]);
  // The banner names the person from our own list, so a made-up id in the address shows nothing.
  const added = users.find((user) => user.id === params.added);
  const updated = users.find((user) => user.id === params.updated);

  return (
    <>
      {added && <NotificationBanner type="success">{added.name} has been added</NotificationBanner>}
      {updated && <NotificationBanner type="success">Changes to {updated.name} have been saved</NotificationBanner>}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Users</h1>
      <p className="mb-6">Everyone who can sign in to the service. Deactivated accounts cannot sign in or use API tokens.</p>
      <div className="mb-8">
        <ButtonLink href="/admin/users/new">Add a user</ButtonLink>
      </div>

      {users.length === 0 ? (
        <p>There are no users yet.</p>
      ) : (
        <>
          <table className="hidden w-full border-collapse text-left text-base md:table">
            <caption className="mb-4 text-left text-xl font-bold">
              {users.length} {users.length === 1 ? "user" : "users"}
            </caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  E-mail address
                </th>
                <th scope="col" className="py-2 pr-4">
                  Role
                </th>
                <th scope="col" className="py-2 pr-4">
                  Agency
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-3 pr-4 font-bold">
                    {user.name}
                  </th>
                  <td className="py-3 pr-4 break-all">{user.email}</td>
                  <td className="py-3 pr-4">{ROLE_LABELS[user.role]}</td>
                  <td className="py-3 pr-4">{user.agency?.name ?? "None"}</td>
                  <td className="py-3 pr-4">
                    <Tag colour={user.active ? "green" : "grey"}>{user.active ? "Active" : "Deactivated"}</Tag>
                  </td>
                  <td className="py-3">
                    <Link href={`/admin/users/${user.id}`} className="link">
                      Change<span className="sr-only"> {user.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {/* On a phone each person is a small card: six columns do not fit 320 pixels. */}
          <h2 className="mb-4 text-xl font-bold md:hidden">
            {users.length} {users.length === 1 ? "user" : "users"}
          </h2>
          <ul className="border-t border-rule md:hidden">
            {users.map((user) => (
              <li key={user.id} className="border-b border-rule py-4">
                <h3 className="mb-1 text-lg font-bold">{user.name}</h3>
                <dl className="mb-2 space-y-1">
                  <div>
                    <dt className="inline font-bold">E-mail: </dt>
                    <dd className="inline break-all">{user.email}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Role: </dt>
                    <dd className="inline">{ROLE_LABELS[user.role]}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Agency: </dt>
                    <dd className="inline">{user.agency?.name ?? "None"}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Status: </dt>
                    <dd className="inline">
                      <Tag colour={user.active ? "green" : "grey"}>{user.active ? "Active" : "Deactivated"}</Tag>
                    </dd>
                  </div>
                </dl>
                <Link href={`/admin/users/${user.id}`} className="link">
                  Change<span className="sr-only"> {user.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
