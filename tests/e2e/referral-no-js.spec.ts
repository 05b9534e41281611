import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/demo/demo-data";
import { expect, signIn, test } from "./fixtures";
import {
  answerBeforeYouStart,
  checkAndSend,
  choose,
  confirmNeeds,
  expectCompleted,
  expectOnMyReferrals,
  fillAboutYou,
  fillChildren,
  fillConsentWithoutConsent,
  fillFamily,
  fillProfessionals,
  fillWorries,
  fillWorriesFields,
  group,
  openSection,
  saveAndContinue,
  SIBLINGS,
  unscriptedForm,
  type Form,
} from "./referral-steps";

// GOV.UK services must work without JavaScript: every page of the form is a plain HTML form posted to a
// server action. The forms are filled in a browser with JavaScript switched off; signing in (next-auth's
// sign-in page needs JavaScript) happens in a second, ordinary tab whose cookies the first then shares, as
// two tabs of one browser would. That tab also runs axe on each page's HTML. "Check the level of need"
// itself needs JavaScript, so these start from its record page, which is plain HTML.

const NAI = /Suspected non accidental injury including Injury and bruising in babies/;
const RECORD = "/thresholds/check/record?version=rhrt-2025&i=rhrt-2025/health/4/10&suggested=4&chosen=4";

/** Signs in with the scripted page, then opens a page with JavaScript off that shares the session. */
async function unscriptedSession(browser: Browser, checker: Page, email: string): Promise<{ form: Form; context: BrowserContext }> {
  await signIn(checker, email);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await checker.context().storageState() });
  return { form: await unscriptedForm(await context.newPage(), checker), context };
}

/** Signs in again as a second tab would, through next-auth's own endpoints (its sign-in page needs JavaScript). */
async function signInAgain(context: BrowserContext, email: string) {
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
}

test.describe("the MASH referral without JavaScript", () => {
  // A whole referral is a dozen pages, each checked with axe: longer than the default two minutes.
  test.describe.configure({ timeout: 300_000 });

  test("two siblings, from the level check's record to the confirmation page", async ({ page: checker, browser }) => {
    // Every page is checked twice over (the page, then its HTML in the checker): give it three times as long.
    test.slow();
    const { form, context } = await unscriptedSession(browser, checker, "teacher@example.org");
    const { page } = form;
    await page.goto(RECORD);
    await form.check();
    await page.getByRole("link", { name: "Continue to the MASH referral" }).click();

    // The server checks "Before you start" too.
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Say whether a child is at immediate risk of harm");
    await expect(page).toHaveTitle(/^Error: /);
    await form.check();
    await answerBeforeYouStart(form);

    await fillAboutYou(form);

    // Conditional questions all show without JavaScript; an invalid page comes back from the server with
    // its answers and the error summary, and "Add another child" works as a plain button.
    await openSection(form, "The children");
    const first = group(page, "Child 1");
    await expect(first.getByLabel("Expected due date")).toBeVisible();
    await first.getByLabel("First name", { exact: true }).fill("Robin");
    await saveAndContinue(page);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter the child's last name");
    await expect(page).toHaveTitle(/^Error: The children/);
    await expect(first.getByLabel("First name", { exact: true })).toHaveValue("Robin");
    await form.check();
    await page.getByRole("button", { name: "Add another child" }).click();
    await expect(group(page, "Child 2")).toBeVisible();
    await expect(group(page, "Child 1").getByLabel("First name", { exact: true })).toHaveValue("Robin");
    await page.getByRole("button", { name: "Remove child 2" }).click();
    await expect(group(page, "Child 2")).toHaveCount(0);
    await form.check();
    await page.getByRole("link", { name: "Back to the task list" }).click();
    await form.check();

    await fillChildren(form, SIBLINGS);
    await fillFamily(form);
    await fillProfessionals(form);
    await fillWorries(form);
    await confirmNeeds(form, NAI);
    await fillConsentWithoutConsent(form, { reason: true });

    await page.getByRole("link", { name: "Attachments (optional)" }).click();
    await form.check();
    await page.getByLabel("Upload a file").setInputFiles({ name: "eha-plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% a made-up plan\n%%EOF\n") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("eha-plan.pdf has been attached")).toBeVisible();
    await form.check();
    await page.getByRole("link", { name: "Return to the task list" }).click();
    await form.check();

    // Sending without the declaration is refused by the server, with the reason.
    await page.getByRole("link", { name: "Check your answers and send" }).click();
    await form.check();
    await page.getByRole("button", { name: "Send referral" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Confirm the declaration to send the referral");
    await form.check();
    await page.getByRole("link", { name: "Back to the task list" }).click();

    const reference = await checkAndSend(form, "Send referral");
    expect(reference).toMatch(/^MASH-\d{4}-\d{6}$/);
    await expectOnMyReferrals(form, reference, "Robin Testfield and Kit Testfield");
    await context.close();
  });

  test("a session that ends mid-form loses nothing typed, without JavaScript too", async ({ page: checker, browser }) => {
    const { form, context } = await unscriptedSession(browser, checker, "police@example.org");
    const { page } = form;
    await page.goto("/referrals/new?kind=MASH");
    await answerBeforeYouStart(form);
    await openSection(form, "Your worries");
    await fillWorriesFields(page);

    // The session ends elsewhere: signing out in another tab (a plain form, so it works without JavaScript).
    const other = await context.newPage();
    await other.goto("/referrals");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other).toHaveURL(/\/sign-in\?signedOut=1/);
    await other.close();

    await saveAndContinue(page);
    const notice = page.getByRole("alert").filter({ hasText: "Your session has ended" });
    await expect(notice).toContainText("What you typed is still here.");
    await expect(page.getByLabel("What are you worried about?")).toHaveValue(/fingertips/);
    await expect(group(page, "What are you asking the MASH for?").getByRole("radio", { name: "Social Care intervention" })).toBeChecked();
    await form.check();

    // Sign in again (as in a new tab), come back, save: it is kept.
    await signInAgain(context, "police@example.org");
    await saveAndContinue(page);
    await expectCompleted(form, "Your worries");
  });

  test("a child at immediate risk: phone first, then write the follow-up", async ({ page: checker, browser }) => {
    const { form, context } = await unscriptedSession(browser, checker, "teacher@example.org");
    const { page } = form;
    await page.goto("/referrals/new?kind=MASH");
    await choose(page, "Is a child at immediate risk of harm?", "Yes");
    await choose(page, "Is your worry about an adult who works with children?", "No");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Phone now");
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "999" })).toHaveAttribute("href", "tel:999");
    await expect(main.getByRole("link", { name: "0300 126 7000" })).toHaveAttribute("href", "tel:03001267000");
    await expect(main.getByRole("link", { name: "01604 626938" })).toHaveAttribute("href", "tel:01604626938");
    await form.check();
    await page.getByRole("button", { name: "I have phoned the MASH: write the follow-up referral" }).click();
    await expect(page.getByText("This is the written follow-up to your phone call to the MASH. Send it within 24 hours of the call.")).toBeVisible();
    await form.check();
    await context.close();
  });
});
