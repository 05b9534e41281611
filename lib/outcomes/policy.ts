import { CONTACTS } from "@/lib/thresholds/pathways";

// The words of the outcome letter to the referrer (seed 001 §4.2: feedback on the decision, other sources of
// support, and the conflict resolution route). Pure, so tests read every outcome's wording.
//
// What the letter may say is limited to what the referrer needs: the decision, its reasons as the deciding
// manager wrote them for the referrer, what happens next and where to go. It is built from those inputs
// only, never from the screening or any agency's answer, so no other agency's information can reach it.

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "long" });

type Wording = { decided: string; next: string };

/** Each outcome in plain words, and what happens next. Unknown outcomes (another team's) get a plain default. */
const WORDING: Record<string, Wording> = {
  NO_FURTHER_ACTION: {
    decided: "The MASH will take no further action. Advice and guidance have been given.",
    next: "Children's social care will not be involved. Please keep supporting the family through your own service, and refer again if things change or your worries grow.",
  },
  SIGNPOST: {
    decided: "The family has been signposted to universal or community services.",
    next: "Children's social care will not be involved. The family has been told about services that can help; please encourage them to use them.",
  },
  PARTNERSHIP_SUPPORT: {
    decided: "The referral has gone to Partnership Support (CFSS) for early help.",
    next: "A partnership coordinator will look at it within 3 working days and may contact you to agree who will support the family.",
  },
  CHILD_AND_FAMILY_ASSESSMENT: {
    decided: "Children's social care will carry out a Child and Family Assessment (section 17, child in need).",
    next: "The assessment team will contact the family, and may contact you for your views as part of the assessment.",
  },
  STRATEGY_DISCUSSION: {
    decided: "A strategy discussion is being held with police and health (section 47, child protection).",
    next: "Children's social care and the police will decide together what enquiries are needed to keep the child safe. They may contact you.",
  },
  ALREADY_OPEN: {
    decided: "The child is already open to a children's social care team, so your referral has been passed to that team.",
    next: "The allocated team will consider your information as part of their work with the family and may contact you.",
  },
  RETURN_FOR_CONSENT: {
    decided: "The MASH cannot go ahead without the family's consent, because this is not a child protection concern.",
    next: "Please talk to the family, seek their consent, and send the referral again with it recorded. If you think the child is at risk of significant harm, phone the MASH straight away.",
  },
  CFSS_ADVICE_AND_SIGNPOSTING: {
    decided: "Partnership Support (CFSS) has given the family information, advice and guidance, and signposted them to services that can help.",
    next: "No further early-help involvement is planned. Please keep supporting the family through your own service, and contact your partnership coordinator if things change.",
  },
  CFSS_OPEN_TO_TARGETED_SERVICES: {
    decided: "The family is already open to targeted (Tier 3) early-help services.",
    next: "The service already working with the family will take your information into account and may contact you.",
  },
  STRATEGY_SECTION_47_ENQUIRY: {
    decided: "After a strategy discussion with police and health, children's social care is making enquiries under section 47 (child protection).",
    next: "A social worker will lead the enquiries and may contact you for information. You may be invited to a child protection conference.",
  },
  STRATEGY_SINGLE_AGENCY_POLICE_INVESTIGATION: {
    decided: "After a strategy discussion, the police are investigating as a single agency.",
    next: "The police may contact you. Children's social care will not be making child protection enquiries at this point.",
  },
  STRATEGY_CHILD_AND_FAMILY_ASSESSMENT: {
    decided: "After a strategy discussion, children's social care will carry out a Child and Family Assessment (section 17, child in need).",
    next: "The assessment team will contact the family, and may contact you for your views as part of the assessment.",
  },
  STRATEGY_NO_FURTHER_ACTION: {
    decided: "After a strategy discussion with police and health, no further action will be taken by children's social care.",
    next: "Please keep supporting the family through your own service, and refer again if things change or your worries grow.",
  },
  CFSS_CLOSED: {
    decided: "Partnership Support (CFSS) has finished its part and closed the request.",
    next: "Please keep supporting the family through your own service, and contact your partnership coordinator if things change.",
  },
};

const FALLBACK: Wording = {
  decided: "The MASH has made a decision on your referral.",
  next: "If you have questions about what happens next, phone the MASH.",
};

export function outcomeWording(outcome: string): Wording {
  return WORDING[outcome] ?? FALLBACK;
}

export type LetterInput = { reference: string; childName: string; outcome: string; reasons: string; decidedAt: Date };

export function composeOutcomeLetter(input: LetterInput): string {
  const wording = outcomeWording(input.outcome);
  return [
    `Outcome of referral ${input.reference}`,
    `Child: ${input.childName}`,
    `Date: ${longDate.format(input.decidedAt)}`,
    "",
    "What was decided",
    wording.decided,
    "",
    "Why",
    input.reasons.trim(),
    "",
    "What happens next",
    wording.next,
    "",
    "Where to get advice",
    `- The MASH: ${CONTACTS.mash.phone} (${CONTACTS.mash.hours}). Out of hours: ${CONTACTS.outOfHours.phone}.`,
    `- CFSS Partnership Support: ${CONTACTS.cfss.phone} or ${CONTACTS.cfss.email}.`,
    `- If a child is in immediate danger, phone ${CONTACTS.emergency.phone}.`,
    "",
    "If you disagree",
    `Talk to the MASH manager first: phone ${CONTACTS.mash.phone} and ask for the manager on duty. If you are still worried that the decision is unsafe, ask for it to be escalated to the Children's Social Care Service Manager, whose decision is final, under the Northamptonshire Safeguarding Children Partnership conflict resolution procedure.`,
    "",
    "Northamptonshire Multi-Agency Safeguarding Hub",
  ].join("\n");
}

/** The e-mail that tells the referrer the letter is ready. E-mail is not secure: the reference only. */
export function outcomeEmail(to: string, reference: string, url: string): { to: string; subject: string; body: string } {
  return {
    to,
    subject: `Referral ${reference}: the outcome is ready`,
    body: [
      `The MASH has decided the outcome of referral ${reference}.`,
      "",
      `Read the outcome letter in My referrals: ${url}`,
      "",
      "Northamptonshire Multi-Agency Safeguarding Hub",
    ].join("\n"),
  };
}
