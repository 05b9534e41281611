import { CONSENT_EXCEPTIONS } from "@/lib/consent/policy";
import { EARLY_HELP_STATES, REQUEST_TYPES, SEXES, YES_NO_LABELS } from "@/lib/referral/schema";

// The words of the referral forms' questions, in one place: the question pages ask them and "Check your
// answers" and the submitted referral repeat them, so the practitioner reads the same question each time.

export const YES_NO = [
  { value: "YES", label: YES_NO_LABELS.YES },
  { value: "NO", label: YES_NO_LABELS.NO },
];

export const YES_NO_NOT_KNOWN = [...YES_NO, { value: "NOT_KNOWN", label: YES_NO_LABELS.NOT_KNOWN }];

const toOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const SEX_OPTIONS = toOptions(SEXES);
export const EARLY_HELP_OPTIONS = toOptions(EARLY_HELP_STATES);
export const REQUEST_TYPE_OPTIONS = toOptions(REQUEST_TYPES);
export const EXCEPTION_OPTIONS = toOptions(CONSENT_EXCEPTIONS);

export const CONSENT_STATUS_LABELS = {
  GIVEN: "Yes, the family has given consent",
  REFUSED: "No, the family refused",
  NOT_SOUGHT: "No, I have not asked the family",
} as const;

export const CONSENT_METHOD_LABELS = { VERBAL: "Verbally", WRITTEN: "In writing" } as const;

export const QUESTIONS = {
  referrer: {
    name: "Full name",
    jobTitle: "Job title",
    agency: "Organisation",
    email: "E-mail address",
    phone: "Phone number",
  },
  children: {
    firstName: "First name",
    lastName: "Last name",
    otherNames: "Other names they are known by (optional)",
    unborn: "Is this an unborn baby?",
    dateOfBirth: "Date of birth",
    expectedDueDate: "Expected due date",
    sex: "Sex",
    ethnicity: "Ethnicity (optional)",
    firstLanguage: "First language (optional)",
    interpreterNeeded: "Does the child or family need an interpreter?",
    learningDifficultyOrDisability: "Does the child have a learning difficulty, disability or special educational needs?",
    disabilityDetails: "Tell us about it (optional)",
    nhsNumber: "NHS number (optional)",
    school: "School, nursery or setting (optional)",
    address: "Home address",
    postcode: "Postcode",
    currentLocation: "Where the child is now, if not at home (optional)",
  },
  family: {
    name: "Name",
    relationship: "Relationship to the children",
    parentalResponsibility: "Do they have parental responsibility?",
    phone: "Phone number (optional)",
    address: "Address, if different from the children's (optional)",
    householdMembers: "Other people who live in the household (optional)",
    significantAdults: "Other significant adults in the children's lives (optional)",
    riskToVisitors: "Is there any risk to a professional visiting the home?",
    riskDetails: "Describe the risk",
  },
  professionals: {
    professionals: "Other professionals involved with the family (optional)",
    earlyHelp: "Is there an Early Help Assessment or Early Help plan?",
    openToSocialCare: "Is the child open to children's social care now?",
    openToEarlyHelp: "Is the child open to early help now?",
  },
  worries: {
    whatHappened: "What are you worried about?",
    howYouKnow: "How do you know?",
    yourAnalysis: "Your view: what you think it means (optional)",
    workingWell: "What is working well?",
    needsToHappen: "What needs to happen?",
    scale: "On a scale of 0 to 10, how safe is the child?",
    childsVoice: "What has the child said, and what is their daily life like?",
    parentsView: "What do the parents or carers say? (optional)",
    requestType: "What are you asking the MASH for?",
  },
  needs: {
    thresholdVersion: "Threshold guidance",
    indicatorIds: "Indicators from the threshold guidance",
    suggestedLevel: "Suggested level",
    chosenLevel: "Level of need",
    levelReason: "Why you judge the level differently from the suggestion",
  },
  support: {
    needsSummary: "The family's needs, in your own words",
    whatHasBeenTried: "What support has been tried, and what difference did it make?",
    professionals: "Other professionals involved with the family (optional)",
  },
  informationSharing: {
    "consent.status": "Has the family given consent to this referral?",
    "consent.givenBy": "Who gave consent?",
    "consent.relationship": "Their relationship to the child",
    "consent.givenAt": "When did they give it?",
    "consent.method": "How did they give it?",
    "consent.exceptionReason": "Why must the referral go without consent?",
    "consent.rationale": "Your reasons for referring without consent",
    "consent.effortsOrViews": "What you did to get consent, or the family's views if they refused",
    youngPersonViews: "The young person's own views and consent, if they are 13 or older (optional)",
    familyInformed: "Does the family know about this referral?",
    reasonNotInformed: "Why has the family not been told?",
  },
} as const;
