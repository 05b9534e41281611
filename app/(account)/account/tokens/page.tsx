import type { Metadata } from "next";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { Tag } from "@/components/tag";
import { listApiTokensForUser } from "@/lib/auth/data";
import { requirePermission, titleIfPermitted } from "@/lib/auth/require-user";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";
import { tokenStatusOf } from "./token-status";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await titleIfPermitted("tokens:own", "API tokens") };
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("/account/tokens", "tokens:own");
  const now = new Date();
  const [rows, params] = await Promise.all([listApiTokensForUser(user), searchParams]);
  const tokens = rows.map((token) => ({
    ...token,
    status: tokenStatusOf(token, now),
    created: formatDateTime(token.createdAt),
    expires: formatDateTime(token.expiresAt),
    lastUsed: token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never",
  }));

  // Named from the caller's own tokens, so an id in the address cannot make the page say anything else.
  const revoked = tokens.find((token) => token.id === params.revoked && !token.status.active);

  return (
    <>
      {revoked && <NotificationBanner type="success">Token “{revoked.name}” has been revoked</NotificationBanner>}
      {/* A fresh form after a revoke: a just-created token must not stay on screen once it may be the one revoked. */}
      <CreateTokenForm key={revoked?.id ?? "create"}>
        <h1 className="mb-6 text-3xl font-bold md:text-5xl">API tokens</h1>
        <p className="mb-4 max-w-3xl">
          An API token lets a script or another system use the MASH API as you, with your role and nothing more. Treat it like a password: do
          not share it or put it in an e-mail.
        </p>
        <p className="mb-8 max-w-3xl">If a token may have been seen by someone else, revoke it and create a new one.</p>
      </CreateTokenForm>

      <h2 className="mt-12 mb-4 text-2xl font-bold md:text-3xl">Your tokens</h2>
      {tokens.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <>
          <table className="hidden w-full border-collapse text-left text-base lg:table">
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Starts with
                </th>
                <th scope="col" className="py-2 pr-4">
                  Created
                </th>
                <th scope="col" className="py-2 pr-4">
                  Expires
                </th>
                <th scope="col" className="py-2 pr-4">
                  Last used
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
              {tokens.map((token) => (
                <tr key={token.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-3 pr-4 font-bold break-words">
                    {token.name}
                  </th>
                  <td className="py-3 pr-4 font-mono">{token.prefix}…</td>
                  <td className="py-3 pr-4">{token.created}</td>
                  <td className="py-3 pr-4">{token.expires}</td>
                  <td className="py-3 pr-4">{token.lastUsed}</td>
                  <td className="py-3 pr-4">
                    <Tag colour={token.status.colour}>{token.status.label}</Tag>
                  </td>
                  <td className="py-3">{token.status.active && <RevokeTokenButton tokenId={token.id} tokenName={token.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {/* Seven columns do not fit a phone or a narrow window: each token becomes a card there. */}
          <ul className="border-t border-rule lg:hidden">
            {tokens.map((token) => (
              <li key={token.id} className="border-b border-rule py-4">
                <h3 className="mb-2 text-lg font-bold break-words">{token.name}</h3>
                <dl className="mb-3 space-y-1">
                  <div>
                    <dt className="inline font-bold">Starts with: </dt>
                    <dd className="inline font-mono">{token.prefix}…</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Created: </dt>
                    <dd className="inline">{token.created}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Expires: </dt>
                    <dd className="inline">{token.expires}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Last used: </dt>
                    <dd className="inline">{token.lastUsed}</dd>
                  </div>
                  <div>
                    <dt className="inline font-bold">Status: </dt>
                    <dd className="inline">
                      <Tag colour={token.status.colour}>{token.status.label}</Tag>
                    </dd>
                  </div>
                </dl>
                {token.status.active && <RevokeTokenButton tokenId={token.id} tokenName={token.name} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
