import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/require-user";
import type { PhoneContactFormState } from "@/lib/contacts/phone/actions";
import { isFormPost } from "@/app/(practitioner)/referrals/form-post";
import { PhoneContactForm } from "./phone-contact-form";

export const dynamic = "force-dynamic";

const PATH = "/contacts/phone/new";

export async function generateMetadata(): Promise<Metadata> {
  // The form writes its own <title> ("Error: " first when a post comes back with problems, which metadata
  // cannot know without JavaScript); a second one from here would win, as the first in the document.
  return { title: can(await getCurrentUser(), "contacts:record-phone") ? null : "Page not found" };
}

const BLANK: PhoneContactFormState = { key: "initial", values: {}, fieldErrors: {}, message: null };

export default async function NewPhoneContactPage() {
  const user = await getCurrentUser();
  if (!user) {
    // The session ended while the officer was typing and the form was posted (without JavaScript): show the
    // form again with what was typed (the action's answer) rather than lose it to the sign-in page.
    if (await isFormPost()) return <PhoneContactForm permalink={PATH} initialState={{ ...BLANK, key: "session-ended" }} />;
    await requireUser(PATH);
    return null;
  }
  if (!can(user, "contacts:record-phone")) notFound();
  return (
    <>
      <BackLink href="/contacts">Back to contacts</BackLink>
      <PhoneContactForm permalink={PATH} initialState={BLANK} />
    </>
  );
}
