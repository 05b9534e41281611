import type { Browser, Locator, Page } from "@playwright/test";
import { childInput, mashReferralInput } from "@/tests/factories/referral";
import { expect, expectAccessible, mintTokenInBrowser, signedInAt, signIn, summaryRow, test } from "./fixtures";
import { expectEmail } from "./mail";

// Screening to outcome, across roles (issue 7): a practitioner's referral is rated and allocated; the social
// worker asks police and health, who answer; the social worker screens it, the manager steps it up to a
// strategy discussion, the DAAT manager records the meeting, and the practitioner gets the outcome letter in
// "My referrals" and by e-mail. A second journey takes a Green contact through CFSS triage to its letter.
// The referrals go in through the API (the referral forms have their own tests); everything after that goes
// through the pages, each person in their own browser context. Children are made up, with random surnames.

const randomLetters = () => Array.from({ length: 6 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
const ONE_HOUR_LEFT = /59 minutes left|1 hour left/;

/** A valid NHS number in the 999 test range (modulus 11 check digit). */
function testNhsNumber(): string {
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
    const check = 11 - (digits.reduce((sum, digit, i) => sum + digit * (10 - i), 0) % 11);
    if (check !== 10) return [...digits, check === 11 ? 0 : check].join("");
  }
}

/**
 * The practitioner, signed in in their own context (kept open to read the outcome later), with an API token
 * minted on the API tokens page as a person would.
 */
async function practitioner(browser: Browser): Promise<{ page: Page; token: string }> {
  const page = await signedInAt(browser, "teacher@example.org", "/");
  return { page, token: await mintTokenInBrowser(page, "Screening test") };
}

/** Opens the contact from a queue table by its reference, and returns its path. */
async function openFromQueue(page: Page, reference: string): Promise<string> {
  await page.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  return new URL(page.url()).pathname;
}

/** The manager rates the open contact with direction and rationale. */
async function rate(page: Page, rating: "Red" | "Amber" | "Green", direction: string, why: string) {
  const form = page.getByRole("region", { name: "Rate this contact" });
  await form.getByRole("radio", { name: rating, exact: true }).check();
  await form.getByLabel("Management direction").fill(direction);
  await form.getByLabel("Why this rating").fill(why);
  await form.getByRole("button", { name: "Save the rating" }).click();
  await expect(page).toHaveURL(/\?done=rated$/);
  await expect(summaryRow(page, "Rating")).toContainText(rating);
}

/** The outcome letter on the practitioner's referral page, reached from "My referrals". */
async function expectOutcomeLetter(page: Page, reference: string, childName: string): Promise<Locator> {
  await page.goto("/referrals");
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(childName);
  await expectAccessible(page);
  await row.getByRole("link", { name: `Read the outcome letter for ${reference}` }).click();
  const outcome = page.getByRole("region", { name: "Outcome", exact: true });
  await expect(outcome).toContainText(`Outcome of referral ${reference}`);
  await expect(outcome).toContainText(`Child: ${childName}`);
  await expect(outcome).toContainText("What happens next");
  await expect(outcome).toContainText("If you disagree");
  await expectAccessible(page);
  return outcome;
}

/** London wall-clock date and time now, as the strategy meeting form takes them. */
function londonNow(): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

// Seven people in their own browser contexts, and axe on each new page: on a busy machine this needs more
// than the default two minutes. The two journeys share nothing, so they run side by side.
test.describe.configure({ mode: "parallel", timeout: 240_000 });

test("an Amber contact: police and health answer, the social worker screens it, the manager steps it up, the strategy meeting is recorded and the referrer gets the letter", async ({ page, browser, request }) => {
  const surname = `Sc${randomLetters()}`;
  const childName = `Robin ${surname}`;

  // 1. The practitioner's MASH referral.
  const teacher = await practitioner(browser);
  const response = await request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${teacher.token}` },
    data: mashReferralInput({ children: [childInput({ firstName: "Robin", lastName: surname, nhsNumber: testNhsNumber() })], worries: { whatHappened: "Robin came to school with a burn mark on the back of the hand." } }),
  });
  expect(response.status()).toBe(201);
  const reference = ((await response.json()) as { reference: string }).reference;

  // 2. The manager rates it Amber and allocates it to the social worker.
  await signIn(page, "mash.manager@example.org");
  await page.goto("/contacts");
  await expectAccessible(page);
  const contactPath = await openFromQueue(page, reference);
  await rate(page, "Amber", "Screen within 24 hours; ask police and health what they hold.", "An unexplained burn: a social care response is needed, no disclosure of harm.");
  await expect(summaryRow(page, "Screening deadline")).toContainText(/23 hours/);
  const allocate = page.getByRole("region", { name: "Allocate to a social worker" });
  await allocate.getByLabel("Social worker").selectOption({ label: "Aisha Rahman (MASH Social Worker)" });
  await allocate.getByRole("button", { name: "Allocate" }).click();
  await expect(page).toHaveURL(/\?done=allocated$/);
  await expect(summaryRow(page, "Social worker")).toContainText("Aisha Rahman");
  await expectAccessible(page);

  // 3. The social worker opens it from their allocations and asks police and health.
  const worker = await signedInAt(browser, "social.worker@example.org", "/allocations");
  await expectAccessible(worker);
  await openFromQueue(worker, reference);
  const requests = worker.getByRole("region", { name: "Information requests" });
  await expect(requests).toContainText("No partner agency has been asked yet.");
  await requests.getByRole("checkbox", { name: "Police", exact: true }).check();
  await requests.getByRole("checkbox", { name: "MASH Health", exact: true }).check();
  await requests.getByLabel("What do you want to know?").fill(`What do you hold on ${childName}, his mother Jordan Example and her partner Chris at 1 Example Street?`);
  await requests.getByRole("button", { name: "Send the requests" }).click();
  await expect(worker).toHaveURL(/\?done=requested/);
  await expect(worker.getByRole("alert").filter({ hasText: "Requests sent." })).toBeVisible();
  await expect(requests.getByRole("listitem")).toHaveCount(2);
  await expect(requests).toContainText("Not answered yet.");

  // 4. Police and health each answer their own request.
  const answers = {
    Police: { known: "Known to us, not open", holds: "Log 4471 of 2 March: a neighbour reported shouting at 1 Example Street; no offences found.", analysis: "One domestic call-out: low on its own, relevant with an unexplained injury." },
    Health: { known: "Open to us now", holds: "Health visitor record, 14 May: missed two appointments; growth on the 25th centile.", analysis: "No health concern about growth; missed appointments are worth following up." },
  };
  for (const [email, agency] of [
    ["police@example.org", "Police"],
    ["mash.health@example.org", "Health"],
  ] as const) {
    const partner = await signedInAt(browser, email, "/requests");
    await expect(partner.getByRole("heading", { level: 1 })).toHaveText("Information requests");
    await expectAccessible(partner);
    await partner.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference, exact: true }).click();
    await expect(partner.getByRole("heading", { level: 1 })).toContainText(reference);
    await expect(partner.getByRole("region", { name: "What the MASH is asking" })).toContainText(childName);
    await expectAccessible(partner);
    const form = partner.getByRole("region", { name: "Your answer" });
    await form.getByRole("radio", { name: answers[agency].known, exact: true }).check();
    await form.getByLabel("What your agency holds").fill(answers[agency].holds);
    await form.getByLabel("Your analysis of the impact and risk to the child").fill(answers[agency].analysis);
    await form.getByRole("button", { name: "Send the answer" }).click();
    await expect(partner).toHaveURL(/\?done=answered$/);
    await expect(partner.getByRole("alert").filter({ hasText: "Answer sent to the MASH" })).toBeVisible();
    await expect(summaryRow(partner.getByRole("region", { name: "Your agency's answer" }), "What you hold")).toContainText(answers[agency].holds);
    await expectAccessible(partner);
    await partner.context().close();
  }

  // 5. The social worker sees both answers on the record and recommends a child and family assessment.
  await worker.goto(contactPath);
  await expect(requests).toContainText(answers.Police.holds);
  await expect(requests).toContainText(answers.Health.holds);
  await expect(requests).not.toContainText("Not answered yet.");
  await expectAccessible(worker);
  const screening = worker.getByRole("region", { name: "Screening and decision" });
  await screening.getByLabel("What are we worried about?").fill("An unexplained burn on Robin's hand, and a domestic call-out at home in March.");
  await screening.getByLabel("What is working well?").fill("Robin attends school every day; health have no concern about his growth.");
  await screening.getByLabel("What needs to happen?").fill("An assessment of Robin's needs and of the adults at home.");
  await screening.getByLabel("On a scale of 0 to 10, how safe is the child?").fill("4");
  await screening.getByLabel("Your analysis", { exact: true }).fill("Police hold one domestic call-out; health note missed appointments. Together with the burn, Robin may be a child in need.");
  await screening.getByRole("radio", { name: "Child and Family Assessment (section 17, child in need)" }).check();
  await screening.getByLabel("Why do you recommend it?").fill("The worries are cumulative but there is no disclosure of harm.");
  await screening.getByRole("button", { name: "Save the screening" }).click();
  await expect(worker).toHaveURL(/\?done=screened$/);
  await expect(screening).toContainText("Awaiting the MASH manager's decision.");
  await expect(screening).toContainText("Screened by Aisha Rahman");
  await expect(screening.getByRole("definition").filter({ hasText: "Child and Family Assessment (section 17, child in need)" })).toBeVisible();
  await worker.context().close();

  // 6. The manager steps it up to a strategy discussion: the contact becomes Red with a 1-hour clock.
  await page.goto(contactPath);
  const decision = page.getByRole("region", { name: "Screening and decision" });
  await expect(decision).toContainText("The social worker recommends: Child and Family Assessment");
  await expectAccessible(page);
  await decision.getByRole("radio", { name: "Stepped up", exact: true }).check();
  await decision.getByRole("radio", { name: "Strategy discussion (section 47, child protection)" }).check();
  await decision.getByLabel("Explain your decision").fill("An unexplained burn alongside a domestic call-out needs a strategy discussion with police and health.");
  await decision.getByRole("button", { name: "Save the decision" }).click();
  await expect(page).toHaveURL(/\?done=decided$/);
  await expect(decision).toContainText("Stepped up: Strategy discussion (section 47, child protection)");
  await expect(summaryRow(page, "Rating")).toContainText("Red");
  await expect(summaryRow(page, "Screening deadline")).toContainText(ONE_HOUR_LEFT);

  // 6b. Health see the decision on their request (the outcome, not the manager's reasons) and challenge it;
  // the manager sees the challenge on the record.
  const health = await signedInAt(browser, "mash.health@example.org", "/requests");
  await health.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference, exact: true }).click();
  const healthView = health.getByRole("region", { name: "The MASH decision" });
  await expect(healthView).toContainText("Strategy discussion (section 47, child protection)");
  await expect(healthView).not.toContainText("An unexplained burn alongside");
  await expectAccessible(health);
  const challenge = "Robin's growth is normal and there is no disclosure: we think an assessment is proportionate, not section 47.";
  await healthView.getByLabel("Why do you think this decision is unsafe?").fill(challenge);
  await healthView.getByRole("button", { name: "Record the challenge" }).click();
  await expect(health).toHaveURL(/\?done=challenged$/);
  await expect(healthView).toContainText("With the MASH team manager");
  await expectAccessible(health);
  await health.context().close();
  await page.reload();
  await expect(decision).toContainText(challenge);
  await expect(decision).toContainText("The team manager's decision stands unless escalated");
  await expectAccessible(page);

  // 7. The DAAT manager agrees the strategy meeting and records it.
  const daat = await signedInAt(browser, "daat.manager@example.org", "/contacts");
  await expect(daat.getByRole("heading", { level: 1 })).toHaveText("Red contacts");
  await openFromQueue(daat, reference);
  const strategy = daat.getByRole("region", { name: "Strategy discussion" });
  await expect(strategy).toContainText("No strategy meeting has been agreed yet.");
  await strategy.getByLabel("How soon must the meeting be held?").fill("Within 2 hours");
  await strategy.getByRole("button", { name: "Agree the strategy meeting" }).click();
  await expect(daat).toHaveURL(/\?done=strategy-agreed/);
  await expect(summaryRow(strategy, "Priority")).toContainText("Within 2 hours");
  await expectAccessible(daat);
  const held = londonNow();
  await strategy.getByLabel("Date", { exact: true }).fill(held.date);
  await strategy.getByLabel("Time", { exact: true }).fill(held.time);
  const attendees = [
    ["DS Kim Patel", "Police"],
    ["Nurse Sam Okafor", "Health"],
    ["Aisha Rahman", "Children's Social Care"],
  ];
  for (const [i, [name, agency]] of attendees.entries()) {
    await strategy.getByLabel(`Attendee ${i + 1}: name`, { exact: true }).fill(name!);
    await strategy.getByLabel(`Attendee ${i + 1}: agency`, { exact: true }).selectOption({ label: agency! });
  }
  await strategy.getByLabel("What information was shared?").fill("Police shared the March call-out; health shared the missed appointments.");
  await strategy.getByRole("radio", { name: "Section 47 enquiry", exact: true }).check();
  await strategy.getByLabel("Action 1", { exact: true }).fill("Joint visit to Robin at home");
  await strategy.getByLabel("Action 1: owner", { exact: true }).fill("DS Kim Patel and Aisha Rahman");
  await strategy.getByRole("button", { name: "Save the meeting record" }).click();
  await expect(daat).toHaveURL(/\?done=strategy-recorded/);
  await expect(summaryRow(strategy, "Decision")).toContainText("Section 47 enquiry");
  await expect(summaryRow(strategy, "Attendees")).toContainText("DS Kim Patel (Police)");
  await expect(summaryRow(strategy, "Attendees")).toContainText("Nurse Sam Okafor (Health)");
  await expect(daat.getByText(/This contact is closed/)).toBeVisible();
  await expectAccessible(daat);
  await daat.context().close();

  // 8. The practitioner reads the outcome in "My referrals" (without any agency's answer), and was e-mailed.
  const letter = await expectOutcomeLetter(teacher.page, reference, childName);
  await expect(letter).toContainText("It decided: section 47 enquiry.");
  await expect(letter).not.toContainText(answers.Police.holds);
  await expect(letter).not.toContainText(answers.Health.holds);
  const email = await expectEmail("teacher@example.org", `Referral ${reference}: the outcome is ready`);
  expect(email.body).toContain(reference);
  expect(email.body).not.toContain(childName);
  expect(email.body).not.toContain(answers.Police.holds);
  await teacher.page.context().close();
});

test("a Green contact is triaged by the CFSS coordinator to advice and signposting, and the referrer gets the letter", async ({ browser, request }) => {
  const surname = `Gr${randomLetters()}`;
  const childName = `Ash ${surname}`;
  const teacher = await practitioner(browser);
  const response = await request.post("/api/v1/referrals", {
    headers: { Authorization: `Bearer ${teacher.token}` },
    data: mashReferralInput({ children: [childInput({ firstName: "Ash", lastName: surname, nhsNumber: testNhsNumber() })], worries: { whatHappened: "Ash has come to school hungry most days this half term." } }),
  });
  expect(response.status()).toBe(201);
  const reference = ((await response.json()) as { reference: string }).reference;

  // The manager rates it Green: it goes to CFSS Partnership Support.
  const manager = await signedInAt(browser, "mash.manager@example.org", "/contacts");
  await openFromQueue(manager, reference);
  await rate(manager, "Green", "Partnership Support to offer the family early help.", "Hunger at school with no injury or disclosure: early help, not social care.");
  await expectAccessible(manager);
  await manager.context().close();

  // The CFSS coordinator opens it from the triage queue and gives advice and signposting, which closes it.
  const coordinator = await signedInAt(browser, "cfss.coordinator@example.org", "/cfss");
  await expect(coordinator.getByRole("row").filter({ hasText: reference })).toContainText(childName);
  await expectAccessible(coordinator);
  await openFromQueue(coordinator, reference);
  const cfss = coordinator.getByRole("region", { name: "CFSS Partnership Support" });
  await expect(cfss).toContainText("No CFSS action has been recorded yet.");
  await expectAccessible(coordinator);
  await cfss.getByRole("radio", { name: "Information, advice and guidance to the family, and signposting (closes)" }).check();
  await cfss.getByLabel("What are we worried about?").fill("Ash is often hungry at school.");
  await cfss.getByLabel("What's working well?").fill("Ash's mother asked the school for help herself.");
  await cfss.getByLabel("What needs to happen?").fill("The family to be put in touch with the food bank and the family hub.");
  await cfss.getByLabel("Notes").fill("We have given the family advice and put them in touch with the local food bank and family hub.");
  await cfss.getByRole("button", { name: "Record the action" }).click();
  await expect(coordinator).toHaveURL(/\?done=cfss-closed/);
  await expect(cfss).toContainText("Information, advice and guidance to the family, and signposting (closes)");
  await expect(coordinator.getByText(/This contact is closed/)).toBeVisible();
  await coordinator.context().close();

  const letter = await expectOutcomeLetter(teacher.page, reference, childName);
  await expect(letter).toContainText("food bank and family hub");

  // The letter prints on its own, without the service's controls.
  await letter.getByRole("link", { name: `Print or save the letter for ${reference}` }).click();
  await expect(teacher.page.getByRole("heading", { level: 1 })).toContainText(`Outcome letter for ${reference}`);
  await expect(teacher.page.getByRole("main")).toContainText("food bank and family hub");
  await expectAccessible(teacher.page);
  await teacher.page.emulateMedia({ media: "print" });
  await expect(teacher.page.getByRole("button", { name: "Print this letter" })).toBeHidden();
  await expect(teacher.page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await expect(teacher.page.getByText(`Outcome of referral ${reference}`)).toBeVisible();
  await teacher.page.context().close();
});
