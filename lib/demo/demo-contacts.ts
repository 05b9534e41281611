import type { z } from "zod";
import type { RequestAgency } from "@/lib/requests/schema";
import type { childSchema, mashReferralSchema } from "@/lib/referral/schema";

// The contacts `npm start` puts in the MASH manager's queue, so a newcomer signing in as a manager has
// something to look at. Fictional children (surnames Sample, Specimen, Example, Placeholder), NHS numbers
// from the 999 range the NHS keeps for testing, phone numbers from Ofcom's range for drama. Each is a whole
// MASH referral as a practitioner sends it; lib/demo/mutations.ts sends them and takes the MASH's steps.
// Dates are relative to the day of seeding, so the children never age out of the service.

type MashReferralInput = z.input<typeof mashReferralSchema>;
type ChildInput = z.input<typeof childSchema>;

export const DEMO_MASH_MANAGER = "mash.manager@example.org";

export type DemoContact = {
  /** The demo practitioner who sends the referral (lib/demo/demo-data.ts). */
  referrerEmail: string;
  /** The referral without "About you", which is filled from the referrer's account as the forms do. */
  referral: (today: string) => Omit<MashReferralInput, "referrer">;
  /** The demo MASH manager's rating; none leaves the contact awaiting one. Never Red: see mutations.ts. */
  rating?: { rating: "AMBER" | "GREEN"; direction: string; rationale: string };
  /** The demo social worker it is allocated to (Amber), who then asks partner agencies what they hold. */
  allocation?: { socialWorkerEmail: string; requests: { agencies: RequestAgency[]; question: string } };
};

/** `today` (YYYY-MM-DD) moved back by whole years and days, as YYYY-MM-DD. */
function dateBefore(today: string, { years = 0, days = 0 }: { years?: number; days?: number }): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  // 29 February becomes the 28th, so the date exists in every year.
  return new Date(Date.UTC(y - years, m - 1, (m === 2 && d === 29 ? 28 : d) - days)).toISOString().slice(0, 10);
}

function child(fields: Pick<ChildInput, "firstName" | "lastName" | "dateOfBirth" | "sex" | "nhsNumber" | "address" | "postcode"> & Partial<ChildInput>): ChildInput {
  return {
    otherNames: "",
    unborn: "NO",
    expectedDueDate: "",
    ethnicity: "White British",
    firstLanguage: "English",
    interpreterNeeded: "NO",
    learningDifficultyOrDisability: "NO",
    disabilityDetails: "",
    school: "",
    currentLocation: "",
    ...fields,
  };
}

const noEarlyHelp = { professionals: "", earlyHelp: "NONE", openToSocialCare: "NO", openToEarlyHelp: "NO" } as const;

const consentGiven = (today: string, givenBy: string, relationship: string) =>
  ({ status: "GIVEN", givenBy, relationship, givenAt: today, method: "VERBAL", exceptionReason: "", rationale: "", effortsOrViews: "" }) as const;

export const DEMO_CONTACTS: DemoContact[] = [
  // 1. Awaiting a rating, with the family's consent.
  {
    referrerEmail: "teacher@example.org",
    referral: (today) => ({
      kind: "MASH",
      phonedMash: "NO",
      children: [
        child({
          firstName: "Ruby",
          lastName: "Sample",
          dateOfBirth: dateBefore(today, { years: 7, days: 95 }),
          sex: "FEMALE",
          nhsNumber: "999 000 1006",
          school: "Riverside Primary School",
          address: "14 Sample Street, Northampton",
          postcode: "NN1 1ED",
        }),
      ],
      family: {
        carers: [{ name: "Lee Sample", relationship: "Father", parentalResponsibility: "YES", phone: "07700 900101", address: "14 Sample Street, Northampton" }],
        householdMembers: "Ruby lives with her father. Her mother left the family home in the summer.",
        significantAdults: "",
        riskToVisitors: "NO",
        riskDetails: "",
      },
      professionals: { ...noEarlyHelp, professionals: "School nurse: Pat Nurse, 01604 000001" },
      worries: {
        whatHappened: "Since September Ruby has come to school hungry most days, in the same unwashed uniform, with untreated head lice. She has missed two dental appointments for a painful tooth.",
        howYouKnow: "Her class teacher and I have seen it ourselves, and breakfast club staff say she asks for seconds every morning.",
        yourAnalysis: "A pattern of neglect that has gone on for a term and is getting worse, not a bad week.",
        workingWell: "Ruby attends every day, is settled in class and has friends. Her father came in when we asked and was open with us.",
        needsToHappen: "An assessment of Ruby's care at home and support for her father, who says he is not coping since her mother left.",
        scale: "4",
        childsVoice: "Ruby said there is 'not much food at home' and that she gets herself ready for school because Dad is asleep.",
        parentsView: "Mr Sample agrees the family needs help and is willing to work with social care.",
        requestType: "SOCIAL_CARE",
      },
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/4/01", "rhrt-2025/health/3/03"], chosenLevel: 4, levelReason: "" },
      informationSharing: { consent: consentGiven(today, "Lee Sample", "Father"), youngPersonViews: "", familyInformed: "YES", reasonNotInformed: "" },
      declaration: true,
    }),
  },
  // 2. Awaiting a rating, sent without consent because asking would put the child at risk.
  {
    referrerEmail: "health.visitor@example.org",
    referral: (today) => ({
      kind: "MASH",
      phonedMash: "NO",
      children: [
        child({
          firstName: "Noah",
          lastName: "Specimen",
          dateOfBirth: dateBefore(today, { years: 1, days: 60 }),
          sex: "MALE",
          nhsNumber: "999 000 1014",
          address: "3 Specimen Close, Kettering",
          postcode: "NN16 0AP",
        }),
      ],
      family: {
        carers: [
          { name: "Mia Specimen", relationship: "Mother", parentalResponsibility: "YES", phone: "07700 900102", address: "3 Specimen Close, Kettering" },
          { name: "Kyle Specimen", relationship: "Father", parentalResponsibility: "YES", phone: "", address: "3 Specimen Close, Kettering" },
        ],
        householdMembers: "",
        significantAdults: "",
        riskToVisitors: "YES",
        riskDetails: "Noah's father has been verbally aggressive to visitors. Visit when he is at work, or in pairs.",
      },
      professionals: { ...noEarlyHelp, professionals: "GP: Dr Demo, Kettering Road Surgery" },
      worries: {
        whatHappened: "At a home visit yesterday Noah's mother told me, while her partner was out, that he controls all the money and pushed her into a door while she was holding Noah last week.",
        howYouKnow: "Mum told me herself. I saw a healing bruise on her forearm.",
        yourAnalysis: "Domestic abuse in the home with a baby present, and the violence has reached the point where Noah could be hurt.",
        workingWell: "Noah is thriving: his weight and development are on track and his mother's care of him is warm and attentive.",
        needsToHappen: "Safety planning for mother and Noah, and checks with police about the father.",
        scale: "3",
        childsVoice: "Noah is 14 months old. He is a smiley baby who goes to his mother for comfort; he was unsettled when a door slammed.",
        parentsView: "Mum asked me not to tell anyone because she is frightened of how her partner would react.",
        requestType: "SOCIAL_CARE",
      },
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/4/02"], chosenLevel: 4, levelReason: "" },
      informationSharing: {
        consent: {
          status: "NOT_SOUGHT",
          givenBy: "",
          relationship: "",
          givenAt: "",
          method: "",
          exceptionReason: "INCREASED_RISK",
          rationale: "Asking the parents for consent would tell Noah's father that his partner has spoken to us, which could put her and Noah at greater risk.",
          effortsOrViews: "I spoke to mum alone. She is frightened of her partner's reaction and asked me not to tell anyone, so I did not ask for consent.",
        },
        youngPersonViews: "",
        familyInformed: "NO",
        reasonNotInformed: "Telling the family could put Noah and his mother at risk from his father.",
      },
      declaration: true,
    }),
  },
  // 3. Rated Amber and allocated: the social worker has asked police and health what they hold.
  {
    referrerEmail: "teacher@example.org",
    referral: (today) => ({
      kind: "MASH",
      phonedMash: "NO",
      children: [
        child({
          firstName: "Isla",
          lastName: "Example",
          dateOfBirth: dateBefore(today, { years: 9, days: 200 }),
          sex: "FEMALE",
          nhsNumber: "999 000 1022",
          school: "Riverside Primary School",
          address: "27 Example Avenue, Northampton",
          postcode: "NN2 7AB",
        }),
      ],
      family: {
        carers: [{ name: "Jo Example", relationship: "Mother", parentalResponsibility: "YES", phone: "07700 900103", address: "27 Example Avenue, Northampton" }],
        householdMembers: "Mum's partner, Dan, moved in this spring.",
        significantAdults: "",
        riskToVisitors: "NOT_KNOWN",
        riskDetails: "",
      },
      professionals: { ...noEarlyHelp, openToSocialCare: "NOT_KNOWN" },
      worries: {
        whatHappened: "On Monday Isla told her teacher that Dan smashed a window at home at the weekend during an argument with her mum, and that she hid upstairs. Her mother had a black eye at pick-up.",
        howYouKnow: "Isla told her class teacher, who wrote it down word for word. I saw her mother's injury at the school gate.",
        yourAnalysis: "",
        workingWell: "Isla's mother is loving and keeps in touch with school. Isla has a close friend and an aunt nearby she likes to stay with.",
        needsToHappen: "Checks with police and health, and a social worker to talk to Isla and her mother about keeping safe.",
        scale: "3",
        childsVoice: "Isla said she is 'scared when Dan shouts' and wants it to 'just be me and Mum again'.",
        parentsView: "Mum agreed to the referral and says she wants help, but does not want Dan to know yet.",
        requestType: "SOCIAL_CARE",
      },
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/4/02"], chosenLevel: 4, levelReason: "" },
      informationSharing: { consent: consentGiven(today, "Jo Example", "Mother"), youngPersonViews: "", familyInformed: "YES", reasonNotInformed: "" },
      declaration: true,
    }),
    rating: {
      rating: "AMBER",
      direction: "Allocate to a MASH social worker. Request police and health checks on the household, including the mother's partner; speak to Isla at school.",
      rationale: "Domestic abuse in the home with Isla present and frightened. No injury to Isla, mother is protective and has agreed to the referral, so not Red.",
    },
    allocation: {
      socialWorkerEmail: "social.worker@example.org",
      requests: {
        agencies: ["POLICE", "HEALTH"],
        question: "What do you hold on Isla Example (aged 9), her mother Jo Example and mother's partner Dan, all at 27 Example Avenue, NN2 7AB, in the last two years? Please include any domestic incidents and injuries.",
      },
    },
  },
  // 4. Rated Green: passed to the CFSS coordinators for early help.
  {
    referrerEmail: "health.visitor@example.org",
    referral: (today) => ({
      kind: "MASH",
      phonedMash: "NO",
      children: [
        child({
          firstName: "Archie",
          lastName: "Placeholder",
          dateOfBirth: dateBefore(today, { years: 4, days: 30 }),
          sex: "MALE",
          nhsNumber: "999 000 1030",
          address: "Room 6, Placeholder House, Wellingborough",
          postcode: "NN8 1HP",
        }),
      ],
      family: {
        carers: [{ name: "Dana Placeholder", relationship: "Mother", parentalResponsibility: "YES", phone: "07700 900104", address: "Room 6, Placeholder House, Wellingborough" }],
        householdMembers: "Archie's baby sister, Lily (5 months).",
        significantAdults: "",
        riskToVisitors: "NO",
        riskDetails: "",
      },
      professionals: { ...noEarlyHelp, professionals: "Housing officer, North Northamptonshire Council" },
      worries: {
        whatHappened: "The family were evicted a month ago and now share one room in temporary bed and breakfast accommodation, with no cooking facilities. Mum has serious debts and has missed Archie's nursery sessions because of the bus fare.",
        howYouKnow: "I visited the family there this week, and mum told me about the debts.",
        yourAnalysis: "",
        workingWell: "Mum is caring and organised, the children are well fed and clean, and she is asking for help.",
        needsToHappen: "Help with housing, debt advice and getting Archie back to nursery.",
        scale: "6",
        childsVoice: "Archie said he misses his toys and his nursery friends.",
        parentsView: "Mum wants support and has agreed to this referral.",
        requestType: "CFSS_INPUT",
      },
      needs: { thresholdVersion: "rhrt-2025", indicatorIds: ["rhrt-2025/family/4/09", "rhrt-2025/family/3/08"], chosenLevel: 4, levelReason: "" },
      informationSharing: { consent: consentGiven(today, "Dana Placeholder", "Mother"), youngPersonViews: "", familyInformed: "YES", reasonNotInformed: "" },
      declaration: true,
    }),
    rating: {
      rating: "GREEN",
      direction: "Pass to CFSS Partnership Support for early help: housing, debt advice and nursery attendance.",
      rationale: "The children are well cared for and safe; the family's needs come from homelessness and debt, which early help can meet with mum's agreement.",
    },
  },
];
