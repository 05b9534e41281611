import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures";

// The steps of the referral forms, shared by the MASH, early-help and no-JavaScript tests. Every step works
// the same with and without JavaScript: it fills the boxes, presses the page's own buttons and checks each
// page it lands on with axe (`form.check`). Every child, parent and address here is made up.

/** The page the form is filled in, and how to check the page it is on for accessibility. */
export type Form = { page: Page; check: () => Promise<void> };

export function scriptedForm(page: Page): Form {
  return { page, check: () => expectAccessible(page) };
}

/**
 * A page without JavaScript cannot run axe, so the HTML it shows is checked in a second page that has
 * JavaScript (for axe) but loads none of the site's own scripts: the same markup, styles and all. Pages of a
 * shape already checked are not checked again (fixtures.ts#expectAccessible).
 */
export async function unscriptedForm(page: Page, checker: Page): Promise<Form> {
  await checker.route((url) => url.pathname.endsWith(".js"), (route) => route.abort());
  return {
    page,
    check: async () => {
      const [html, url] = [await page.content(), page.url()];
      await checker.route((candidate) => candidate.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }), { times: 1 });
      await checker.goto(url);
      await expectAccessible(checker);
    },
  };
}

/** A date N years (and D days) before today in London, as the form's date boxes take it (YYYY-MM-DD). */
export function yearsAgo(years: number, days = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d - days));
  return date.toISOString().slice(0, 10);
}

/** A group of questions (a fieldset) by its legend. */
export function group(scope: Page | Locator, legend: string | RegExp): Locator {
  return scope.getByRole("group", { name: legend, exact: typeof legend === "string" });
}

export async function choose(scope: Page | Locator, legend: string | RegExp, option: string | RegExp) {
  await group(scope, legend).getByRole("radio", { name: option, exact: typeof option === "string" }).check();
}

export async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
}

/** From a section page back on the task list, with that section completed. */
export async function expectCompleted(form: Form, section: string) {
  const { page } = form;
  await expect(page).toHaveURL(/\/referrals\/drafts\/[0-9a-f-]+$/);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("link", { name: section, exact: true }) })).toContainText("Completed");
  await form.check();
}

export async function openSection(form: Form, section: string) {
  const { page } = form;
  await page.getByRole("link", { name: section, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(section);
  await form.check();
}

export async function answerBeforeYouStart(form: Form) {
  const { page } = form;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Before you start");
  await form.check();
  await choose(page, "Is a child at immediate risk of harm?", "No");
  await choose(page, "Is your worry about an adult who works with children?", "No");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/referrals\/drafts\/[0-9a-f-]+$/);
  await form.check();
}

export async function fillAboutYou(form: Form) {
  const { page } = form;
  await openSection(form, "About you");
  // Prefilled from the account; the demo account has no phone number.
  await expect(page.getByLabel("Full name")).not.toHaveValue("");
  await page.getByLabel("Phone number").fill("01604 000000");
  await saveAndContinue(page);
  await expectCompleted(form, "About you");
}

export type ChildAnswers = { firstName: string; lastName: string; dateOfBirth: string; sex: "Female" | "Male" | "Not known"; school?: string };

export async function fillChild(page: Page, index: number, child: ChildAnswers) {
  const box = group(page, `Child ${index + 1}`);
  await box.getByLabel("First name", { exact: true }).fill(child.firstName);
  await box.getByLabel("Last name", { exact: true }).fill(child.lastName);
  await choose(box, "Is this an unborn baby?", "No, the child has been born");
  await box.getByLabel("Date of birth").fill(child.dateOfBirth);
  await choose(box, "Sex", child.sex);
  await choose(box, "Does the child or family need an interpreter?", "No");
  await choose(box, "Does the child have a learning difficulty, disability or special educational needs?", "No");
  if (child.school) await box.getByLabel("School, nursery or setting (optional)").fill(child.school);
  await box.getByLabel("Home address").fill("12 Example Row, Northampton");
  await box.getByLabel("Postcode").fill("nn1 1ed");
}

export const SIBLINGS: ChildAnswers[] = [
  { firstName: "Robin", lastName: "Testfield", dateOfBirth: yearsAgo(7, 40), sex: "Female", school: "Riverside Primary School" },
  { firstName: "Kit", lastName: "Testfield", dateOfBirth: yearsAgo(4, 100), sex: "Male" },
];

export async function fillChildren(form: Form, children: ChildAnswers[]) {
  const { page } = form;
  await openSection(form, "The children");
  for (const [i, child] of children.entries()) {
    if (i > 0) {
      await page.getByRole("button", { name: "Add another child" }).click();
      await expect(group(page, `Child ${i + 1}`)).toBeVisible();
      await form.check();
    }
    await fillChild(page, i, child);
  }
  await saveAndContinue(page);
  await expectCompleted(form, "The children");
}

export async function fillFamily(form: Form) {
  const { page } = form;
  await openSection(form, "Family and household");
  const carer = group(page, "Parent or carer 1");
  await carer.getByLabel("Name", { exact: true }).fill("Jordan Testfield");
  await carer.getByLabel("Relationship to the children").fill("Mother");
  await choose(carer, "Do they have parental responsibility?", "Yes");
  await carer.getByLabel("Phone number (optional)").fill("07700 900123");
  await choose(page, "Is there any risk to a professional visiting the home?", "No");
  await saveAndContinue(page);
  await expectCompleted(form, "Family and household");
}

export async function fillProfessionals(form: Form) {
  const { page } = form;
  await openSection(form, "Other professionals and services");
  await page.getByLabel("Other professionals involved with the family (optional)").fill("School nurse: Pat Example, 01604 000001");
  await choose(page, "Is there an Early Help Assessment or Early Help plan?", "No");
  await choose(page, "Is the child open to children's social care now?", "Not known");
  await choose(page, "Is the child open to early help now?", "No");
  await saveAndContinue(page);
  await expectCompleted(form, "Other professionals and services");
}

export async function fillWorriesFields(page: Page) {
  await page.getByLabel("What are you worried about?").fill("Robin arrived at school on Monday with bruising to both upper arms, in the shape of fingertips.");
  await page.getByLabel("How do you know?").fill("I saw the bruising myself during PE at 10:15. Robin told me: 'Dad grabbed me when I spilt my drink.'");
  await page.getByLabel("What is working well?").fill("Robin attends every day and has a trusted teaching assistant.");
  await page.getByLabel("What needs to happen?").fill("A child protection enquiry for Robin and Kit.");
  await choose(page, "On a scale of 0 to 10, how safe is the child?", "2");
  await page.getByLabel("What has the child said, and what is their daily life like?").fill("Robin said they are scared to go home when Dad is angry.");
  await choose(page, "What are you asking the MASH for?", "Social Care intervention");
}

export async function fillWorries(form: Form) {
  const { page } = form;
  await openSection(form, "Your worries");
  await fillWorriesFields(page);
  await saveAndContinue(page);
  await expectCompleted(form, "Your worries");
}

/** The level of need page, arriving with the level check's tick already in place. */
export async function confirmNeeds(form: Form, indicator: RegExp) {
  const { page } = form;
  await openSection(form, "Level of need");
  await expect(page.getByRole("checkbox", { name: indicator })).toBeChecked();
  await saveAndContinue(page);
  await expectCompleted(form, "Level of need");
}

export async function fillConsentWithoutConsent(form: Form, options: { reason: boolean }) {
  const { page } = form;
  await openSection(form, "Consent and information sharing");
  await choose(page, "Has the family given consent to this referral?", "No, I have not asked the family");
  if (options.reason) {
    await choose(page, "Why must the referral go without consent?", /reasonable cause to suspect the child is suffering/);
    await page.getByLabel("Your reasons for referring without consent").fill("Fingertip bruising on a 7-year-old with a disclosure about Dad: reasonable cause to suspect significant harm.");
    await page.getByLabel("What you did to get consent, or the family's views if they refused").fill("Not asked: asking Dad could put Robin and Kit at greater risk before the MASH acts.");
  }
  await choose(page, "Does the family know about this referral?", "No");
  await page.getByLabel("Why has the family not been told?").fill("Telling the family could put the children at greater risk.");
  await saveAndContinue(page);
  await expectCompleted(form, "Consent and information sharing");
}

export async function fillConsentGiven(form: Form) {
  const { page } = form;
  await openSection(form, "Consent and information sharing");
  await choose(page, "Has the family given consent to this referral?", "Yes, the family has given consent");
  await page.getByLabel("Who gave consent?").fill("Jordan Testfield");
  await page.getByLabel("Their relationship to the child").fill("Mother");
  await page.getByLabel("When did they give it?").fill(yearsAgo(0, 1));
  await choose(page, "How did they give it?", "Verbally");
  await choose(page, "Does the family know about this referral?", "Yes");
  await saveAndContinue(page);
  await expectCompleted(form, "Consent and information sharing");
}

/** Check your answers → declaration → send → the confirmation page; returns the reference. */
export async function checkAndSend(form: Form, button: "Send referral" | "Send request"): Promise<string> {
  const { page } = form;
  await page.getByRole("link", { name: "Check your answers and send" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Check your answers");
  await form.check();
  await page.getByRole("checkbox", { name: /I confirm that the information/ }).check();
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]+\/confirmation$/);
  await form.check();
  return (await page.getByTestId("reference").innerText()).trim();
}

export async function expectOnMyReferrals(form: Form, reference: string, children: string) {
  const { page } = form;
  await page.goto("/referrals");
  await form.check();
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(children);
  await expect(row).toContainText("Received");
}
