import type { Browser } from "@playwright/test";
import { childInput, mashReferralInput } from "@/tests/factories/referral";
import { expect, expectAccessible, mintTokenInBrowser, signedInAt, signIn, summaryRow, test } from "./fixtures";

// The MASH workbench from end to end: a practitioner's referral reaches the manager's queue; the manager
// rates it Red, which starts a 1-hour clock, and allocates it; the DAAT manager and the social worker see it
// and are told. A second contact rated Amber then stepped up to Red starts its clock again, and a decision
// made on a stale page is refused with the reason. The referrals go in through the API (the forms have their
// own tests); everything after that goes through the pages. The child is made up, with a random surname and
// an NHS number from the range the NHS keeps for testing, so a run does not depend on any other test's data.

/** A valid NHS number in the 999 test range (modulus 11 check digit). */
function testNhsNumber(): string {
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
    const check = 11 - (digits.reduce((sum, digit, i) => sum + digit * (10 - i), 0) % 11);
    if (check !== 10) return [...digits, check === 11 ? 0 : check].join("");
  }
}

const surname = `Wb${Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("")}`;
const childName = `Rowan ${surname}`;
const ONE_HOUR_LEFT = /59 minutes left|1 hour left/;

/** An API token for a practitioner, minted on the API tokens page as a person would. */
async function practitionerToken(browser: Browser): Promise<string> {
  const page = await signedInAt(browser, "teacher@example.org", "/");
  const token = await mintTokenInBrowser(page, "Workbench test");
  await page.context().close();
  return token;
}

// Six people's pages with axe on each: about a minute on a quiet machine, more on a busy CI runner.
test.describe.configure({ timeout: 300_000 });

test("a referral is rated Red and allocated; the DAAT manager and social worker see it; re-rating restarts the clock; a stale form is refused", async ({ page, browser, request }) => {
  // The practitioner sends two referrals about the same child.
  const token = await practitionerToken(browser);
  const child = childInput({ firstName: "Rowan", lastName: surname, nhsNumber: testNhsNumber() });
  const send = async (whatHappened: string) => {
    const response = await request.post("/api/v1/referrals", { headers: { Authorization: `Bearer ${token}` }, data: mashReferralInput({ children: [child], worries: { whatHappened } }) });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { reference: string }).reference;
  };
  const first = await send("Rowan arrived at school with bruising to both upper arms.");
  const second = await send("Rowan arrived at school again with new bruising, a week later.");

  // Both wait in the manager's queue, with their flags in words; the second is known to be the same child.
  await signIn(page, "mash.manager@example.org");
  await page.goto("/contacts");
  await expect(page).toHaveTitle(/^Contacts – /);
  const firstRow = page.getByRole("row").filter({ hasText: first });
  await expect(firstRow).toContainText(childName);
  await expect(firstRow).toContainText("Riverside Primary School");
  await expect(firstRow).toContainText("Level 4");
  await expect(firstRow.locator("time")).toHaveAttribute("datetime", /Z$/);
  await expect(page.getByRole("row").filter({ hasText: second })).toContainText("1 earlier contact");
  await expectAccessible(page);

  // The filter form is a plain GET form: "Earlier contacts" keeps the second and drops the first.
  await page.getByLabel("Flag", { exact: true }).selectOption({ label: "Earlier contacts" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/flag=PRIOR_CONTACTS/);
  await expect(page.getByRole("row").filter({ hasText: second })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: first })).toHaveCount(0);

  // The manager opens the first, rates it Red with direction and rationale: a 1-hour clock starts.
  await page.goto("/contacts");
  await page.getByRole("row").filter({ hasText: first }).getByRole("link", { name: first }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first);
  const firstUrl = new URL(page.url()).pathname;
  await expect(summaryRow(page, "Rating")).toContainText("Not rated yet");
  const rate = page.getByRole("region", { name: "Rate this contact" });
  await rate.getByRole("radio", { name: "Red", exact: true }).check();
  await rate.getByLabel("Management direction").fill("Screen now with MASH police and health; strategy discussion if the injuries are confirmed.");
  await rate.getByLabel("Why this rating").fill("Fingertip bruising and a disclosure about an adult at home: reasonable cause to suspect significant harm.");
  await rate.getByRole("button", { name: "Save the rating" }).click();
  await expect(page).toHaveURL(/\?done=rated$/);
  await expect(page.getByRole("alert").filter({ hasText: "Contact rated Red" })).toContainText("The DAAT team on duty");
  await expect(summaryRow(page, "Rating")).toContainText("Child protection");
  await expect(summaryRow(page, "Screening deadline")).toContainText(ONE_HOUR_LEFT);
  await expect(summaryRow(page, "Screening deadline").locator("time")).toHaveAttribute("datetime", /Z$/);
  await expectAccessible(page);

  // … and allocates it to the social worker.
  const allocate = page.getByRole("region", { name: "Allocate to a social worker" });
  await allocate.getByLabel("Social worker").selectOption({ label: "Aisha Rahman (MASH Social Worker)" });
  await allocate.getByLabel("Reason (optional)").fill("Aisha is on duty and knows the school.");
  await allocate.getByRole("button", { name: "Allocate" }).click();
  await expect(page).toHaveURL(/\?done=allocated$/);
  await expect(page.getByRole("alert").filter({ hasText: "Contact allocated to Aisha Rahman" })).toBeVisible();
  await expect(summaryRow(page, "Social worker")).toContainText("Aisha Rahman");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Received as an online referral");
  await expect(timeline).toContainText("Rated Red, screening due by");
  await expect(timeline).toContainText("Allocated to Aisha Rahman");
  await expect(timeline).toContainText("Helen Price");

  // The second contact: Amber first.
  await page.goto("/contacts");
  await page.getByRole("row").filter({ hasText: second }).getByRole("link", { name: second }).click();
  await expect(page.getByRole("region", { name: "Earlier contacts for this child" })).toContainText("The same NHS number");
  const secondRate = page.getByRole("region", { name: "Rate this contact" });
  await secondRate.getByRole("radio", { name: "Amber", exact: true }).check();
  await secondRate.getByLabel("Management direction").fill("Screen within 24 hours; check what health and police hold.");
  await secondRate.getByLabel("Why this rating").fill("A second bruising report: social care response needed, no disclosure this time.");
  await secondRate.getByRole("button", { name: "Save the rating" }).click();
  await expect(page).toHaveURL(/\?done=rated$/);
  await expect(summaryRow(page, "Screening deadline")).toContainText(/23 hours/);

  // Another tab steps it up to Red: the clock starts again at 1 hour.
  const other = await page.context().newPage();
  await other.goto(new URL(page.url()).pathname);
  const review = other.getByRole("region", { name: "Review the rating" });
  await review.getByRole("radio", { name: "Red", exact: true }).check();
  await review.getByLabel("Management direction").fill("Strategy discussion today with police and health.");
  await review.getByLabel("Why you are changing the rating").fill("Police hold a domestic abuse call-out at the address last night: stepped up to Red.");
  await review.getByRole("button", { name: "Save the new rating" }).click();
  await expect(other).toHaveURL(/\?done=rated$/);
  await expect(summaryRow(other, "Screening deadline")).toContainText(ONE_HOUR_LEFT);
  const ratings = other.getByRole("region", { name: "Ratings and allocations" });
  await expect(ratings.getByRole("listitem")).toHaveCount(2);
  await expect(ratings.getByRole("listitem").first()).toContainText("changed from Amber");
  await expect(ratings.getByRole("listitem").first()).toContainText("stepped up to Red");
  await expect(ratings.getByRole("listitem").last()).toContainText("no disclosure this time");
  await expect(other.getByRole("region", { name: "Timeline" })).toContainText("Rating changed from Amber to Red; the clock started again");
  await other.close();

  // The first tab still shows the Amber version: its decision is refused, and what was typed is kept.
  const stale = page.getByRole("region", { name: "Review the rating" });
  await stale.getByRole("radio", { name: "Green", exact: true }).check();
  await stale.getByLabel("Management direction").fill("Signpost to Partnership Support.");
  await stale.getByLabel("Why you are changing the rating").fill("Stepping down: typed on a page opened before the Red rating.");
  await stale.getByRole("button", { name: "Save the new rating" }).click();
  const problem = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(problem).toContainText("Someone else changed this contact after you opened it");
  await expect(problem.getByRole("link", { name: /Reload this contact/ })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(stale.getByLabel("Why you are changing the rating")).toHaveValue("Stepping down: typed on a page opened before the Red rating.");
  await expect(stale.getByRole("radio", { name: "Green", exact: true })).toBeChecked();
  await expectAccessible(page);
  await problem.getByRole("link", { name: /Reload this contact/ }).click();
  await expect(summaryRow(page, "Rating")).toContainText("Red");
  const secondUrl = new URL(page.url()).pathname;

  // The DAAT manager sees both Red contacts, and was told of each.
  const daat = await signedInAt(browser, "daat.manager@example.org", "/contacts");
  await expect(daat.getByRole("heading", { level: 1 })).toHaveText("Red contacts");
  await expect(daat.getByRole("row").filter({ hasText: first })).toContainText("Allocated to Aisha Rahman");
  await expect(daat.getByRole("row").filter({ hasText: second })).toContainText(/\d+ minutes left|1 hour left/);
  await expectAccessible(daat);
  await daat.goto("/notifications");
  await expect(daat.getByRole("article").filter({ hasText: `Red contact ${first}` })).toContainText("Unread");
  await expect(daat.getByRole("article").filter({ hasText: `Red contact ${second}` })).toBeVisible();
  await expectAccessible(daat);
  await daat.context().close();

  // The social worker sees the allocation with its clock, and was told; the other contact is not theirs.
  const worker = await signedInAt(browser, "social.worker@example.org", "/allocations");
  const allocation = worker.getByRole("row").filter({ hasText: first });
  await expect(allocation).toContainText(childName);
  await expect(allocation).toContainText(/\d+ minutes left|1 hour left/);
  await expect(worker.getByRole("row").filter({ hasText: second })).toHaveCount(0);
  await expectAccessible(worker);
  expect((await worker.request.get(secondUrl)).status()).toBe(404);
  expect((await worker.request.get(`${firstUrl}/attachments/00000000-0000-4000-8000-000000000000`)).status()).toBe(404);
  await worker.goto("/notifications");
  const told = worker.getByRole("article").filter({ hasText: `Red contact ${first} allocated to you` });
  await expect(told).toContainText("Unread");
  await expectAccessible(worker);
  await worker.getByRole("button", { name: "Mark all as read" }).click();
  await expect(worker.getByRole("alert").filter({ hasText: "marked as read" })).toBeVisible();
  await expect(told).not.toContainText("Unread");
  await told.getByRole("link", { name: /Open the contact/ }).click();
  await expect(worker.getByRole("heading", { level: 1 })).toContainText(first);
  await expect(worker.getByRole("region", { name: "Rate this contact" })).toHaveCount(0);
  await expect(worker.getByRole("region", { name: "Review the rating" })).toHaveCount(0);
  await expectAccessible(worker);
  await worker.context().close();
});
