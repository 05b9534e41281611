// The phone contacts' rules that need no database: where a professional's written follow-up stands.

export type FollowUpState = "NONE" | "DUE" | "OVERDUE" | "RECEIVED";

/**
 * Where a professional's written follow-up stands: NONE when none is needed, RECEIVED once the referral is
 * linked (late or not), OVERDUE from the moment it was due, DUE before then.
 */
export function followUpState(dueAt: Date | null, linkedAt: Date | null, now: Date): FollowUpState {
  if (!dueAt) return "NONE";
  if (linkedAt) return "RECEIVED";
  return now.getTime() >= dueAt.getTime() ? "OVERDUE" : "DUE";
}
