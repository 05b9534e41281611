"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const EVERY_MS = 15_000;

/**
 * Keeps a queue current without a reload: every 15 seconds while the tab is visible (and on coming back to
 * it) the server draws the page again. When the number awaiting a rating grows, a polite live region says
 * so ("2 new contacts"), once.
 */
export function QueueRefresher({ awaiting }: { awaiting: number }) {
  const router = useRouter();
  const [seen, setSeen] = useState(awaiting);
  const [announcement, setAnnouncement] = useState("");
  if (awaiting !== seen) {
    // Adjusting state to a new prop while rendering, as React recommends, rather than in an effect.
    setSeen(awaiting);
    const added = awaiting - seen;
    setAnnouncement(added > 0 ? `${added} new contact${added === 1 ? "" : "s"}` : "");
  }

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, EVERY_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router]);

  return (
    <div aria-live="polite">
      {announcement && <p className="mb-6 border-l-[5px] border-brand bg-nav px-4 py-2 font-bold">{announcement}</p>}
    </div>
  );
}
