import type { NotificationMessage } from "@/lib/notifications/mutations";
import { timeframes, type Rating } from "../timeframes";

// The words of the clock alerts. E-mail is not a secure channel: they name the contact's reference, never
// the child or the worry; the reader opens the service for the rest.

const MINUTE = 60_000;
const londonDateTime = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" });

const RATING_WORDS: Record<Rating, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

export type RungClock = { contactId: string; reference: string; rating: Rating; ratedAt: Date; deadlineAt: Date };

const counted = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * The time left before a deadline, to the nearest minute, as an alert says it: "15 minutes", "3 hours",
 * "2 hours 59 minutes", "4 days". Rounded rather than cut down like the screen's countdown: a warning
 * that runs a second after its time should still say "15 minutes", not "14".
 */
export function describeTimeLeft(milliseconds: number): string {
  const minutes = Math.round(milliseconds / MINUTE);
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return counted(minutes, "minute");
  if (minutes >= 48 * 60) return counted(Math.round(minutes / (24 * 60)), "day");
  const hours = counted(Math.floor(minutes / 60), "hour");
  return minutes % 60 === 0 ? hours : `${hours} ${counted(minutes % 60, "minute")}`;
}

/** "1-hour", "24-hour", "5-working-day": the rating's timeframe as the policy in force states it. */
function timeframeWords(rating: Rating): string {
  const timeframe = timeframes()[rating];
  return "hours" in timeframe ? `${timeframe.hours}-hour` : `${timeframe.workingDays}-working-day`;
}

export function clockWarningMessage(clock: RungClock, now: Date): NotificationMessage {
  const rating = RATING_WORDS[clock.rating];
  const timeLeft = describeTimeLeft(clock.deadlineAt.getTime() - now.getTime());
  return {
    kind: "clock.warning",
    contactId: clock.contactId,
    title: `${rating} contact ${clock.reference}: screening due in ${timeLeft}`,
    body: `Contact ${clock.reference} was rated ${rating} on ${londonDateTime.format(clock.ratedAt)}. Its screening is due by ${londonDateTime.format(clock.deadlineAt)}, in ${timeLeft}.`,
    path: `/contacts/${clock.contactId}`,
  };
}

export function clockBreachMessage(clock: RungClock): NotificationMessage {
  const rating = RATING_WORDS[clock.rating];
  const timeframe = timeframeWords(clock.rating);
  return {
    kind: "clock.breached",
    contactId: clock.contactId,
    title: `${rating} contact ${clock.reference}: the ${timeframe} screening deadline has passed`,
    body: `Contact ${clock.reference} was rated ${rating} on ${londonDateTime.format(clock.ratedAt)}. Its ${timeframe} screening deadline passed at ${londonDateTime.format(clock.deadlineAt)} with the contact still open.`,
    path: `/contacts/${clock.contactId}`,
  };
}
