"use client";

import { Button } from "./button";

/** Opens the browser's print dialogue (print, or save as PDF). Not printed itself. */
export function PrintButton({ children }: { children: React.ReactNode }) {
  return (
    <div data-print-hide="">
      <Button variant="secondary" onClick={() => window.print()}>
        {children}
      </Button>
    </div>
  );
}
