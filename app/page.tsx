import Link from "next/link";
import { ButtonLink } from "@/components/button";
import { EmergencyContacts } from "@/components/emergency-contacts";
import { ROLE_SUMMARIES } from "@/components/role-summary";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listNavigationItems } from "@/lib/auth/navigation";
import { deliveryModeFor } from "@/lib/notify/policy";
import { ROLE_LABELS } from "@/lib/auth/policy";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) return <SignedOutHome />;

  const cards = listNavigationItems(user.role, { mailbox: deliveryModeFor(process.env) === "mailbox" }).filter((item) => item.href !== "/");
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold md:text-5xl">Welcome, {user.name}</h1>
      <p className="mb-4 text-lg md:text-2xl">
        You are signed in as {ROLE_LABELS[user.role]}
        {user.agencyName ? ` at ${user.agencyName}` : ""}.
      </p>
      <p className="mb-8 max-w-3xl">{ROLE_SUMMARIES[user.role]}</p>
      {cards.length > 0 && (
        <>
          <h2 className="mb-4 text-xl font-bold md:text-3xl">What you can do</h2>
          <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {cards.map((card) => (
              <li key={card.href} className="border-t-4 border-brand bg-panel p-4">
                <h3 className="mb-2 text-lg font-bold md:text-2xl">
                  <Link href={card.href} className="link">
                    {card.label}
                  </Link>
                </h3>
                <p>{card.description}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function SignedOutHome() {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Northamptonshire Multi-Agency Safeguarding Hub</h1>
      <p className="mb-4 text-lg md:text-2xl">Use this service if you work with children in Northamptonshire and you are worried about a child.</p>
      <p className="mb-2">You can:</p>
      <ul className="mb-6 list-disc space-y-2 pl-6">
        <li>check your concern against the threshold guidance (Right Help, Right Time), which helps you decide the level of need</li>
        <li>make a referral to the MASH when a child may need protection</li>
        <li>ask for early help from Children and Families Support Services (CFSS) when a family needs coordinated support</li>
      </ul>
      <p className="mb-6">
        Anyone can read the{" "}
        <Link href="/thresholds" className="link">
          Threshold guidance
        </Link>{" "}
        without an account, and{" "}
        <Link href="/thresholds/check" className="link">
          check the level of need
        </Link>{" "}
        for a child.
      </p>
      <p className="mb-6">Professionals need an account. Your organisation&apos;s administrator can give you one.</p>
      <div className="mb-10">
        <ButtonLink href="/sign-in" start>
          Sign in
        </ButtonLink>
      </div>
      <EmergencyContacts headingLevel={2} />
    </div>
  );
}
