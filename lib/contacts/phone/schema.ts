import { z } from "zod";
import { CONSENT_EXCEPTIONS, CONSENT_STATUSES, type ConsentException } from "@/lib/consent/policy";
import { ageInYears, isValidNhsNumber, normalisePostcode, todayInLondon } from "@/lib/referral/policy";

// Contacts that reach the MASH other than by the online form: a phone call to the MASH line, recorded by a
// MASH officer (a professional, or a member of the public who may stay anonymous), and a police protection
// notification (PPN) sent by a police system. Each becomes one PhoneContact and one Contact per child,
// awaiting a RAG rating like an online referral's. A professional who phones with a Level 4 concern must
// follow it up in writing within 24 hours (seed 001 §4.2, §5.1): that opens a follow-up item, closed when a
// MASH officer links the written referral.
//
// This file holds what a phone contact, a police notification and a follow-up link must look like (the forms,
// POST /api/v1/contacts and the OpenAPI document share them); the writes are in ./mutations, the reads in ./data.

export const MAX_PHONE_CHILDREN = 10;
export const CALLER_TYPES = ["PROFESSIONAL", "PUBLIC"] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

// --- Schemas ----------------------------------------------------------------------------------------------

const required = (message: string, max = 200) => z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);
const optional = (max = 200) => z.string().trim().max(max, `Must be ${max} characters or fewer`).optional().default("");
const optionalEmail = z
  .string()
  .trim()
  .max(254, "Must be 254 characters or fewer")
  .optional()
  .default("")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter an e-mail address in the correct format, like name@example.org");

/** A yes-or-no answer: true or false from the API, "YES" or "NO" from a form's radios. */
const flag = (message: string) =>
  z
    .union([z.boolean(), z.enum(["YES", "NO"])], { error: message })
    .transform((value) => value === true || value === "YES");

const AGE_MESSAGE = "Enter the child's approximate age as a whole number of years from 0 to 25, or leave it blank";
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const phoneChildSchema = z.object({
  firstName: optional(100).meta({ example: "Alex" }),
  lastName: required("Enter the child's last name, or Unknown if the caller does not know it", 100).meta({ example: "Example" }),
  dateOfBirth: z
    .string()
    .trim()
    .optional()
    .default("")
    .superRefine((value, ctx) => {
      if (value === "") return;
      if (!isRealDate(value)) return void ctx.addIssue({ code: "custom", message: "Enter a real date of birth in the format YYYY-MM-DD, or leave it blank" });
      const today = todayInLondon(new Date());
      if (value > today) return void ctx.addIssue({ code: "custom", message: "The date of birth must be today or in the past" });
      if (ageInYears(value, today) >= 25) ctx.addIssue({ code: "custom", message: "The MASH is for children under 18, or under 25 with a learning difficulty or disability" });
    })
    .meta({ example: "2018-05-14" }),
  approximateAge: z
    .union([z.number(), z.string()], { error: AGE_MESSAGE })
    .optional()
    .transform((value, ctx) => {
      const text = typeof value === "string" ? value.trim() : value;
      if (text === undefined || text === "") return null;
      const age = typeof text === "number" ? text : /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isInteger(age) || age < 0 || age > 25) {
        ctx.addIssue({ code: "custom", message: AGE_MESSAGE });
        return z.NEVER;
      }
      return age;
    })
    .meta({ example: 8 }),
  nhsNumber: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || isValidNhsNumber(value), "Enter a valid NHS number, 10 digits like 943 476 5919, or leave it blank")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .meta({ example: "9434765919" }),
  postcode: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => value === "" || normalisePostcode(value) !== null, "Enter a real UK postcode, like NN1 1ED, or leave it blank")
    .transform((value) => (value === "" ? "" : normalisePostcode(value)!))
    .meta({ example: "NN1 1ED" }),
});
export type PhoneChild = z.output<typeof phoneChildSchema>;

const children = z
  .array(phoneChildSchema, { error: "Enter the details of at least one child" })
  .min(1, "Enter the details of at least one child")
  .max(MAX_PHONE_CHILDREN, `Record at most ${MAX_PHONE_CHILDREN} children on one contact. Record another contact for the others`)
  .meta({ example: [{ firstName: "Alex", lastName: "Example", dateOfBirth: "2018-05-14", nhsNumber: "9434765919", postcode: "NN1 1ED" }] });

const exceptionKeys = Object.keys(CONSENT_EXCEPTIONS) as [ConsentException, ...ConsentException[]];

export const PHONE_CONTACT_MESSAGES = {
  callerType: "Say whether the caller is a professional or a member of the public",
  callerName: "Enter the caller's name, or choose that they want to stay anonymous",
  professionalName: "Enter the caller's name: a professional cannot stay anonymous",
  professionalAnonymous: "A professional cannot stay anonymous. Only a member of the public can",
  callerRole: "Enter the caller's job title or role",
  callerAgency: "Enter the organisation the caller works for",
  callerContact: "Enter a phone number or an e-mail address for the caller: a professional must give at least one",
  concerns: "Describe what the caller is worried about",
  immediateRisk: "Say whether a child is at immediate risk of harm",
  immediateActionTaken: "Say what has been done to keep the child safe now, for example that the police were called",
  level4: "Say whether the caller's concern is about child protection (Level 4)",
  consentStatus: "Say whether the family has given consent",
  consentException: "Choose why the contact goes ahead without the family's consent",
} as const;
const M = PHONE_CONTACT_MESSAGES;

const phoneContactFields = {
  callerType: z.enum(CALLER_TYPES, { error: M.callerType }).meta({ example: "PROFESSIONAL" }),
  anonymous: z.boolean({ error: "Say whether the caller wants to stay anonymous (true or false)" }).optional().default(false).meta({ example: false }),
  callerName: optional().meta({ example: "Pat Nurse" }),
  callerRole: optional().meta({ example: "Health visitor" }),
  callerAgency: optional().meta({ example: "Northamptonshire Healthcare NHS Foundation Trust" }),
  callerPhone: optional(40).meta({ example: "01604 000001" }),
  callerEmail: optionalEmail.meta({ example: "pat.nurse@example.org" }),
  children,
  concerns: required(M.concerns, 10_000).meta({ example: "At a home visit today Alex had a burn on his hand; Alex said his mum's partner held it to the cooker." }),
  immediateRisk: flag(M.immediateRisk).meta({ example: false }),
  immediateActionTaken: optional(2000).meta({ example: "" }),
  level4: flag(M.level4).meta({ example: true }),
  consentStatus: z.enum(CONSENT_STATUSES, { error: M.consentStatus }).meta({ example: "NOT_SOUGHT" }),
  consentException: z
    .union([z.enum(exceptionKeys), z.literal("")], { error: M.consentException })
    .optional()
    .default("")
    .meta({ example: "SIGNIFICANT_HARM" }),
  consentDetails: optional(2000).meta({ example: "Not sought: asking the mother could put Alex at risk from her partner." }),
};

type PhoneContactShape = z.output<z.ZodObject<typeof phoneContactFields>>;

/** The rules across fields: who may stay anonymous, what a professional must give, what risk and consent need. */
function checkPhoneContact(contact: PhoneContactShape, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (contact.callerType === "PROFESSIONAL") {
    if (contact.anonymous) issue("anonymous", M.professionalAnonymous);
    if (!contact.callerName) issue("callerName", M.professionalName);
    if (!contact.callerRole) issue("callerRole", M.callerRole);
    if (!contact.callerAgency) issue("callerAgency", M.callerAgency);
    if (!contact.callerPhone && !contact.callerEmail) issue("callerPhone", M.callerContact);
  } else if (!contact.anonymous && !contact.callerName) {
    issue("callerName", M.callerName);
  }
  if (contact.immediateRisk && !contact.immediateActionTaken) issue("immediateActionTaken", M.immediateActionTaken);
  if (contact.level4 && contact.consentStatus !== "GIVEN" && !contact.consentException) issue("consentException", M.consentException);
}

/**
 * Runs a rule across fields even when some other field (a child's date of birth) is wrong, so the officer
 * sees every problem at once; but only when the fields the rule reads are themselves valid.
 */
function whenValid(fields: readonly string[]): z.core.$ZodSuperRefineParams {
  return { when: (payload) => !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))) };
}

const CALLER_AND_RISK_FIELDS = ["callerType", "anonymous", "callerName", "callerRole", "callerAgency", "callerPhone", "callerEmail", "immediateRisk", "immediateActionTaken", "level4", "consentStatus", "consentException"];

/** A phone call to the MASH line, as the MASH officer records it (the form and POST /api/v1/contacts). */
export const phoneContactSchema = z.object(phoneContactFields).superRefine(checkPhoneContact, whenValid(CALLER_AND_RISK_FIELDS));
export type PhoneContactInput = z.input<typeof phoneContactSchema>;
export type PhoneContactAnswers = z.output<typeof phoneContactSchema>;

const policeNotificationFields = {
  officerName: required("Enter the officer's name").meta({ example: "PC Sam Officer" }),
  collarNumber: required("Enter the officer's collar number", 20).meta({ example: "1234" }),
  policeStation: required("Enter the officer's police station or unit").meta({ example: "Northampton Campbell Square" }),
  phone: optional(40).meta({ example: "01604 000002" }),
  email: optionalEmail.meta({ example: "sam.officer@example.police.uk" }),
  children,
  circumstances: required("Describe the circumstances: what happened and why the child was at risk", 10_000).meta({
    example: "Police attended a domestic incident at 22:40; Alex (8) was found alone with an intoxicated adult.",
  }),
  incidentAt: z.iso
    .datetime({ offset: true, error: "Enter when the incident happened as an ISO 8601 date and time, like 2026-11-24T22:40:00Z" })
    .refine((value) => new Date(value).getTime() <= Date.now() + 5 * 60_000, "The incident time must not be in the future")
    .meta({ example: "2026-11-24T22:40:00Z" }),
  immediateRisk: z.boolean({ error: "Say whether a child is at immediate risk of harm (true or false)" }).meta({ example: true }),
  policeProtection: z.boolean({ error: "Say whether the child was taken into police protection (true or false)" }).meta({ example: true }),
};

function checkPoliceNotification(notification: { phone: string; email: string }, ctx: z.RefinementCtx) {
  if (!notification.phone && !notification.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "Enter a phone number or an e-mail address for the officer" });
}

/** A police protection notification, sent by a police system (POST /api/v1/contacts). */
export const policeNotificationSchema = z.object(policeNotificationFields).superRefine(checkPoliceNotification, whenValid(["phone", "email"]));
export type PoliceNotificationInput = z.input<typeof policeNotificationSchema>;

export const INTAKE_TYPE_MESSAGE = "Say what this is: type PHONE (a phone contact) or POLICE_NOTIFICATION (a police protection notification)";

/** POST /api/v1/contacts: a phone contact or a police protection notification, told apart by `type`. */
export const contactIntakeSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("PHONE"), ...phoneContactFields }).superRefine(checkPhoneContact, whenValid(CALLER_AND_RISK_FIELDS)),
    z.object({ type: z.literal("POLICE_NOTIFICATION"), ...policeNotificationFields }).superRefine(checkPoliceNotification, whenValid(["phone", "email"])),
  ],
  { error: INTAKE_TYPE_MESSAGE },
);

export const followUpLinkSchema = z.object({
  reference: z
    .string({ error: "Enter the reference of the written MASH referral, like MASH-2026-000123" })
    .trim()
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^MASH-\d{4}-\d{6,}$/, "Enter the reference of the written MASH referral, like MASH-2026-000123")),
});
