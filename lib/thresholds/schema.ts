import { z } from "zod";

// The shape of a published threshold document in thresholds/*.json. A published file is never edited:
// a change of guidance is a new file with a new id, and the old one is marked superseded. Referrals store
// indicator ids, so ids must stay stable forever.

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];
export const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const text = z.string().trim().min(1);

/** e.g. "rhrt-2025/health/4/03": document / domain / level / two-digit position in the cell, from 01. */
export const indicatorIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+\/[1-4]\/\d{2}$/, "An indicator id looks like rhrt-2025/health/4/03");

export const indicatorSchema = z.strictObject({
  id: indicatorIdSchema,
  /** The seed's wording, wrapped lines rejoined. */
  text,
  /** Items listed under the indicator in the source (e.g. the kinds of chronic neglect). */
  subItems: z.array(text),
  /** The source says this indicator needs a Section 47 strategy discussion. */
  s47: z.boolean(),
  /**
   * Where s47 comes from another document's Section 47 list (rhrt-2025 takes it from nscp-2022 Appendix 2):
   * the ids of the items in that list that name the same harm. Empty when the document itself marks it.
   */
  s47Basis: z.array(z.string().regex(/^[a-z0-9-]+\/s47\/\d{2}$/)),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const cellSchema = z.strictObject({ level: levelSchema, indicators: z.array(indicatorSchema) });

export const domainSchema = z.strictObject({
  /** Short and stable, used in indicator ids and URLs: "health", "education", "family", "extra-familial". */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  /** The four cells, Level 1 to Level 4 in order. */
  cells: z.array(cellSchema).length(4),
});
export type Domain = z.infer<typeof domainSchema>;

export const levelDescriptionSchema = z.strictObject({
  level: levelSchema,
  /** "Universal Support", "Vulnerable Early Help/Family Help Support", … */
  name: text,
  /** Who the children at this level are. */
  descriptor: text,
  /** What response they need. */
  response: text,
});

export const section47ItemSchema = z.strictObject({ id: z.string().regex(/^[a-z0-9-]+\/s47\/\d{2}$/), text });

export const thresholdDocumentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  status: z.enum(["current", "superseded"]),
  /** ISO date (YYYY-MM-DD); the first of the month when the source gives only month and year. */
  publishedOn: z.iso.date(),
  publisher: text,
  /** The seed or publication it was transcribed from. */
  source: text,
  supersededBy: z.string().nullable(),
  levels: z.array(levelDescriptionSchema).length(4),
  domains: z.array(domainSchema).min(1),
  /** The document's own list of Section 47 indicators (nscp-2022 Appendix 2); empty when it has none. */
  section47List: z.array(section47ItemSchema),
});
export type ThresholdDocument = z.infer<typeof thresholdDocumentSchema>;

/** POST /api/v1/thresholds/{version}/assess */
export const assessSchema = z.object({
  indicatorIds: z
    .array(indicatorIdSchema, { error: "Send indicatorIds as a list of indicator ids" })
    .max(500, "Send at most 500 indicator ids")
    .meta({ example: ["rhrt-2025/health/4/10", "rhrt-2025/family/2/01"] }),
});

/**
 * What "Continue" carries from the level check into the referral and early-help forms, in the URL, so
 * nothing is lost: the version judged against, the ticked indicators, the suggested and chosen level and,
 * when they differ, the practitioner's reason. The server recomputes the suggestion; it never trusts it.
 */
export const levelCheckSchema = z
  .object({
    version: z.string().regex(/^[a-z0-9-]+$/, "Choose a version of the guidance"),
    indicatorIds: z.array(indicatorIdSchema).min(1, "Tick at least one indicator").max(500),
    suggestedLevel: z.coerce.number().pipe(levelSchema).optional(),
    chosenLevel: z.coerce.number({ error: "Choose a level of need" }).pipe(levelSchema),
    reason: z
      .string()
      .trim()
      .max(2000, "Reason must be 2000 characters or fewer")
      .optional()
      .transform((value) => value || null),
  });
export type LevelCheck = z.output<typeof levelCheckSchema>;

/** The URL query of a level check, as the check page writes it and the record page reads it. */
export function levelCheckToSearchParams(check: { version: string; indicatorIds: readonly string[]; suggestedLevel?: number | null; chosenLevel?: number | null; reason?: string | null }): URLSearchParams {
  const params = new URLSearchParams({ version: check.version });
  for (const id of check.indicatorIds) params.append("i", id);
  if (check.suggestedLevel) params.set("suggested", String(check.suggestedLevel));
  if (check.chosenLevel) params.set("chosen", String(check.chosenLevel));
  if (check.reason) params.set("reason", check.reason);
  return params;
}

export function levelCheckFromSearchParams(params: Record<string, string | string[] | undefined>) {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const one = (value: string | string[] | undefined) => list(value)[0];
  return levelCheckSchema.safeParse({
    version: one(params.version),
    indicatorIds: list(params.i),
    suggestedLevel: one(params.suggested),
    chosenLevel: one(params.chosen),
    reason: one(params.reason),
  });
}
