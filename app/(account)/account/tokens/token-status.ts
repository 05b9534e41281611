import type { TagColour } from "@/components/tag";

export type TokenStatus = { label: "Revoked" | "Expired" | "Active"; colour: TagColour; active: boolean };

/** A token's state in words, as its owner needs it: revoked outranks expired, because it was a choice. */
export function tokenStatusOf(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): TokenStatus {
  if (token.revokedAt) return { label: "Revoked", colour: "grey", active: false };
  if (token.expiresAt <= now) return { label: "Expired", colour: "yellow", active: false };
  return { label: "Active", colour: "green", active: true };
}
