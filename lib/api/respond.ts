import type { ActionResult } from "@/lib/result";
import { apiError, apiJson } from "./handler";

/** Maps a mutation's outcome to the API's status codes and error shape. */
export function respondWith<T>(result: ActionResult<T>, toBody: (ok: { ok: true } & T) => unknown, status = 200): Response {
  if (result.ok) return apiJson(toBody(result), status);
  switch (result.reason) {
    case "INVALID":
    case "CONSENT_REQUIRED":
      return apiError(result.reason, { fields: result.fieldErrors });
    case "UNEXPECTED":
      return apiError("UNEXPECTED", { requestId: result.reference });
    case "CONFLICT":
      return apiError("CONFLICT", result.message ? { message: result.message } : {});
    default:
      return apiError(result.reason);
  }
}
