import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_MESSAGES,
  checkAttachment,
  checkReferralLevel,
  cleanFileName,
  detectFileType,
  draftExpiryFrom,
  hasChildAged13OrOver,
  referenceFor,
} from "@/lib/referral/policy";
import { childSchema, needsSchema, sectionStatusOf, submissionFromDraft } from "@/lib/referral/schema";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const PDF = ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj");
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const DOCX = concat(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), ascii("....[Content_Types].xml....word/document.xml...."));
const XLSX = concat(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), ascii("....[Content_Types].xml....xl/workbook.xml...."));
const EXE = concat(ascii("MZ"), bytes(0x90, 0, 3, 0), ascii("This program cannot be run in DOS mode"));
const ELF = concat(bytes(0x7f), ascii("ELF"), bytes(2, 1, 1, 0));

describe("the type of an attachment comes from its bytes", () => {
  it.each([
    ["a PDF", PDF, "application/pdf"],
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a Word document", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ])("recognises %s", (_, content, type) => {
    expect(detectFileType(content)).toBe(type);
  });

  it.each([
    ["a Windows executable", EXE],
    ["a Linux executable", ELF],
    ["a spreadsheet (a ZIP without word/document.xml)", XLSX],
    ["plain text", ascii("hello")],
    ["nothing", new Uint8Array()],
  ])("refuses %s", (_, content) => {
    expect(detectFileType(content)).toBeNull();
  });

  it("refuses a renamed executable whatever it is called", () => {
    expect(checkAttachment({ name: "eha-plan.pdf", bytes: EXE }, 0)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.wrongType });
  });

  it("refuses a file over 10 MB, an empty file and a sixth file", () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(checkAttachment({ name: "big.pdf", bytes: big }, 0)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.tooBig });
    const exactly10 = big.subarray(0, 10 * 1024 * 1024);
    expect(checkAttachment({ name: "ok.pdf", bytes: exactly10 }, 0)).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(checkAttachment({ name: "empty.pdf", bytes: new Uint8Array() }, 0)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.empty });
    expect(checkAttachment({ name: "", bytes: new Uint8Array() }, 0)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.noName });
    expect(checkAttachment({ name: "six.pdf", bytes: PDF }, 5)).toEqual({ ok: false, message: ATTACHMENT_MESSAGES.tooMany });
    expect(checkAttachment({ name: "five.pdf", bytes: PDF }, 4)).toEqual({ ok: true, mediaType: "application/pdf" });
  });

  it("keeps only the file's own name, without folders or control characters", () => {
    expect(cleanFileName("C:\\Users\\sam\\EHA plan.docx")).toBe("EHA plan.docx");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("a\u0000b\nc.pdf")).toBe("abc.pdf");
    expect(cleanFileName("   ")).toBe("attachment");
  });
});

describe("references, levels and drafts", () => {
  it("formats the reference from the kind, the year and the number", () => {
    expect(referenceFor("MASH", 2026, 123)).toBe("MASH-2026-000123");
    expect(referenceFor("EARLY_HELP", 2027, 1234567)).toBe("CFSS-2027-1234567");
  });

  it("takes a MASH referral at Level 4 only, and an early-help request at Level 2 or 3", () => {
    expect(checkReferralLevel("MASH", 4)).toEqual({ ok: true, level: 4 });
    expect(checkReferralLevel("MASH", 3)).toMatchObject({ ok: false, message: expect.stringContaining("ask CFSS for early help") });
    expect(checkReferralLevel("EARLY_HELP", 2)).toEqual({ ok: true, level: 2 });
    expect(checkReferralLevel("EARLY_HELP", 3)).toEqual({ ok: true, level: 3 });
    expect(checkReferralLevel("EARLY_HELP", 4)).toMatchObject({ ok: false, message: expect.stringContaining("MASH referral") });
    expect(checkReferralLevel("EARLY_HELP", 1)).toMatchObject({ ok: false, message: expect.stringContaining("universal services") });
  });

  it("keeps a draft 30 days from its last save", () => {
    expect(draftExpiryFrom(new Date("2026-03-20T12:00:00Z")).toISOString()).toBe("2026-04-19T12:00:00.000Z");
  });

  it("asks for a young person's own views from their 13th birthday", () => {
    const child = (dateOfBirth: string) => ({ unborn: "NO", dateOfBirth });
    expect(hasChildAged13OrOver([child("2013-11-25")], "2026-11-25")).toBe(true);
    expect(hasChildAged13OrOver([child("2013-11-26")], "2026-11-25")).toBe(false);
    expect(hasChildAged13OrOver([child("2020-01-01"), child("2010-01-01")], "2026-11-25")).toBe(true);
    expect(hasChildAged13OrOver([{ unborn: "YES", dateOfBirth: "" }], "2026-11-25")).toBe(false);
  });
});

describe("the children's page", () => {
  const valid = {
    firstName: "Alex",
    lastName: "Example",
    unborn: "NO",
    dateOfBirth: "2019-05-14",
    sex: "NOT_KNOWN",
    interpreterNeeded: "NO",
    learningDifficultyOrDisability: "NO",
    nhsNumber: "943 476 5919",
    address: "1 Example Street, Northampton",
    postcode: "nn1 1ed",
  };

  it("tidies the NHS number and the postcode", () => {
    const parsed = childSchema.parse(valid);
    expect(parsed.nhsNumber).toBe("9434765919");
    expect(parsed.postcode).toBe("NN1 1ED");
  });

  it("names the field at fault in plain words", () => {
    const result = childSchema.safeParse({ ...valid, nhsNumber: "943 476 5918", postcode: "NN1", dateOfBirth: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.nhsNumber).toMatch(/valid NHS number/);
    expect(messages.postcode).toMatch(/real UK postcode/);
  });

  it("asks for an unborn child's due date instead of a first name and date of birth", () => {
    const unborn = { ...valid, firstName: "", unborn: "YES", dateOfBirth: "", expectedDueDate: "" };
    const missing = childSchema.safeParse(unborn);
    expect(missing.error?.issues.map((i) => i.path.join("."))).toEqual(["expectedDueDate"]);
    const due = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(childSchema.safeParse({ ...unborn, expectedDueDate: due }).success).toBe(true);
  });
});

describe("a draft's pages", () => {
  it("are not started, in progress or completed", () => {
    expect(sectionStatusOf("worries", undefined)).toBe("NOT_STARTED");
    expect(sectionStatusOf("worries", { whatHappened: "Bruising seen" })).toBe("IN_PROGRESS");
    expect(sectionStatusOf("referrer", { name: "Sam", jobTitle: "DSL", agency: "School", email: "sam@example.org", phone: "01604 000000" })).toBe("COMPLETED");
  });

  it("asks why a level other than the suggested one was chosen", () => {
    const needs = { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/health/4/01"], suggestedLevel: "4", chosenLevel: "3", levelReason: "" };
    expect(needsSchema.safeParse(needs).error?.issues[0]?.path).toEqual(["levelReason"]);
    expect(needsSchema.safeParse({ ...needs, levelReason: "Known to early help; plan in place" }).success).toBe(true);
  });

  it("assemble into the whole referral, page by page", () => {
    const submission = submissionFromDraft("EARLY_HELP", { sections: { children: { children: [{ lastName: "X" }] }, support: { needsSummary: "n" } } }, true);
    expect(submission).toMatchObject({ kind: "EARLY_HELP", children: [{ lastName: "X" }], support: { needsSummary: "n" }, declaration: true });
    expect(submission).not.toHaveProperty("worries");
  });
});
