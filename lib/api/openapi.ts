import { z } from "zod";
import { auditQuerySchema } from "@/lib/audit/schema";
import { createApiTokenSchema, createUserSchema, updateUserBodySchema } from "@/lib/auth/schema";
import { assessSchema } from "@/lib/thresholds/schema";
import type { Permission } from "@/lib/auth/policy";

// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the forms and handlers
// parse with. Each request body's example is assembled from its fields' `example` metadata; a test checks
// that every example is complete and passes its schema.

type Operation = {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  permission?: Permission | "public" | "signed-in";
  body?: z.ZodObject;
  query?: z.ZodObject;
  success: { status: number; description: string };
};

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
  { method: "get", path: "/api/v1/audit-events", summary: "The audit trail, newest first (keyset paginated by `before`)", permission: "audit:read", query: auditQuerySchema, success: { status: 200, description: "A page of events and the next cursor" } },
];

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

/** A request example made of each property's `example`. */
export function exampleOf(schema: z.ZodObject): Record<string, unknown> {
  const properties = (jsonSchema(schema).properties ?? {}) as Record<string, { example?: unknown }>;
  return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, property.example]));
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

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const schema = jsonSchema(query) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: "query", required: false, schema: property }));
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
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.permission && !["public", "signed-in"].includes(op.permission) ? { description: `Needs the \`${op.permission}\` permission.` } : {}),
      security: op.permission === "public" ? [] : [{ bearerAuth: [] }],
      parameters: [...pathParameters(op.path), ...queryParameters(op.query)],
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body), example: exampleOf(op.body) } } } }
        : {}),
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
                code: { type: "string", enum: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INVALID", "BAD_REQUEST", "UNEXPECTED"] },
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
