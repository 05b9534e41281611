import { getServerSession } from "next-auth";
import { cache } from "react";
import type { SessionUser } from "./data";
import { authOptions } from "./options";
import { resolveSession } from "./resolve";

/** The signed-in user for this request, checked against the database; null when signed out or expired. */
export const getCurrentUser = cache(async (): Promise<(SessionUser & { sessionId: string }) | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  return resolveSession(session?.sid);
});
