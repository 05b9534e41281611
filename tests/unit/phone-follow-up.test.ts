import { describe, expect, it } from "vitest";
import { examplesOf } from "@/lib/api/openapi";
import { deadlineFor } from "@/lib/contacts/deadlines";
import { followUpState } from "@/lib/contacts/phone/policy";
import { contactIntakeSchema, phoneContactSchema } from "@/lib/contacts/phone/schema";

// A professional's Level 4 phone call must be followed up in writing within 24 hours (seed 001 §4.2, §5.1).

const calledAt = new Date("2026-03-28T16:30:00Z");
const dueAt = deadlineFor("PHONE_FOLLOW_UP", calledAt);
const minutes = (n: number) => new Date(dueAt.getTime() + n * 60_000);

describe("followUpState", () => {
  it("is NONE when no follow-up is due (the public, a concern below Level 4, a police notification)", () => {
    expect(followUpState(null, null, calledAt)).toBe("NONE");
    expect(followUpState(null, minutes(-5), minutes(60))).toBe("NONE");
  });

  it("is DUE until the moment it is due, and OVERDUE from then on", () => {
    expect(followUpState(dueAt, null, calledAt)).toBe("DUE");
    expect(followUpState(dueAt, null, minutes(-1))).toBe("DUE");
    expect(followUpState(dueAt, null, dueAt)).toBe("OVERDUE");
    expect(followUpState(dueAt, null, minutes(60 * 24 * 3))).toBe("OVERDUE");
  });

  it("is RECEIVED once the written referral is linked, on time or late", () => {
    expect(followUpState(dueAt, minutes(-60), minutes(-30))).toBe("RECEIVED");
    expect(followUpState(dueAt, minutes(90), minutes(120))).toBe("RECEIVED");
  });

  it("counts 24 hours of elapsed time, across the change to British Summer Time", () => {
    // The clocks go forward at 01:00 UTC on 29 March 2026: the deadline is 24 real hours on, 17:30 BST.
    expect(dueAt.toISOString()).toBe("2026-03-29T16:30:00.000Z");
  });
});

describe("phoneContactSchema", () => {
  const professional = {
    callerType: "PROFESSIONAL",
    callerName: "Pat Nurse",
    callerRole: "Health visitor",
    callerAgency: "NHFT",
    callerPhone: "01604 000001",
    children: [{ firstName: "Alex", lastName: "Example" }],
    concerns: "A burn on Alex's hand.",
    immediateRisk: "NO",
    level4: "YES",
    consentStatus: "GIVEN",
  };
  const errorsOf = (input: unknown) => {
    const parsed = phoneContactSchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("accepts a form's YES and NO and the API's true and false alike", () => {
    expect(phoneContactSchema.parse(professional)).toMatchObject({ immediateRisk: false, level4: true });
    expect(phoneContactSchema.parse({ ...professional, immediateRisk: false, level4: true })).toMatchObject({ immediateRisk: false, level4: true });
  });

  it("never lets a professional stay anonymous, and asks what a professional must give", () => {
    expect(errorsOf({ ...professional, anonymous: true, callerName: "", callerRole: "", callerAgency: "", callerPhone: "" })).toEqual({
      anonymous: "A professional cannot stay anonymous. Only a member of the public can",
      callerName: "Enter the caller's name: a professional cannot stay anonymous",
      callerRole: "Enter the caller's job title or role",
      callerAgency: "Enter the organisation the caller works for",
      callerPhone: "Enter a phone number or an e-mail address for the caller: a professional must give at least one",
    });
  });

  it("lets a member of the public stay anonymous, and otherwise asks their name", () => {
    const member = { ...professional, callerType: "PUBLIC", callerName: "", callerRole: "", callerAgency: "", callerPhone: "" };
    expect(errorsOf(member)).toEqual({ callerName: "Enter the caller's name, or choose that they want to stay anonymous" });
    expect(errorsOf({ ...member, anonymous: true })).toEqual({});
  });

  it("checks each child's details, and asks what was done when a child is at immediate risk", () => {
    const errors = errorsOf({
      ...professional,
      children: [{ lastName: "", dateOfBirth: "2999-01-01", approximateAge: "30", nhsNumber: "1234567890", postcode: "NOT A POSTCODE" }],
      immediateRisk: "YES",
      consentStatus: "REFUSED",
    });
    expect(errors).toEqual({
      "children.0.lastName": "Enter the child's last name, or Unknown if the caller does not know it",
      "children.0.dateOfBirth": "The date of birth must be today or in the past",
      "children.0.approximateAge": "Enter the child's approximate age as a whole number of years from 0 to 25, or leave it blank",
      "children.0.nhsNumber": "Enter a valid NHS number, 10 digits like 943 476 5919, or leave it blank",
      "children.0.postcode": "Enter a real UK postcode, like NN1 1ED, or leave it blank",
      immediateActionTaken: "Say what has been done to keep the child safe now, for example that the police were called",
      consentException: "Choose why the contact goes ahead without the family's consent",
    });
  });

  it("normalises the NHS number, the postcode and the approximate age", () => {
    const parsed = phoneContactSchema.parse({ ...professional, children: [{ lastName: "Unknown", approximateAge: "7", nhsNumber: "943 476 5919", postcode: "nn11ed" }] });
    expect(parsed.children[0]).toMatchObject({ firstName: "", lastName: "Unknown", approximateAge: 7, nhsNumber: "9434765919", postcode: "NN1 1ED" });
  });
});

describe("POST /api/v1/contacts examples", () => {
  it("documents a valid example of each type", () => {
    const examples = examplesOf(contactIntakeSchema);
    expect(Object.keys(examples).sort()).toEqual(["PHONE", "POLICE_NOTIFICATION"]);
    for (const example of Object.values(examples)) {
      const parsed = contactIntakeSchema.safeParse(example);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
