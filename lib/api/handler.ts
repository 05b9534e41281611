import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/data";
import { can, type Permission } from "@/lib/auth/policy";
import { resolveApiToken } from "@/lib/auth/resolve";
import { fieldErrorsOf } from "@/lib/result";

// Builders for /api/v1 route handlers: bearer-token authentication, permission, JSON body parsing with the
// forms' own schemas, and one error shape: { error: { code, message, fields? } }.

export type ApiErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "CONSENT_REQUIRED" | "BAD_REQUEST" | "UNEXPECTED";

const STATUS: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  CONSENT_REQUIRED: 422,
  BAD_REQUEST: 400,
  UNEXPECTED: 500,
};

const MESSAGES: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: "Send a valid API token in the Authorization header: Bearer <token>.",
  FORBIDDEN: "Your role does not allow this.",
  NOT_FOUND: "Not found.",
  CONFLICT: "This conflicts with the current state of the record.",
  INVALID: "Some fields are not valid.",
  CONSENT_REQUIRED:
    "This referral cannot be sent without the family's consent, or a recorded reason to go ahead without it (with the rationale and the efforts made to obtain consent). See the fields for what is missing.",
  BAD_REQUEST: "The request body must be JSON.",
  UNEXPECTED: "Something went wrong on our side.",
};

// no-transform: API answers are small JSON, and gzipping each one cost more than sending it (benchmark
// profile); Next.js's compression leaves a response with no-transform alone.
const NOT_CACHED = "no-store, no-transform";

export function apiError(code: ApiErrorCode, options: { message?: string; fields?: Record<string, string>; requestId?: string } = {}): Response {
  const body = { error: { code, message: options.message ?? MESSAGES[code], ...(options.fields ? { fields: options.fields } : {}), ...(options.requestId ? { reference: options.requestId } : {}) } };
  const extra: Record<string, string> = code === "UNAUTHENTICATED" ? { "WWW-Authenticate": 'Bearer realm="mash"' } : {};
  return Response.json(body, { status: STATUS[code], headers: { "Cache-Control": NOT_CACHED, ...extra } });
}

export function apiJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": NOT_CACHED } });
}

export type ApiContext<P> = { user: SessionUser; requestId: string; params: P; request: Request };

type RouteContext<P> = { params: Promise<P> };

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/** A route handler that needs a valid token (and, optionally, a permission). */
export function apiRoute<P = Record<string, never>>(
  options: { permission?: Permission },
  handler: (context: ApiContext<P>) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    // Never the client's x-request-id: it would let anyone forge log lines (proxy.ts does not run here).
    const requestId = randomUUID();
    try {
      const user = await resolveApiToken(bearerToken(request));
      if (!user) return apiError("UNAUTHENTICATED");
      if (options.permission && !can(user, options.permission)) return apiError("FORBIDDEN");
      const params = ((await context?.params) ?? {}) as P;
      return await handler({ user, requestId, params, request });
    } catch (error) {
      console.error(`[api] request ${requestId} failed`, error);
      return apiError("UNEXPECTED", { requestId });
    }
  };
}

/** Reads a JSON body without parsing it further (the mutation parses it with its own schema): 400 when it is not JSON. */
export async function parseJson(request: Request): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, json: await request.json() };
  } catch {
    return { ok: false, response: apiError("BAD_REQUEST") };
  }
}

/** Parses a JSON body with a shared schema: 400 when it is not JSON, 422 with field messages when invalid. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { ok: false, response: apiError("BAD_REQUEST") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: apiError("INVALID", { fields: fieldErrorsOf(parsed.error) }) };
  return { ok: true, data: parsed.data };
}

/** A route handler anyone may call (public guidance, health). Same error shape and logging. */
export function publicApiRoute<P = Record<string, never>>(
  handler: (context: { requestId: string; params: P; request: Request }) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    // Never the client's x-request-id: it would let anyone forge log lines (proxy.ts does not run here).
    const requestId = randomUUID();
    try {
      const params = ((await context?.params) ?? {}) as P;
      return await handler({ requestId, params, request });
    } catch (error) {
      console.error(`[api] request ${requestId} failed`, error);
      return apiError("UNEXPECTED", { requestId });
    }
  };
}
