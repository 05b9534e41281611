import { z } from "zod";
import { auditQuerySchema } from "@/lib/audit/schema";
import { createApiTokenSchema, createUserSchema, updateUserBodySchema } from "@/lib/auth/schema";
import { contactIntakeSchema } from "@/lib/contacts/phone/schema";
import { SCREENING_OPERATIONS } from "@/lib/screening/openapi";
import { allocateSchema, decisionSchema, queueQuerySchema, rateSchema } from "@/lib/contacts/schema";
import { idempotencyKeySchema, referralSubmissionSchema } from "@/lib/referral/schema";
import { assessSchema } from "@/lib/thresholds/schema";
import type { Permission } from "@/lib/auth/policy";

// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the forms and handlers
// parse with. Each request body's example is assembled from its fields' `example` metadata; a test checks
// that every example is complete and passes its schema.

export type Operation = {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  /** More than the summary can say; the permission needed is added to it. */
  description?: string;
  permission?: Permission | "public" | "signed-in";
  body?: z.ZodObject;
  /** A body that is one of several objects told apart by one field (a referral's `kind`): an example of each. */
  oneOfBody?: z.ZodDiscriminatedUnion<z.ZodObject[]>;
  query?: z.ZodObject;
  headers?: { name: string; description: string; schema: z.ZodType }[];
  success: { status: number; description: string };
  /** Responses beyond the ones every operation of its kind gets, or better descriptions of those. */
  responses?: Record<number, { description: string; error?: boolean }>;
};

const idempotencyKeyHeader = {
  name: "Idempotency-Key",
  description:
    "Optional. Any string of 8 to 200 characters that names this one submission (a UUID will do). Sending the same referral again with the same key (a retry after a timeout) returns the referral the first request made, with 200 instead of 201, and never makes a second one.",
  schema: idempotencyKeySchema,
};

// --- Contacts in: phone contacts and police protection notifications (POST /api/v1/contacts) ---------------
// Kept in its own block (lib/contacts/phone/schema.ts, lib/contacts/phone/api.ts); the contact reads go elsewhere.

const CONTACT_INTAKE_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/contacts",
    summary: "Record a phone contact, or send a police protection notification",
    description:
      "`type` PHONE: a call to the MASH line as a MASH officer or manager records it (`contacts:record-phone`). The caller is a PROFESSIONAL (name, role, organisation and a phone number or e-mail address; never anonymous) or a member of the PUBLIC (who may stay anonymous). A professional's Level 4 concern must be followed up in writing within 24 hours: the contact opens that follow-up. `type` POLICE_NOTIFICATION: a police protection notification from a police system, sent with the token of a user of a police partner agency (`contacts:notify-police`); it is always Level 4 and goes without consent (significant harm). Either way each child becomes a contact awaiting a RAG rating, and the reference is TEL-2026-000123 or PPN-2026-000124.",
    oneOfBody: contactIntakeSchema,
    success: { status: 201, description: "Recorded: `phoneContactId`, `reference`, and `contacts`, one `{ id }` per child in the order given" },
    responses: {
      400: { description: "The body is not JSON", error: true },
      403: { description: "Your role does not allow this type: a phone contact needs a MASH officer or manager, a police notification a police partner agency's user", error: true },
      422: { description: "`INVALID`: `fields` gives a message per field, keyed by its path (`callerName`, `children.0.dateOfBirth`)", error: true },
    },
  },
];

// --- The MASH workbench: contacts, RAG ratings and allocation ----------------------------------------------

const CONTACT_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/contacts",
    summary: "Contacts your role may see, a page at a time",
    description:
      "`view=awaiting`: new contacts awaiting a RAG rating, oldest first. `view=open`: rated and not closed, soonest deadline first. A MASH or service manager sees every contact; a social worker those allocated to them; a DAAT manager Red ones; a CFSS coordinator Green ones; a MASH officer the phone contacts they recorded. Follow `nextCursor` (or `links.next`) for the next page. Each read is audited.",
    permission: "contacts:read",
    query: queueQuerySchema,
    success: { status: 200, description: "`contacts` (reference, child and age, agency, channel, received, flags, earlier contacts, rating, deadline, allocated worker, version) and `nextCursor`" },
  },
  {
    method: "get",
    path: "/api/v1/contacts/{contactId}",
    summary: "One contact: what the referrer sent, earlier contacts for the child, every rating and allocation, and the timeline",
    description: "A contact outside your role's scope is 404, like one that does not exist. Each read is audited.",
    permission: "contacts:read",
    success: { status: 200, description: "The contact record, with its `version` for the decisions below" },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/rag",
    summary: "Apply or review the RAG rating; the clock starts from now (Red 1 hour, Amber 24 hours, Green 5 working days)",
    description:
      "Send the contact's `version` as `expectedVersion`: if anyone changed the contact since, the answer is 409 and nothing changes. A Red rating tells the DAAT team on duty, the allocated social worker and the MASH police and health partners at once.",
    permission: "contacts:manage",
    body: rateSchema,
    success: { status: 200, description: "`rating`, `ratedAt`, `deadlineAt`, `warningAt` and the new `version`" },
    responses: { 409: { description: "The contact changed since `expectedVersion`, or is closed", error: true } },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/allocation",
    summary: "Allocate a Red or Amber contact to a social worker, or reallocate it",
    permission: "contacts:manage",
    body: allocateSchema,
    success: { status: 200, description: "`socialWorkerId`, `allocatedAt` and the new `version`" },
    responses: { 409: { description: "The contact changed since `expectedVersion`, is closed, or is not Red or Amber", error: true } },
  },
  {
    method: "post",
    path: "/api/v1/contacts/{contactId}/decision",
    summary: "Return to the referrer for consent (not child protection), close as a consultation, or pass to the team already working with the child",
    permission: "contacts:manage",
    body: decisionSchema,
    success: { status: 200, description: "`decision`, `closedAt` and the new `version`" },
    responses: { 409: { description: "The contact changed since `expectedVersion`, or is closed", error: true } },
  },
];

export const API_OPERATIONS: Operation[] = [
  { method: "get", path: "/api/v1/health", summary: "The app and database state", permission: "public", success: { status: 200, description: "Healthy (503 when the database is unreachable)" } },
  { method: "get", path: "/api/v1/me", summary: "The token's user", permission: "signed-in", success: { status: 200, description: "The user" } },
  { method: "get", path: "/api/v1/agencies", summary: "Agencies", permission: "signed-in", success: { status: 200, description: "All agencies" } },
  { method: "get", path: "/api/v1/users", summary: "List users", permission: "users:manage", success: { status: 200, description: "All users" } },
  { method: "post", path: "/api/v1/users", summary: "Add a user", permission: "users:manage", body: createUserSchema, success: { status: 201, description: "Created" } },
  { method: "get", path: "/api/v1/users/{userId}", summary: "One user", permission: "users:manage", success: { status: 200, description: "The user" } },
  { method: "put", path: "/api/v1/users/{userId}", summary: "Change a user (a role change or deactivation ends their sessions at once)", permission: "users:manage", body: updateUserBodySchema, success: { status: 200, description: "Changed" } },
  { method: "get", path: "/api/v1/tokens", summary: "Your API tokens", permission: "tokens:own", success: { status: 200, description: "Your tokens (never the secret)" } },
  { method: "post", path: "/api/v1/tokens", summary: "Mint an API token (shown once)", permission: "tokens:own", body: createApiTokenSchema, success: { status: 201, description: "The new token" } },
  { method: "delete", path: "/api/v1/tokens/{tokenId}", summary: "Revoke one of your tokens", permission: "tokens:own", success: { status: 204, description: "Revoked" } },
  { method: "get", path: "/api/v1/thresholds", summary: "Published threshold guidance versions (public, cacheable)", permission: "public", success: { status: 200, description: "Versions, newest first" } },
  { method: "get", path: "/api/v1/thresholds/{version}", summary: "One version of the threshold matrix: levels, domains, indicators (public, cacheable)", permission: "public", success: { status: 200, description: "The document" } },
  { method: "post", path: "/api/v1/thresholds/{version}/assess", summary: "Suggest a level of need from ticked indicators (guidance, never a verdict)", permission: "public", body: assessSchema, success: { status: 200, description: "The suggestion and its reasons" } },
  {
    method: "post",
    path: "/api/v1/referrals",
    summary: "Send a MASH referral or an early-help request",
    description:
      "The whole referral at once, with the same fields and messages as the online forms: `kind` MASH (Level 4, to the MASH) or EARLY_HELP (Level 2 or 3, to CFSS Partnership Support). The consent gate: without the family's consent a MASH referral goes only with a reason (`exceptionReason`), a `rationale` and the efforts made to obtain consent or the family's views (`effortsOrViews`); a Level 3 request needs the family's views and the rationale; a Level 2 request needs consent. Otherwise the answer is 422 `CONSENT_REQUIRED` and nothing is sent.",
    permission: "referrals:create",
    oneOfBody: referralSubmissionSchema,
    headers: [idempotencyKeyHeader],
    success: { status: 201, description: "Sent: the new referral's id, reference (MASH-2026-000123 or CFSS-2026-000124), kind, level and status, and `created: true`" },
    responses: {
      200: { description: "Already sent with this Idempotency-Key: the referral the first request made, with `created: false`" },
      400: { description: "The body is not JSON", error: true },
      409: { description: "This Idempotency-Key was used before with a different referral", error: true },
      422: {
        description:
          "`INVALID`: some fields are not valid. `CONSENT_REQUIRED`: the consent gate is not met, and the referral was not sent. Either way `fields` gives a message per field, keyed by its path (`children.0.postcode`, `informationSharing.consent.exceptionReason`)",
        error: true,
      },
    },
  },
  { method: "get", path: "/api/v1/referrals", summary: "Your referrals and early-help requests, newest first, with their status in plain words", permission: "referrals:create", success: { status: 200, description: "Your referrals" } },
  {
    method: "get",
    path: "/api/v1/referrals/{referralId}",
    summary: "One of your referrals: the answers as sent, its status, the outcome letter when there is one, and its attachments with their download links",
    permission: "referrals:create",
    success: { status: 200, description: "The referral" },
  },
  {
    method: "get",
    path: "/api/v1/attachments/{attachmentId}",
    summary: "Download a file attached to one of your referrals or drafts",
    permission: "referrals:create",
    success: { status: 200, description: "The file, with its media type (PDF, DOCX, PNG or JPEG) as checked from its bytes when it was uploaded" },
  },
  { method: "get", path: "/api/v1/audit-events", summary: "The audit trail, newest first (keyset paginated by `before`)", permission: "audit:read", query: auditQuerySchema, success: { status: 200, description: "A page of events and the next cursor" } },
  ...CONTACT_INTAKE_OPERATIONS,
  ...CONTACT_OPERATIONS,
  ...SCREENING_OPERATIONS,
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

type JsonSchemaNode = { example?: unknown; const?: unknown; default?: unknown; properties?: Record<string, JsonSchemaNode> };

// A property's own example; else its only possible value or its default; else, for an object, one made of
// its properties' examples (so a whole referral's example comes from its sections' fields).
function exampleOfNode(node: JsonSchemaNode): unknown {
  if (node.example !== undefined) return node.example;
  if (node.const !== undefined) return node.const;
  if (node.default !== undefined) return node.default;
  if (node.properties) return Object.fromEntries(Object.entries(node.properties).map(([key, property]) => [key, exampleOfNode(property)]));
  return undefined;
}

/** A request example made of each property's `example`. */
export function exampleOf(schema: z.ZodObject): Record<string, unknown> {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, JsonSchemaNode>;
  return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, exampleOfNode(property)]));
}

/** One example for each kind of a discriminated body, named by its discriminator value ("MASH", "EARLY_HELP"). */
export function examplesOf(schema: z.ZodDiscriminatedUnion<z.ZodObject[]>): Record<string, Record<string, unknown>> {
  const discriminator = schema.def.discriminator;
  return Object.fromEntries(schema.options.map((option) => {
    const example = exampleOf(option);
    return [String(example[discriminator]), example];
  }));
}

function requestBody(op: Operation) {
  if (op.body) return { required: true, content: { "application/json": { schema: jsonSchema(op.body), example: exampleOf(op.body) } } };
  if (!op.oneOfBody) return null;
  const examples = Object.fromEntries(Object.entries(examplesOf(op.oneOfBody)).map(([name, value]) => [name, { summary: `kind ${name}`, value }]));
  const schema = { ...jsonSchema(op.oneOfBody), discriminator: { propertyName: op.oneOfBody.def.discriminator } };
  return { required: true, content: { "application/json": { schema, examples } } };
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name!.endsWith("Id") ? { type: "string", format: "uuid" } : { type: "string", example: "rhrt-2025" },
  }));
}

function headerParameters(headers: Operation["headers"]) {
  return (headers ?? []).map((header) => ({ name: header.name, in: "header", required: false, description: header.description, schema: jsonSchema(header.schema) }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
}

function description(op: Operation): string {
  const permission = op.permission && !["public", "signed-in"].includes(op.permission) ? `Needs the \`${op.permission}\` permission.` : "";
  return [op.description, permission].filter(Boolean).join(" ");
}

export function buildOpenApiDocument(serverUrl = "/") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    const responses: Record<string, unknown> = { [op.success.status]: { description: op.success.description } };
    if (op.permission !== "public") responses["401"] = errorResponse("No valid token");
    if (op.permission !== "public" && op.permission !== "signed-in") responses["403"] = errorResponse("Your role does not allow this");
    if (op.path.includes("{")) responses["404"] = errorResponse("Not found, or not yours to see");
    if (op.body || op.query) responses["422"] = errorResponse("Invalid fields");
    if (op.body && op.permission !== "public") responses["409"] = errorResponse("Conflicts with the record's current state");
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      responses[status] = response.error ? errorResponse(response.description) : { description: response.description };
    }
    const body = requestBody(op);
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(description(op) ? { description: description(op) } : {}),
      security: op.permission === "public" ? [] : [{ bearerAuth: [] }],
      parameters: [...pathParameters(op.path), ...headerParameters(op.headers), ...queryParameters(op.query)],
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Northamptonshire MASH API",
      version: "1.0.0",
      description: "Authenticate with `Authorization: Bearer <token>` (mint one on the API tokens page or with `npm run token`). A record you may not see is 404.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INVALID", "CONSENT_REQUIRED", "BAD_REQUEST", "UNEXPECTED"] },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" } },
                reference: { type: "string" },
              },
            },
          },
        },
      },
    },
    paths,
  };
}
