import { headers } from "next/headers";

/**
 * Whether this render answers a form post (a server action), rather than a visit. Without JavaScript, the
 * page a form posts to is drawn again with the action's answer; if the session ended meanwhile, that page
 * must still show the form with everything typed, not send the person to sign in and lose it.
 */
export async function isFormPost(): Promise<boolean> {
  const request = await headers();
  const type = request.get("content-type") ?? "";
  return request.has("next-action") || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}
