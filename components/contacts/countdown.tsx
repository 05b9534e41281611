"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/format-date-time";
import { Tag } from "@/components/tag";
import { clockState, describeRemaining } from "@/lib/contacts/deadlines";

const TICK_MS = 30_000;

/**
 * The time left on a RAG clock ("59 minutes left", "Overdue by 3 minutes"), updated every 30 seconds, with the
 * exact London time in a <time> element and "Due soon" or "Overdue" in words, not colour alone. It is not a
 * live region: a screen reader reads it when it reaches it, rather than hearing every tick.
 *
 * The first render uses the server's time (`renderedAt`), so the HTML matches; the browser's clock takes over
 * straight after.
 */
export function Countdown({ deadline, warningAt, renderedAt }: { deadline: string; warningAt: string; renderedAt: string }) {
  const [now, setNow] = useState(() => new Date(renderedAt).getTime());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const every = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, []);

  const due = new Date(deadline);
  const at = new Date(now);
  const state = clockState(due, new Date(warningAt), at);
  return (
    <span className="block">
      {state !== "ON_TIME" && (
        <>
          <Tag colour={state === "OVERDUE" ? "red" : "yellow"}>{state === "OVERDUE" ? "Overdue" : "Due soon"}</Tag>{" "}
        </>
      )}
      <strong className="font-bold">{describeRemaining(due, at)}</strong>
      <span className="block text-muted">
        Due by <time dateTime={deadline}>{formatDateTime(due)}</time>
      </span>
    </span>
  );
}
