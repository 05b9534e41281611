"use client";

import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/button";
import { ErrorSummary } from "@/components/error-summary";
import { FileUpload } from "@/components/file-upload";
import { uploadAttachmentAction, type AttachmentFormState } from "@/lib/referral/actions";
import { ATTACHMENT_MESSAGES, ATTACHMENT_RULES } from "@/lib/referral/policy";

const INITIAL: AttachmentFormState = { key: "initial", fieldErrors: {}, message: null };

/**
 * A multipart form posted to a server action: it works without JavaScript. With it, a file that is too big
 * is refused before it is sent; the server checks the size, the type (from the bytes) and the count anyway.
 */
export function UploadForm({ draftId, permalink, hint, full }: { draftId: string; permalink: string; hint: React.ReactNode; full: boolean }) {
  const [state, formAction, pending] = useActionState(uploadAttachmentAction, INITIAL, permalink);
  const [browserError, setBrowserError] = useState<{ forKey: string; message: string } | null>(null);
  const fileError = (browserError?.forKey === state.key ? browserError.message : undefined) ?? state.fieldErrors.file;
  const summary = [...(state.message ? [{ message: state.message }] : []), ...(fileError ? [{ message: fileError, fieldId: "file" }] : [])];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    const problem = !file ? ATTACHMENT_MESSAGES.noName : file.size > ATTACHMENT_RULES.maxBytes ? ATTACHMENT_MESSAGES.tooBig : null;
    if (problem) {
      event.preventDefault();
      setBrowserError({ forKey: state.key, message: problem });
    } else {
      setBrowserError(null);
    }
  }

  return (
    <>
      <ErrorSummary errors={summary} focusKey={`${state.key}:${browserError?.message ?? ""}`} />
      {summary.length > 0 && <title>{`Error: Attachments – Northamptonshire MASH`}</title>}
      {full ? (
        <p className="mb-8">You have attached {ATTACHMENT_RULES.maxPerReferral} files, the most allowed. Remove one to attach another.</p>
      ) : (
        <form action={formAction} onSubmit={onSubmit} noValidate className="mb-10">
          <input type="hidden" name="draftId" value={draftId} />
          <FileUpload id="file" name="file" label="Upload a file" hint={hint} error={fileError} accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg" />
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Uploading…" : "Upload file"}
          </Button>
        </form>
      )}
    </>
  );
}
