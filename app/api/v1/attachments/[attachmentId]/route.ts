import { z } from "zod";
import { apiError, apiRoute } from "@/lib/api/handler";
import { findAttachmentForDownload } from "@/lib/referral/data";

export const dynamic = "force-dynamic";

// RFC 5987 / RFC 6266: browsers take the UTF-8 `filename*`; the ASCII `filename` is for the rest.
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const GET = apiRoute<{ attachmentId: string }>({ permission: "referrals:create" }, async ({ user, params }) => {
  const file = z.uuid().safeParse(params.attachmentId).success ? await findAttachmentForDownload(user, params.attachmentId) : null;
  if (!file) return apiError("NOT_FOUND");
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.content.byteLength),
      // Always a download, never shown inline: the bytes came from outside.
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
