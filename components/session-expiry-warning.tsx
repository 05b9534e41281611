"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { SESSION_IDLE_MINUTES } from "@/lib/auth/policy";
import { Button } from "./button";

const WARN_MINUTES_BEFORE = 5;

type Phase = "quiet" | "warning" | "ended";

/**
 * Warns before the session's idle limit ends it, so nobody loses a long answer. The clock starts when the
 * page loads and again whenever `activityKey` changes (a save). "Stay signed in" asks the server, which
 * counts as activity. Nothing typed is ever thrown away here: if the session has ended, the page says how
 * to sign in again in a new tab and come back to save.
 */
export function SessionExpiryWarning({
  staySignedIn,
  activityKey,
  idleMinutes = SESSION_IDLE_MINUTES,
}: {
  /** A server action that only checks the session (and so keeps it alive); false when it has ended. */
  staySignedIn: () => Promise<boolean>;
  activityKey?: string | number;
  idleMinutes?: number;
}) {
  const [restartedAt, setRestartedAt] = useState(0);
  // Each save or "Stay signed in" starts a new cycle; a phase reached in an earlier cycle no longer counts.
  const cycle = `${activityKey ?? ""}:${restartedAt}`;
  const [reached, setReached] = useState<{ cycle: string; phase: Phase }>({ cycle, phase: "quiet" });
  const phase = reached.cycle === cycle ? reached.phase : "quiet";
  const [checking, startChecking] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const warn = setTimeout(() => setReached({ cycle, phase: "warning" }), (idleMinutes - WARN_MINUTES_BEFORE) * 60_000);
    const end = setTimeout(() => setReached({ cycle, phase: "ended" }), idleMinutes * 60_000);
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [cycle, idleMinutes]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (phase === "quiet" && dialog.open) dialog.close();
    if (phase !== "quiet" && !dialog.open) dialog.showModal();
  }, [phase]);

  function check() {
    startChecking(async () => {
      const alive = await staySignedIn().catch(() => false);
      if (alive) setRestartedAt(Date.now());
      else setReached({ cycle, phase: "ended" });
    });
  }

  return (
    <dialog
      ref={dialogRef}
      role="alertdialog"
      aria-labelledby="session-expiry-title"
      aria-describedby="session-expiry-body"
      onCancel={(event) => {
        // Escape means "carry on": treat it as "Stay signed in" rather than leave a warning unanswered.
        event.preventDefault();
        check();
      }}
      className="m-auto w-[min(36rem,calc(100%-2rem))] border-[5px] border-ink bg-white p-6 text-ink backdrop:bg-ink/80"
    >
      {phase === "ended" ? (
        <>
          <h2 id="session-expiry-title" className="mb-4 text-2xl font-bold">
            You may have been signed out
          </h2>
          <div id="session-expiry-body" className="mb-6 space-y-3">
            <p>You have not saved for {idleMinutes} minutes, so for your security we may have signed you out.</p>
            <p>
              What you typed is still on this page. If you were signed out,{" "}
              <a href="/sign-in" target="_blank" rel="noopener" className="link">
                sign in again in a new tab (opens in new tab)
              </a>
              , then come back here and save.
            </p>
          </div>
          <Button onClick={check} disabled={checking}>
            {checking ? "Checking…" : "I have signed in again"}
          </Button>
        </>
      ) : (
        <>
          <h2 id="session-expiry-title" className="mb-4 text-2xl font-bold">
            You will be signed out soon
          </h2>
          <div id="session-expiry-body" className="mb-6 space-y-3">
            <p>
              For your security, we will sign you out in {WARN_MINUTES_BEFORE} minutes if you do nothing. Anything you have not saved on this page
              would then need saving after you sign in again.
            </p>
          </div>
          <Button onClick={check} disabled={checking}>
            {checking ? "Checking…" : "Stay signed in"}
          </Button>
        </>
      )}
    </dialog>
  );
}
