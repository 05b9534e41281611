import { expect, expectAccessible, signIn, test } from "./fixtures";
import { expectEmail } from "./mail";
import { answerBeforeYouStart, checkAndSend, expectCompleted, expectOnMyReferrals, fillAboutYou, fillChildren, fillConsentGiven, fillFamily, openSection, saveAndContinue, scriptedForm, SIBLINGS } from "./referral-steps";

const ABSENCE = /Significant unauthorised absence from school\/nursery\/college/;

test.describe("the early-help request", () => {
  // A whole referral is a dozen pages, each checked with axe: longer than the default two minutes.
  test.describe.configure({ timeout: 300_000 });

  test("a Level 3 request to CFSS, from the level check to the confirmation page with the 3-working-days promise", async ({ page }) => {
    await signIn(page, "teacher@example.org");
    const form = scriptedForm(page);

    await page.goto("/thresholds/check");
    await page.getByLabel("Search the indicators").fill("unauthorised absence");
    await page.getByRole("checkbox", { name: ABSENCE }).check();
    await expect(page.getByTestId("suggested-level")).toContainText("Level 3");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/thresholds\/check\/record\?/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Continue to the early-help request" }).click();
    await expect(page).toHaveURL(/\/referrals\/new\?kind=EARLY_HELP&/);
    await answerBeforeYouStart(form);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Early-help request");
    await expect(page.getByText("You have completed 1 of 6 sections.")).toBeVisible();

    await fillAboutYou(form);
    await fillChildren(form, SIBLINGS.slice(0, 1));
    await fillFamily(form);

    await openSection(form, "Level of need");
    await expect(page.getByRole("checkbox", { name: ABSENCE })).toBeChecked();
    await expect(page.getByRole("radio", { name: /Level 3: .*\(suggested\)/ })).toBeChecked();
    await saveAndContinue(page);
    await expectCompleted(form, "Level of need");

    await openSection(form, "Needs and support tried");
    await page.getByLabel("The family's needs, in your own words").fill("Robin has missed 30% of sessions this term since the family moved; Mum is struggling with mornings.");
    await page.getByLabel("What support has been tried, and what difference did it make?").fill("In-school attendance mentoring since September: a small improvement, then it fell away.");
    await saveAndContinue(page);
    await expectCompleted(form, "Needs and support tried");

    await openSection(form, "Consent and information sharing");
    await expect(page.getByText(/A Level 2 request needs the parents.* consent\. There is no way around it\./)).toBeVisible();
    await page.getByRole("link", { name: "Back to the task list" }).click();
    await expectAccessible(page);
    await fillConsentGiven(form);

    const reference = await checkAndSend(form, "Send request");
    expect(reference).toMatch(/^CFSS-\d{4}-\d{6}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
    await expect(page.getByText("A partnership coordinator will contact you within 3 working days.")).toBeVisible();

    await expectOnMyReferrals(form, reference, "Robin Testfield");

    // The acknowledgement goes through the outbox to the SMTP server within a few seconds, with the
    // reference and never the child's name.
    const email = await expectEmail("teacher@example.org", `Early-help request ${reference} received`);
    expect(email.body).toContain(reference);
    expect(email.body).not.toContain("Testfield");
  });

  test("a Level 4 check belongs to the MASH: the early-help form says so and links to the MASH referral", async ({ page }) => {
    await signIn(page, "teacher@example.org");
    await page.goto("/referrals/new?kind=EARLY_HELP&version=rhrt-2025&i=rhrt-2025/health/4/10&suggested=4&chosen=4");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("points to the MASH referral");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start a MASH referral instead" }).click();
    await expect(page).toHaveURL(/kind=MASH/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Before you start");
    await expectAccessible(page);
  });
});
