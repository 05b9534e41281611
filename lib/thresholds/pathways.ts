import type { Level } from "./schema";

// What to do at each level, and whom to contact (seed 000 "Right Help, Right Time" 2025; seed 002 MASH
// procedures; seed 003). Phone numbers and addresses live here only, so a change is one edit.

export const CONTACTS = {
  emergency: { label: "Police and ambulance, if a child is in immediate danger", phone: "999" },
  mash: { label: "MASH (Multi-Agency Safeguarding Hub)", phone: "0300 126 7000", hours: "09:00 to 17:00, Monday to Friday" },
  outOfHours: { label: "Emergency Social Work Team (out of hours)", phone: "01604 626938" },
  cfss: { label: "CFSS Partnership Support", phone: "01604 526963", email: "CFSS@nctrust.co.uk" },
} as const;

export type PathwayStep = { title: string; detail: string };

export type LevelPathway = {
  level: Level;
  heading: string;
  steps: PathwayStep[];
  consent: string;
  contacts: (keyof typeof CONTACTS)[];
  /** Where "Continue" leads: a MASH referral, an early-help request to CFSS, or no form. */
  next: "mash-referral" | "early-help-request" | null;
};

export const PATHWAYS: Record<Level, LevelPathway> = {
  1: {
    level: 1,
    heading: "Universal support",
    steps: [
      { title: "Keep supporting the child through universal services", detail: "School, GP, health visitor, early years and community services meet these needs. No additional response or referral is needed." },
      { title: "Keep watching", detail: "Needs change. Look at the guidance again if new worries emerge." },
    ],
    consent: "Talk to the family about any support you offer.",
    contacts: ["cfss"],
    next: null,
  },
  2: {
    level: 2,
    heading: "Vulnerable: Early Help/Family Help support",
    steps: [
      { title: "Support the family yourself or through a single agency", detail: "A single need may be met by a single service." },
      { title: "Several needs? Start an Early Help/Family Help Assessment (EHA)", detail: "Where a number of services are needed, an EHA and support plan coordinates them." },
      { title: "Ask CFSS Partnership Support for advice", detail: "They give information, advice and guidance, and can signpost to the best placed service." },
    ],
    consent: "Parents must agree to any referral for services. Young people over 13 should give their own consent where they are able to.",
    contacts: ["cfss"],
    next: "early-help-request",
  },
  3: {
    level: 3,
    heading: "Complex targeted support",
    steps: [
      { title: "Complete an Early Help/Family Help Assessment and support plan", detail: "The family needs a coordinated, whole-family response." },
      { title: "Send a request to CFSS Partnership Support", detail: "Attach the EHA or support plan and the notes of the last Team Around the Family or professionals meeting. A partnership coordinator will contact you within 3 working days." },
    ],
    consent:
      "Discuss your concerns with the family and seek consent. If consent is not given but the child's welfare needs the request to go ahead, record the family's views and your rationale.",
    contacts: ["cfss"],
    next: "early-help-request",
  },
  4: {
    level: 4,
    heading: "Acute protective support: refer to the MASH",
    steps: [
      { title: "If the child is at immediate risk of harm, phone now", detail: "Call 999, or the MASH on 0300 126 7000. Out of hours, call the Emergency Social Work Team on 01604 626938. Follow a phone call up in writing on the online referral within 24 hours." },
      { title: "Otherwise, make an online referral to the MASH", detail: "A referral to MASH is required. You can also phone the MASH to discuss your concerns and get advice first." },
    ],
    consent:
      "Seek the family's consent unless that would put the child or anyone else at greater risk, could undermine a criminal investigation, or the delay would put the child at further risk. Where there is reasonable cause to suspect significant harm, consent is not needed: record why it was not sought.",
    contacts: ["emergency", "mash", "outOfHours"],
    next: "mash-referral",
  },
};

/** Concerns about an adult who works with children go to the LADO within 24 hours, not the MASH (seed 003). */
export const LADO_NOTE = "If your worry is about an adult who works with children, contact the Local Authority Designated Officer (LADO) within 24 hours, not the MASH.";
