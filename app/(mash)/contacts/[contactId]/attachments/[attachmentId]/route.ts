import { headers } from "next/headers";
import { recordView } from "@/lib/audit/mutations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findContactAttachment } from "@/lib/contacts/data";

// A file the referrer attached, for anyone who may open the contact it came with (findContactAttachment
// decides, with the same scope as the contact itself). Anyone else, signed out or not, gets the same 404 as
// for a file that does not exist. Always a download, never shown in the page, and never cached, so an
// uploaded file cannot run as part of this site. Opening it is recorded, as opening the contact is.

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/** RFC 6266/8187: a plain-ASCII fallback name, and the real one percent-encoded as UTF-8. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "attachment";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ contactId: string; attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return notFound();
  const { contactId, attachmentId } = await params;
  const file = await findContactAttachment(user, contactId, attachmentId);
  if (!file) return notFound();
  await recordView({ actorId: user.id, entityType: "Attachment", entityId: attachmentId, requestId: (await headers()).get("x-request-id") });
  return new Response(Buffer.from(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.content.byteLength),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
