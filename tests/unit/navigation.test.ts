import { describe, expect, it } from "vitest";
import { currentStateOf, isSessionCookieName, listNavigationItems, safeCallbackUrl, signInPathFor } from "@/lib/auth/navigation";
import { ROLES } from "@/lib/auth/policy";
import type { Role } from "@/lib/db/generated/enums";

const EXPECTED_HREFS: Record<Role, string[]> = {
  PRACTITIONER: ["/", "/thresholds", "/referrals", "/notifications", "/account/tokens"],
  MASH_OFFICER: ["/", "/thresholds", "/contacts", "/contacts/phone/new", "/notifications", "/account/tokens"],
  MASH_MANAGER: ["/", "/thresholds", "/contacts", "/contacts/phone/new", "/audit", "/notifications", "/account/tokens"],
  SOCIAL_WORKER: ["/", "/thresholds", "/allocations", "/notifications", "/account/tokens"],
  PARTNER_AGENCY: ["/", "/thresholds", "/referrals", "/requests", "/notifications", "/account/tokens"],
  CFSS_COORDINATOR: ["/", "/thresholds", "/contacts", "/cfss", "/notifications", "/account/tokens"],
  DAAT_MANAGER: ["/", "/thresholds", "/referrals", "/contacts", "/notifications", "/account/tokens"],
  SERVICE_MANAGER: ["/", "/thresholds", "/contacts", "/audit", "/notifications", "/account/tokens"],
  ADMIN: ["/", "/thresholds", "/admin/users", "/audit", "/notifications", "/account/tokens"],
};

describe("listNavigationItems", () => {
  it.each(ROLES)("gives %s exactly its links, in menu order", (role) => {
    expect(listNavigationItems(role).map((item) => item.href)).toEqual(EXPECTED_HREFS[role]);
  });

  it("labels every link and describes it for the home page cards", () => {
    for (const role of ROLES) {
      for (const item of listNavigationItems(role)) {
        expect(item.label.trim()).not.toBe("");
        expect(item.description.trim()).not.toBe("");
      }
    }
  });

  it("shows the administrator's links by their labels", () => {
    expect(listNavigationItems("ADMIN").map((item) => item.label)).toEqual(["Home", "Threshold guidance", "Users", "Audit trail", "Notifications", "API tokens"]);
  });

  it("lists the demo mailbox, last, only where e-mail is not really sent", () => {
    expect(listNavigationItems("SOCIAL_WORKER", { mailbox: true }).map((item) => item.href)).toEqual(["/", "/thresholds", "/allocations", "/notifications", "/account/tokens", "/mailbox"]);
    expect(listNavigationItems("SOCIAL_WORKER", { mailbox: false }).map((item) => item.href)).not.toContain("/mailbox");
  });

  it("gives nobody signed out a menu", () => {
    expect(listNavigationItems(null)).toEqual([]);
    expect(listNavigationItems(undefined)).toEqual([]);
  });

  it("hands out copies, so a caller cannot change the menu for everyone", () => {
    const first = listNavigationItems("ADMIN");
    first[0]!.label = "Changed";
    expect(listNavigationItems("ADMIN")[0]!.label).toBe("Home");
  });
});

describe("currentStateOf", () => {
  it("marks the page itself", () => {
    expect(currentStateOf("/admin/users", "/admin/users")).toBe("page");
    expect(currentStateOf("/", "/")).toBe("page");
  });

  it("marks the section for a page inside it", () => {
    expect(currentStateOf("/admin/users", "/admin/users/new")).toBe("true");
  });

  it("never marks Home for another page, nor a link for a page that only shares its first letters", () => {
    expect(currentStateOf("/", "/admin/users")).toBeUndefined();
    expect(currentStateOf("/audit", "/auditors")).toBeUndefined();
    expect(currentStateOf("/audit", null)).toBeUndefined();
  });
});

describe("safeCallbackUrl", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackUrl("/admin/users?added=1#top")).toBe("/admin/users?added=1#top");
  });

  it.each([
    ["nothing", undefined],
    ["an empty string", ""],
    ["another site", "https://evil.example"],
    ["a protocol-relative address", "//evil.example/path"],
    ["a backslash trick", "/\\evil.example"],
    ["a tab before the host", "/\t/evil.example"],
    ["a relative path", "admin/users"],
    ["a javascript: address", "javascript:alert(1)"],
  ])("falls back to the home page for %s", (_name, value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });
});

describe("signInPathFor", () => {
  it("brings the person back to where they were going", () => {
    expect(signInPathFor("/admin/users?x=1")).toBe("/sign-in?callbackUrl=%2Fadmin%2Fusers%3Fx%3D1");
  });

  it("says when a session has ended", () => {
    expect(signInPathFor("/account/tokens", { expired: true })).toBe("/sign-in?expired=1&callbackUrl=%2Faccount%2Ftokens");
  });

  it("leaves out a callback to the home page, or to somewhere unsafe", () => {
    expect(signInPathFor("/")).toBe("/sign-in");
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
  });
});

describe("isSessionCookieName", () => {
  it("knows next-auth's session cookie, its HTTPS name and its chunks", () => {
    expect(isSessionCookieName("next-auth.session-token")).toBe(true);
    expect(isSessionCookieName("__Secure-next-auth.session-token")).toBe(true);
    expect(isSessionCookieName("next-auth.session-token.0")).toBe(true);
  });

  it("ignores next-auth's other cookies", () => {
    expect(isSessionCookieName("next-auth.csrf-token")).toBe(false);
    expect(isSessionCookieName("next-auth.callback-url")).toBe(false);
  });
});
