"use client";

import { useEffect } from "react";
import { Button } from "@/components/button";

// Shows a reference, never the error's own text: that may hold personal or system details. The reference
// (Next's digest) matches the line in the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const reference = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    document.title = "Sorry, there is a problem with the service – Northamptonshire MASH";
  }, []);

  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again. What you were doing may not have been saved.</p>
      {reference && (
        <p className="mb-4">
          If it keeps happening, quote reference <strong className="font-mono">{reference}</strong>.
        </p>
      )}
      <p className="mb-6">If a child is in immediate danger, do not wait: use the phone numbers at the bottom of this page.</p>
      <Button onClick={() => retry()}>Try again</Button>
    </div>
  );
}
