import { apiError, type ApiContext } from "@/lib/api/handler";
import { respondWith } from "@/lib/api/respond";
import { can } from "@/lib/auth/policy";
import { recordPhoneContact, recordPoliceNotification } from "./mutations";
import { INTAKE_TYPE_MESSAGE } from "./schema";

// POST /api/v1/contacts: a MASH officer's case system records a phone contact ({ "type": "PHONE", … }), or a
// police system sends a police protection notification ({ "type": "POLICE_NOTIFICATION", … }). The
// mutations check the permission (and that a notification comes from a police partner) before the body.

export async function postContact({ user, request, requestId }: ApiContext<Record<string, never>>): Promise<Response> {
  if (!can(user, "contacts:record-phone") && !can(user, "contacts:notify-police")) return apiError("FORBIDDEN");
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return apiError("BAD_REQUEST");
  }
  const type = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as { type?: unknown }).type : undefined;
  const result =
    type === "PHONE"
      ? await recordPhoneContact(user, body, { requestId })
      : type === "POLICE_NOTIFICATION"
        ? await recordPoliceNotification(user, body, { requestId })
        : null;
  if (!result) return apiError("INVALID", { fields: { type: INTAKE_TYPE_MESSAGE } });
  if (!result.ok && result.reason === "FORBIDDEN") {
    const message = type === "PHONE" ? "Only MASH officers and managers record phone contacts." : "Only a police partner agency's users send police protection notifications.";
    return apiError("FORBIDDEN", { message });
  }
  return respondWith(result, ({ phoneContactId, reference, contactIds }) => ({ phoneContactId, reference, contacts: contactIds.map((id) => ({ id })) }), 201);
}
