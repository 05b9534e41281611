import { getCurrentUser } from "@/lib/auth/current-user";
import { findAttachmentForDownload } from "@/lib/referral/data";

// A file attached to a draft or referral. Who may open it is decided in findAttachmentForDownload (for now,
// its owner); anyone else, signed out or not, gets the same 404 as for a file that does not exist. The file is always downloaded, never shown in the page, and
// never cached, so an uploaded file cannot run as part of this site.

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/** RFC 6266/8187: a plain-ASCII fallback name, and the real one percent-encoded as UTF-8. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "attachment";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return notFound();
  const file = await findAttachmentForDownload(user, (await params).attachmentId);
  if (!file) return notFound();
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
