import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";
import {
  answerBeforeYouStart,
  checkAndSend,
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
  scriptedForm,
} from "./referral-steps";

const NAI = /Suspected non accidental injury including Injury and bruising in babies/;

test.describe("the MASH referral", () => {
  // A whole referral is a dozen pages, each checked with axe: longer than the default two minutes.
  test.describe.configure({ timeout: 300_000 });

  test("two siblings, from the level check to the confirmation page, then on My referrals", async ({ page }) => {
    await signIn(page, "teacher@example.org");
    const form = scriptedForm(page);

    // The level check, carried into the form.
    await page.goto("/thresholds/check");
    await expectAccessible(page);
    await page.getByLabel("Search the indicators").fill("bruising");
    await page.getByRole("checkbox", { name: NAI }).check();
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/thresholds\/check\/record\?/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Continue to the MASH referral" }).click();
    await expect(page).toHaveURL(/\/referrals\/new\?kind=MASH&version=rhrt-2025/);
    await expect(page.getByText(/Your level of need check \(Level 4, 1 indicator\)/)).toBeVisible();
    await answerBeforeYouStart(form);
    await expect(page.getByText("You have completed 1 of 7 sections.")).toBeVisible();

    await fillAboutYou(form);

    // A page sent with a problem comes back with the error summary and every answer kept.
    await openSection(form, "The children");
    const child = group(page, "Child 1");
    await child.getByLabel("First name", { exact: true }).fill("Robin");
    await child.getByLabel("Postcode").fill("not a postcode");
    await saveAndContinue(page);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Enter the child's last name");
    await expect(summary).toContainText("Enter a real UK postcode, like NN1 1ED");
    await expect(page).toHaveTitle(/^Error: /);
    await expect(child.getByLabel("First name", { exact: true })).toHaveValue("Robin");
    await expectAccessible(page);
    await summary.getByRole("link", { name: "Enter the child's last name" }).click();
    await expect(child.getByLabel("Last name", { exact: true })).toBeFocused();
    await page.getByRole("link", { name: "Back to the task list" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "The children" })).toContainText(/Not yet started|In progress/);
    await expectAccessible(page);

    await fillChildren(form, SIBLINGS);
    await fillFamily(form);
    await fillProfessionals(form);
    await fillWorries(form);
    await confirmNeeds(form, NAI);
    await fillConsentWithoutConsent(form, { reason: true });

    // Attachments are optional; the page lists the rules.
    await page.getByRole("link", { name: "Attachments (optional)" }).click();
    await expect(page.getByText(/PDF, Word \(DOCX\), PNG or JPEG/)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Upload a file").setInputFiles({ name: "chronology.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% a made-up chronology\n%%EOF\n") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText("chronology.pdf has been attached")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Upload a file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("MZ this is not really a picture") });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("must be a PDF, a Word document (DOCX), or a PNG or JPEG image");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Return to the task list" }).click();
    await expect(page.getByText("You have completed 7 of 7 sections.")).toBeVisible();
    await expectAccessible(page);

    const reference = await checkAndSend(form, "Send referral");
    expect(reference).toMatch(/^MASH-\d{4}-\d{6}$/);
    await expect(page.getByText(/A MASH manager will review your referral/)).toBeVisible();
    await expect(page.getByText("You will be told the outcome in writing.")).toBeVisible();

    await expectOnMyReferrals(form, reference, "Robin Testfield and Kit Testfield");
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
    await expect(page.getByRole("link", { name: "chronology.pdf" })).toBeVisible();
    await expectAccessible(page);

    // The file downloads, never shows in the page, and is not cached.
    const download = await page.request.get((await page.getByRole("link", { name: "chronology.pdf" }).getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect(download.headers()).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": "attachment; filename=\"chronology.pdf\"; filename*=UTF-8''chronology.pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect((await download.body()).toString()).toContain("a made-up chronology");
  });

  test("a session that ends mid-form loses nothing typed", async ({ page, context }) => {
    await signIn(page, "health.visitor@example.org");
    const form = scriptedForm(page);
    await page.goto("/referrals/new?kind=MASH");
    await answerBeforeYouStart(form);
    await openSection(form, "Your worries");
    await fillWorriesFields(page);

    // The session ends elsewhere: signing out in another tab of the same browser.
    const other = await context.newPage();
    await other.goto("/referrals");
    await expectAccessible(other);
    await signOut(other);

    await saveAndContinue(page);
    const notice = page.getByRole("alert").filter({ hasText: "Your session has ended" });
    await expect(notice).toContainText("What you typed is still here.");
    await expect(notice.getByRole("link", { name: /Sign in again in a new tab/ })).toHaveAttribute("target", "_blank");
    await expect(page.getByLabel("What are you worried about?")).toHaveValue(/fingertips/);
    await expect(group(page, "On a scale of 0 to 10, how safe is the child?").getByRole("radio", { name: "2", exact: true })).toBeChecked();
    await expectAccessible(page);

    // Sign in again in the other tab, come back, save: it is kept.
    await signIn(other, "health.visitor@example.org");
    await other.close();
    await saveAndContinue(page);
    await expectCompleted(form, "Your worries");
    await openSection(form, "Your worries");
    await expect(page.getByLabel("How do you know?")).toHaveValue(/I saw the bruising myself/);
  });

  test("warns five minutes before an idle session ends, and Stay signed in keeps it", async ({ page }) => {
    await signIn(page, "teacher@example.org");
    const form = scriptedForm(page);
    await page.clock.install();
    await page.goto("/referrals/new?kind=MASH");
    await answerBeforeYouStart(form);
    await openSection(form, "About you");
    await page.clock.fastForward("25:00");
    const warning = page.getByRole("alertdialog", { name: "You will be signed out soon" });
    await expect(warning).toBeVisible();
    await expectAccessible(page);
    await warning.getByRole("button", { name: "Stay signed in" }).click();
    await expect(warning).toBeHidden();
  });

  test("the consent gate: without consent and without a reason, the referral cannot be sent, and the page says why", async ({ page }) => {
    // A whole referral is filled in first, so that only the consent gate stands in the way.
    test.slow();
    await signIn(page, "teacher@example.org");
    const form = scriptedForm(page);
    await page.goto("/thresholds/check/record?version=rhrt-2025&i=rhrt-2025/health/4/10&suggested=4&chosen=4");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Continue to the MASH referral" }).click();
    await answerBeforeYouStart(form);
    await fillAboutYou(form);
    await fillChildren(form, SIBLINGS.slice(0, 1));
    await fillFamily(form);
    await fillProfessionals(form);
    await fillWorries(form);
    await confirmNeeds(form, NAI);

    await openSection(form, "Consent and information sharing");
    await expect(page.getByText(/A referral without consent, and without such a reason, cannot be sent/)).toBeVisible();
    await page.getByRole("link", { name: "Back to the task list" }).click();
    await expectAccessible(page);
    await fillConsentWithoutConsent(form, { reason: false });

    await page.getByRole("link", { name: "Check your answers and send" }).click();
    const gate = page.getByRole("region", { name: "This referral cannot be sent yet" });
    await expect(gate).toContainText("Choose why the referral must go without consent, or record the family's consent");
    await expect(gate).toContainText("ask you to seek consent first");
    await expectAccessible(page);
    await page.getByRole("checkbox", { name: /I confirm that the information/ }).check();
    await page.getByRole("button", { name: "Send referral" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("This cannot be sent until consent is recorded");
    await expect(page).toHaveURL(/\/check$/);
    await expectAccessible(page);

    // The summary leads to the answer to fix.
    await summary.getByRole("link", { name: /Explain your decision to refer without consent/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Consent and information sharing");
    await expect(group(page, "Has the family given consent to this referral?").getByRole("radio", { name: "No, I have not asked the family" })).toBeChecked();
    await expectAccessible(page);
  });
});
