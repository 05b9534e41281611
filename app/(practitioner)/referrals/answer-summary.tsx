import { SummaryList, type SummaryRow } from "@/components/summary-list";
import { CONSENT_EXCEPTIONS } from "@/lib/consent/policy";
import { formatNhsNumber, isValidNhsNumber } from "@/lib/referral/policy";
import { EARLY_HELP_STATES, REQUEST_TYPES, SECTION_TITLES, SECTIONS, SEXES, YES_NO_LABELS, type ReferralKind, type ReferralSubmission, type SectionKey } from "@/lib/referral/schema";
import { findThresholdDocument, findTickedIndicators } from "@/lib/thresholds/data";
import { CONSENT_METHOD_LABELS, CONSENT_STATUS_LABELS, QUESTIONS } from "./questions";

// The answers, page by page, as GOV.UK "Check your answers" shows them: the same questions the pages ask,
// the answers in words (never the codes the form sends), and, on a draft, a "Change" link to each one.

type Values = Record<string, unknown>;

const record = (value: unknown): Values => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Values) : {});
const str = (value: unknown): string => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "");

function NotAnswered() {
  return <span className="text-muted">Not answered</span>;
}

function words(value: unknown, labels?: Record<string, string>): React.ReactNode {
  const text = str(value);
  if (!text) return <NotAnswered />;
  if (labels) return labels[text] ?? text;
  return <span className="whitespace-pre-wrap">{text}</span>;
}

// A calendar date typed into the form (a date of birth) is no instant: it is shown as typed, in UTC.
const calendarDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "long" });

function londonDate(isoDate: unknown): React.ReactNode {
  const text = str(isoDate);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return words(isoDate);
  return calendarDate.format(new Date(`${text}T00:00:00Z`));
}

type RowMaker = (key: string, value: React.ReactNode, field: string) => SummaryRow;

function sectionRows(section: SectionKey, raw: unknown, row: RowMaker): { heading?: string; rows: SummaryRow[] }[] {
  const v = record(raw);
  switch (section) {
    case "referrer": {
      const Q = QUESTIONS.referrer;
      return [{ rows: (["name", "jobTitle", "agency", "email", "phone"] as const).map((field) => row(Q[field], words(v[field]), field)) }];
    }
    case "children": {
      const Q = QUESTIONS.children;
      const children = Array.isArray(v.children) ? v.children.map(record) : [];
      return children.map((child, i) => {
        const f = (field: string) => `children.${i}.${field}`;
        const unborn = child.unborn === "YES";
        const name = [str(child.firstName), str(child.lastName)].filter(Boolean).join(" ") || (unborn ? "Unborn baby" : "");
        const nhs = str(child.nhsNumber);
        return {
          heading: `Child ${i + 1}${name ? `: ${name}` : ""}`,
          rows: [
            row(Q.firstName, words(child.firstName), f("firstName")),
            row(Q.lastName, words(child.lastName), f("lastName")),
            row("Other names", words(child.otherNames), f("otherNames")),
            row(Q.unborn, words(child.unborn, YES_NO_LABELS), f("unborn")),
            unborn ? row(Q.expectedDueDate, londonDate(child.expectedDueDate), f("expectedDueDate")) : row(Q.dateOfBirth, londonDate(child.dateOfBirth), f("dateOfBirth")),
            row(Q.sex, words(child.sex, SEXES), f("sex")),
            row("Ethnicity", words(child.ethnicity), f("ethnicity")),
            row("First language", words(child.firstLanguage), f("firstLanguage")),
            row(Q.interpreterNeeded, words(child.interpreterNeeded, YES_NO_LABELS), f("interpreterNeeded")),
            row(Q.learningDifficultyOrDisability, words(child.learningDifficultyOrDisability, YES_NO_LABELS), f("learningDifficultyOrDisability")),
            ...(child.learningDifficultyOrDisability === "YES" ? [row("About their needs", words(child.disabilityDetails), f("disabilityDetails"))] : []),
            row("NHS number", nhs ? (isValidNhsNumber(nhs) ? formatNhsNumber(nhs) : nhs) : <NotAnswered />, f("nhsNumber")),
            row("School, nursery or setting", words(child.school), f("school")),
            row(Q.address, words(child.address), f("address")),
            row(Q.postcode, words(child.postcode), f("postcode")),
            row("Where the child is now", words(child.currentLocation), f("currentLocation")),
          ],
        };
      });
    }
    case "family": {
      const Q = QUESTIONS.family;
      const carers = Array.isArray(v.carers) ? v.carers.map(record) : [];
      return [
        ...carers.map((carer, i) => {
          const f = (field: string) => `carers.${i}.${field}`;
          return {
            heading: `Parent or carer ${i + 1}${str(carer.name) ? `: ${str(carer.name)}` : ""}`,
            rows: [
              row(Q.name, words(carer.name), f("name")),
              row(Q.relationship, words(carer.relationship), f("relationship")),
              row(Q.parentalResponsibility, words(carer.parentalResponsibility, YES_NO_LABELS), f("parentalResponsibility")),
              row("Phone number", words(carer.phone), f("phone")),
              row("Address", words(carer.address), f("address")),
            ],
          };
        }),
        {
          heading: "The household",
          rows: [
            row("Other people in the household", words(v.householdMembers), "householdMembers"),
            row("Other significant adults", words(v.significantAdults), "significantAdults"),
            row(Q.riskToVisitors, words(v.riskToVisitors, YES_NO_LABELS), "riskToVisitors"),
            ...(v.riskToVisitors === "YES" ? [row(Q.riskDetails, words(v.riskDetails), "riskDetails")] : []),
          ],
        },
      ];
    }
    case "professionals": {
      const Q = QUESTIONS.professionals;
      return [
        {
          rows: [
            row("Other professionals involved", words(v.professionals), "professionals"),
            row(Q.earlyHelp, words(v.earlyHelp, EARLY_HELP_STATES), "earlyHelp"),
            row(Q.openToSocialCare, words(v.openToSocialCare, YES_NO_LABELS), "openToSocialCare"),
            row(Q.openToEarlyHelp, words(v.openToEarlyHelp, YES_NO_LABELS), "openToEarlyHelp"),
          ],
        },
      ];
    }
    case "worries": {
      const Q = QUESTIONS.worries;
      return [
        {
          rows: [
            row(Q.whatHappened, words(v.whatHappened), "whatHappened"),
            row(Q.howYouKnow, words(v.howYouKnow), "howYouKnow"),
            row("Your view", words(v.yourAnalysis), "yourAnalysis"),
            row(Q.workingWell, words(v.workingWell), "workingWell"),
            row(Q.needsToHappen, words(v.needsToHappen), "needsToHappen"),
            row("How safe is the child (0 to 10)", words(v.scale), "scale"),
            row(Q.childsVoice, words(v.childsVoice), "childsVoice"),
            row("What the parents or carers say", words(v.parentsView), "parentsView"),
            row(Q.requestType, words(v.requestType, REQUEST_TYPES), "requestType"),
          ],
        },
      ];
    }
    case "needs": {
      const Q = QUESTIONS.needs;
      const document = findThresholdDocument(str(v.thresholdVersion));
      const ids = Array.isArray(v.indicatorIds) ? v.indicatorIds.map(str) : [];
      const ticked = document ? findTickedIndicators(document, ids).found : [];
      const levelWords = (level: unknown) => {
        const n = Number(level);
        const name = document?.levels.find((l) => l.level === n)?.name;
        return n ? `Level ${n}${name ? `: ${name}` : ""}` : <NotAnswered />;
      };
      return [
        {
          rows: [
            row(Q.thresholdVersion, document ? `${document.title}${document.status === "superseded" ? " (superseded)" : ""}` : words(v.thresholdVersion), "thresholdVersion"),
            row(
              Q.indicatorIds,
              ticked.length > 0 ? (
                <ul className="list-disc space-y-1 pl-5">
                  {ticked.map((i) => (
                    <li key={i.id}>
                      {i.text} <span className="text-muted">({i.domainName}, Level {i.level})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <NotAnswered />
              ),
              "indicatorIds",
            ),
            row(Q.suggestedLevel, levelWords(v.suggestedLevel), "indicatorIds"),
            row(Q.chosenLevel, levelWords(v.chosenLevel), "chosenLevel"),
            ...(str(v.levelReason) ? [row("Your reason for the level", words(v.levelReason), "levelReason")] : []),
          ],
        },
      ];
    }
    case "support": {
      const Q = QUESTIONS.support;
      return [
        {
          rows: [
            row(Q.needsSummary, words(v.needsSummary), "needsSummary"),
            row(Q.whatHasBeenTried, words(v.whatHasBeenTried), "whatHasBeenTried"),
            row("Other professionals involved", words(v.professionals), "professionals"),
          ],
        },
      ];
    }
    case "informationSharing": {
      const Q = QUESTIONS.informationSharing;
      const consent = record(v.consent);
      const given = consent.status === "GIVEN";
      return [
        {
          rows: [
            row(Q["consent.status"], words(consent.status, CONSENT_STATUS_LABELS), "consent.status"),
            ...(given
              ? [
                  row(Q["consent.givenBy"], words(consent.givenBy), "consent.givenBy"),
                  row(Q["consent.relationship"], words(consent.relationship), "consent.relationship"),
                  row(Q["consent.givenAt"], londonDate(consent.givenAt), "consent.givenAt"),
                  row(Q["consent.method"], words(consent.method, CONSENT_METHOD_LABELS), "consent.method"),
                ]
              : consent.status
                ? [
                    row(Q["consent.exceptionReason"], words(consent.exceptionReason, CONSENT_EXCEPTIONS), "consent.exceptionReason"),
                    row(Q["consent.rationale"], words(consent.rationale), "consent.rationale"),
                    row(Q["consent.effortsOrViews"], words(consent.effortsOrViews), "consent.effortsOrViews"),
                  ]
                : []),
            row("The young person's own views", words(v.youngPersonViews), "youngPersonViews"),
            row(Q.familyInformed, words(v.familyInformed, YES_NO_LABELS), "familyInformed"),
            ...(v.familyInformed === "NO" ? [row(Q.reasonNotInformed, words(v.reasonNotInformed), "reasonNotInformed")] : []),
          ],
        },
      ];
    }
  }
}

/**
 * Every section of a referral, in the form's order. `changeHref` adds the "Change" links (a draft); without
 * it the answers are read-only (a sent referral).
 */
export function AnswerSummary({
  kind,
  sections,
  changeHref,
}: {
  kind: ReferralKind;
  sections: Partial<Record<SectionKey, unknown>>;
  changeHref?: (section: SectionKey, field: string) => string;
}) {
  return (
    <>
      {SECTIONS[kind].map((section) => {
        const row: RowMaker = (key, value, field) => ({
          key,
          value,
          ...(changeHref ? { action: { href: changeHref(section, field), context: key.toLowerCase() } } : {}),
        });
        const groups = sectionRows(section, sections[section], row);
        return (
          <section key={section} aria-labelledby={`summary-${section}`} className="mb-10">
            <h2 id={`summary-${section}`} className="mb-4 text-2xl font-bold">
              {SECTION_TITLES[section]}
            </h2>
            {groups.map((group, i) => (
              <div key={group.heading ?? i}>
                {group.heading && <h3 className="mb-2 text-xl font-bold">{group.heading}</h3>}
                <SummaryList rows={group.rows} />
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}

/** A sent referral's answers in the shape of the form's pages, to show them the same way (My referrals, the MASH's contact record). */
export function sentReferralSections(answers: ReferralSubmission): Partial<Record<SectionKey, unknown>> {
  const { referrer, children, family, needs, informationSharing } = answers;
  const common = { referrer, children: { children }, family, needs, informationSharing };
  return answers.kind === "MASH" ? { ...common, professionals: answers.professionals, worries: answers.worries } : { ...common, support: answers.support };
}
