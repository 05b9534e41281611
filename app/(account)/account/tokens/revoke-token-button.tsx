"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { describeActionFailure } from "@/components/action-failure-message";
import { Button, ButtonGroup } from "@/components/button";
import { revokeApiTokenAction } from "@/lib/auth/actions";

/** "Revoke", then a second, explicit step: a revoked token cannot be brought back. */
export function RevokeTokenButton({ tokenId, tokenName }: { tokenId: string; tokenName: string }) {
  const router = useRouter();
  const [step, setStep] = useState<"idle" | "confirming" | "revoking">("idle");
  const [failure, setFailure] = useState<string | null>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  // After "Cancel" the question disappears; focus goes back to "Revoke" rather than to the top of the page.
  const returnFocus = useRef(false);
  const confirming = step !== "idle";

  useEffect(() => {
    if (step === "confirming") questionRef.current?.focus();
    if (step === "idle" && returnFocus.current) {
      returnFocus.current = false;
      revokeRef.current?.focus();
    }
  }, [step]);

  async function revoke() {
    setStep("revoking");
    setFailure(null);
    const result = await revokeApiTokenAction({ tokenId });
    if (result.ok) {
      router.push(`/account/tokens?revoked=${encodeURIComponent(tokenId)}`);
      router.refresh();
      return;
    }
    setFailure(describeActionFailure(result.reason === "INVALID" ? { ok: false, reason: "NOT_FOUND" } : result, "This token was not found. It may have been revoked already."));
    setStep("confirming");
  }

  if (!confirming) {
    return (
      <button
        ref={revokeRef}
        type="button"
        onClick={() => setStep("confirming")}
        className="cursor-pointer text-brand underline underline-offset-[0.1578em] hover:text-brand-dark hover:decoration-[3px]"
      >
        Revoke<span className="sr-only"> token “{tokenName}”</span>
      </button>
    );
  }

  return (
    <div role="group" aria-labelledby={questionId} className="max-w-sm border-l-[5px] border-error bg-panel p-3">
      <p id={questionId} ref={questionRef} tabIndex={-1} data-focus-ring className="mb-2 font-bold">
        Revoke “{tokenName}”?
      </p>
      <p className="mb-3">Anything using it stops working at once. You cannot undo this.</p>
      {failure && (
        <p role="alert" className="mb-3 font-bold text-error">
          {failure}
        </p>
      )}
      <ButtonGroup>
        <Button variant="warning" disabled={step === "revoking"} onClick={() => void revoke()}>
          {step === "revoking" ? "Revoking…" : "Yes, revoke it"}
        </Button>
        <button
          type="button"
          disabled={step === "revoking"}
          onClick={() => {
            returnFocus.current = true;
            setStep("idle");
            setFailure(null);
          }}
          className="cursor-pointer text-brand underline underline-offset-[0.1578em] hover:text-brand-dark"
        >
          Cancel
        </button>
      </ButtonGroup>
    </div>
  );
}
