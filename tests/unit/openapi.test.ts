import { describe, expect, it } from "vitest";
import { API_OPERATIONS, buildOpenApiDocument, exampleOf } from "@/lib/api/openapi";

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 with bearer authentication", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: "http", scheme: "bearer" });
  });

  const withBodies = API_OPERATIONS.filter((op) => op.body);
  it.each(withBodies.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))("%s has a complete, valid example", (_name, op) => {
    const example = exampleOf(op.body!);
    const properties = Object.keys(op.body!.shape);
    expect(Object.keys(example).sort()).toEqual(properties.sort());
    for (const key of properties) expect(example[key], `example for ${key}`).not.toBeUndefined();
    const parsed = op.body!.safeParse(example);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const documented = (document.paths[op.path]![op.method] as { requestBody: { content: { "application/json": { example: unknown } } } }).requestBody;
    expect(documented.content["application/json"].example).toEqual(example);
  });

  it("documents every route handler under app/api/v1", async () => {
    const { readdir } = await import("node:fs/promises");
    const routes = (await readdir("app/api/v1", { recursive: true })).filter((f) => f.endsWith("route.ts") && !f.startsWith("openapi.json"));
    const documented = new Set(Object.keys(document.paths).map((p) => p.replace("/api/v1/", "").replace(/\{(\w+)\}/g, "[$1]")));
    for (const route of routes) expect(documented, route).toContain(route.replace(/\/?route\.ts$/, ""));
  });
});
