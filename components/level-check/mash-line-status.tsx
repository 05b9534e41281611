"use client";

import { useEffect, useState } from "react";
import { isMashLineOpen } from "@/lib/thresholds/policy";

/**
 * Whether the MASH line is open right now, by the reader's clock (so tests can set it). Rendered after
 * mount: the server's guess could be stale by the time the page is read.
 */
export function MashLineStatus() {
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => {
    const update = () => setOpen(isMashLineOpen(new Date()));
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
  }, []);

  if (open === null) return <p>The MASH line is open 09:00 to 17:00, Monday to Friday.</p>;
  return open ? (
    <p data-testid="mash-line-status">
      <strong>The MASH line is open now</strong> (09:00 to 17:00, Monday to Friday): call{" "}
      <a className="link font-bold" href="tel:+443001267000">
        0300 126 7000
      </a>
      .
    </p>
  ) : (
    <p data-testid="mash-line-status">
      <strong>The MASH line is closed now</strong> (it is open 09:00 to 17:00, Monday to Friday). Out of hours, call the Emergency Social Work Team on{" "}
      <a className="link font-bold" href="tel:+441604626938">
        01604 626938
      </a>
      .
    </p>
  );
}
