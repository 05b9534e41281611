import type { Role } from "@/lib/db/generated/enums";
import { can } from "./policy";

// Who sees which link. Pure, so the unit tests cover every role; pages still check on the server, because a
// hidden link is a convenience, not a control. Later issues add their pages here, one entry each.

export type NavigationItem = {
  href: string;
  label: string;
  /** One sentence for the card on the home page. */
  description: string;
};

type NavigationEntry = NavigationItem & { shownTo: (role: Role) => boolean };

const everyone = () => true;

const NAVIGATION: readonly NavigationEntry[] = [
  { href: "/", label: "Home", description: "Your starting page.", shownTo: everyone },
  {
    href: "/thresholds",
    label: "Threshold guidance",
    description: "Check a concern against the levels of need in Right Help, Right Time.",
    shownTo: everyone,
  },
  {
    href: "/referrals",
    label: "My referrals",
    description: "Send a referral to the MASH or ask CFSS for early help, pick up a draft, and see what happened to what you sent.",
    shownTo: (role) => can({ role }, "referrals:create"),
  },
  {
    href: "/contacts",
    label: "Contacts",
    description: "The contacts to the MASH you work on: rate and allocate new ones, and follow each one's deadline.",
    // A social worker's contacts are their allocations, under "My allocations".
    shownTo: (role) => can({ role }, "contacts:read") && role !== "SOCIAL_WORKER",
  },
  {
    href: "/allocations",
    label: "My allocations",
    description: "The contacts allocated to you for screening, each with the time left.",
    shownTo: (role) => role === "SOCIAL_WORKER",
  },
  {
    href: "/requests",
    label: "Information requests",
    description: "What the MASH has asked your agency about a child and household: answer each one before it is due.",
    shownTo: (role) => can({ role }, "requests:answer"),
  },
  {
    href: "/contacts/phone/new",
    label: "Record a phone contact",
    description: "Record a call to the MASH line from a professional or a member of the public.",
    shownTo: (role) => can({ role }, "contacts:record-phone"),
  },
  {
    href: "/cfss",
    label: "Partnership Support triage",
    description: "Early-help requests and Green contacts waiting for a partnership coordinator, within 3 working days.",
    shownTo: (role) => can({ role }, "cfss:triage"),
  },
  {
    href: "/admin/users",
    label: "Users",
    description: "Add people, change their role or agency, and deactivate accounts.",
    shownTo: (role) => can({ role }, "users:manage"),
  },
  {
    href: "/audit",
    label: "Audit trail",
    description: "See who did what, and who opened which record.",
    shownTo: (role) => can({ role }, "audit:read"),
  },
  {
    href: "/notifications",
    label: "Notifications",
    description: "What the service has told you: Red contacts, allocations and deadlines coming close.",
    shownTo: everyone,
  },
  {
    href: "/account/tokens",
    label: "API tokens",
    description: "Create and revoke tokens that let a script use the service as you.",
    shownTo: (role) => can({ role }, "tokens:own"),
  },
  {
    href: "/mailbox",
    label: "Mailbox",
    description: "The e-mails the service has sent you. Only on the demo: a real deployment sends them by e-mail.",
    shownTo: everyone,
  },
];

/**
 * The menu for a signed-in role; nobody signed out gets one. The demo mailbox is listed only where e-mail
 * is not really sent (no SMTP server configured).
 */
export function listNavigationItems(role: Role | null | undefined, options: { mailbox?: boolean } = {}): NavigationItem[] {
  if (!role) return [];
  return NAVIGATION.filter((entry) => entry.shownTo(role) && (entry.href !== "/mailbox" || options.mailbox)).map(({ href, label, description }) => ({ href, label, description }));
}

/**
 * The aria-current value for a menu link: "page" on the page itself, "true" anywhere inside its section
 * (a user's edit page sits under "Users"). Home is current only on "/".
 */
export function currentStateOf(href: string, pathname: string | null): "page" | "true" | undefined {
  if (!pathname) return undefined;
  if (pathname === href) return "page";
  if (href !== "/" && pathname.startsWith(`${href}/`)) return "true";
  return undefined;
}

/**
 * Where to go after signing in. Only a path on this site: anything else (another host, "//host",
 * "/\host", which browsers treat as "//host") falls back to the home page.
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters, spaces and backslashes can smuggle a host past the checks above in some browsers.
  if ([...value].some((char) => char <= " " || char === "\u007f" || char === "\\")) return "/";
  try {
    const base = "http://mash.invalid";
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

/** The sign-in page that brings the person back to `path` afterwards. */
export function signInPathFor(path: string, options: { expired?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.expired) params.set("expired", "1");
  const callbackUrl = safeCallbackUrl(path);
  if (callbackUrl !== "/") params.set("callbackUrl", callbackUrl);
  const query = params.toString();
  return query ? `/sign-in?${query}` : "/sign-in";
}

/** next-auth's session cookie (the __Secure- name on HTTPS); a large value is split into `.0`, `.1` … */
const SESSION_COOKIE_NAMES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`));
}
