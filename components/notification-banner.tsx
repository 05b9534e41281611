"use client";

import { useEffect, useId, useRef } from "react";

/**
 * GOV.UK notification banner. A success banner is announced and focused, because it confirms what the
 * person just did; an important one is simply read in page order.
 */
export function NotificationBanner({ type = "important", title, children }: { type?: "important" | "success"; title?: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const success = type === "success";
  const titleId = useId();
  useEffect(() => {
    if (success) ref.current?.focus();
  }, [success]);
  return (
    <div
      ref={ref}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
      data-focus-ring={success ? "" : undefined}
      className={`mb-8 border-[5px] ${success ? "border-success bg-success" : "border-brand bg-brand"}`}
    >
      <h2 id={titleId} className="px-4 pt-0.5 pb-1 text-base font-bold text-white">
        {title ?? (success ? "Success" : "Important")}
      </h2>
      <div className="bg-white px-4 py-4 text-lg font-bold md:text-2xl">{children}</div>
    </div>
  );
}
