"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies text to the clipboard and says so in a live region, so a screen reader hears it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Button
        variant="secondary"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setStatus("copied"),
            () => setStatus("failed"),
          );
        }}
      >
        {label}
      </Button>
      <p role="status" className="font-bold">
        {status === "copied" ? "Copied to the clipboard" : status === "failed" ? "Could not copy. Select the token and copy it yourself." : ""}
      </p>
    </div>
  );
}
