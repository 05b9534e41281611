import type { ActionFailure } from "@/lib/result";

// One catalogue of the words a person sees when a form cannot be saved. Never the server's own error
// text: an unexpected failure shows only the reference that matches the server log.

export function describeActionFailure(failure: Exclude<ActionFailure, { reason: "INVALID" }>, notFound = "We could not find that record. It may have been removed."): string {
  switch (failure.reason) {
    case "UNAUTHENTICATED":
      return "Your session has ended. Sign in again in a new tab, then come back and try again. What you typed is still here.";
    case "FORBIDDEN":
      return "You do not have permission to do this. Ask an administrator if you think you should.";
    case "NOT_FOUND":
      return notFound;
    case "CONFLICT":
      return "Someone else changed this at the same time. Check the details, then try again.";
    case "CONSENT_REQUIRED":
      return "This cannot be sent until consent is recorded, or the reason to go ahead without it. Check the consent answers.";
    case "UNEXPECTED":
      return `Something went wrong. Try again. If it keeps happening, quote reference ${failure.reference}.`;
  }
}
