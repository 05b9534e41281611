import { describe, expect, it } from "vitest";
import { failedForm } from "@/lib/forms/form-state";
import { conflict, FORBIDDEN, invalid, NOT_FOUND } from "@/lib/result";

const wording = { forbidden: "Only a tester can do this.", notFound: "We could not find this test.", conflict: "This test changed. Reload it." };
const values = { name: "Ada" };

describe("failedForm", () => {
  it("keeps what was typed, with the shared words for an ended session, a missing consent and the unexpected", () => {
    expect(failedForm(values, { ok: false, reason: "UNAUTHENTICATED" }, wording)).toMatchObject({
      values,
      fieldErrors: {},
      message: "Your session has ended, so this was not saved. Sign in again in a new tab, then come back and try again. What you typed is still here.",
    });
    expect(failedForm(values, { ok: false, reason: "CONSENT_REQUIRED", fieldErrors: { consent: "Record consent" } }, wording)).toMatchObject({
      fieldErrors: {},
      message: "This cannot be done until consent is recorded.",
    });
    expect(failedForm(values, { ok: false, reason: "UNEXPECTED", reference: "req-42" }, wording).message).toBe(
      "Something went wrong and this was not saved. Try again. If it keeps happening, quote reference req-42.",
    );
  });

  it("uses the form's own words for forbidden, not found and a conflict without a message of its own", () => {
    expect(failedForm(values, FORBIDDEN, wording).message).toBe(wording.forbidden);
    expect(failedForm(values, NOT_FOUND, wording).message).toBe(wording.notFound);
    expect(failedForm(values, { ok: false, reason: "CONFLICT" }, wording).message).toBe(wording.conflict);
    expect(failedForm(values, conflict("The service manager has decided."), wording).message).toBe("The service manager has decided.");
  });

  it("puts each field's message on its field, and one for the whole form in the message", () => {
    expect(failedForm(values, invalid({ name: "Enter a name" }), wording)).toMatchObject({ fieldErrors: { name: "Enter a name" }, message: null });
    expect(failedForm(values, invalid({ name: "Enter a name", form: "Check the form" }), wording)).toMatchObject({
      fieldErrors: { name: "Enter a name", form: "Check the form" },
      message: "Check the form",
    });
  });

  it("moves a stale version from the fields to the message: it means reload, not a field to fix", () => {
    const state = failedForm(values, invalid({ expectedVersion: "Reload the page", form: "Check the form", name: "Enter a name" }), wording);
    expect(state.fieldErrors).toEqual({ form: "Check the form", name: "Enter a name" });
    expect(state.message).toBe("Reload the page");
  });

  it("gives every answer a new key, so the error summary takes focus again", () => {
    const first = failedForm(values, NOT_FOUND, wording);
    const second = failedForm(values, NOT_FOUND, wording);
    expect(first.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.key).not.toBe(first.key);
  });
});
