import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookieName, signInPathFor } from "@/lib/auth/navigation";

// A first filter only. It tags every request with an id for the logs and turns away requests for private
// pages that carry no session cookie at all. Whether the session is still live, and what the user may do,
// is decided on the server by lib/auth (requireUser, the action builders, the API handler).

const PROTECTED_PREFIXES = ["/admin", "/account", "/audit"];

function isProtected(pathname: string): boolean {
  return PROTECTED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some(({ name }) => isSessionCookieName(name));
}

export function proxy(request: NextRequest) {
  // Never trust an id the client sent: it would let anyone forge log lines.
  const requestId = crypto.randomUUID();
  const { pathname, search } = request.nextUrl;

  if (isProtected(pathname) && !hasSessionCookie(request)) {
    const response = NextResponse.redirect(new URL(signInPathFor(`${pathname}${search}`), request.url));
    response.headers.set("x-request-id", requestId);
    return response;
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Everything but Next's own static files, the favicon and the API: /api/v1 authenticates every request by
  // its bearer token in lib/api/handler.ts and makes its own request id, and the proxy's copy of each body
  // cost the referral API a tenth of its throughput in the benchmark.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
