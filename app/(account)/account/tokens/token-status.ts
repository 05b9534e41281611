import type { TagColour } from "@/components/tag";
import { tokenState } from "@/lib/auth/policy";

export type TokenStatus = { label: "Revoked" | "Expired" | "Active"; colour: TagColour; active: boolean };

const STATUS: Record<ReturnType<typeof tokenState>, TokenStatus> = {
  REVOKED: { label: "Revoked", colour: "grey", active: false },
  EXPIRED: { label: "Expired", colour: "yellow", active: false },
  ACTIVE: { label: "Active", colour: "green", active: true },
};

/** A token's state in words and colour, for its owner. */
export function tokenStatusOf(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): TokenStatus {
  return STATUS[tokenState(token, now)];
}
