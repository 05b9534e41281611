import { z } from "zod";

export const AUDIT_PAGE_SIZE_MAX = 100;

/** Query string of GET /api/v1/audit-events and the audit trail page. */
export const auditQuerySchema = z.object({
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(200).optional(),
  actorId: z.uuid("actorId must be a user id").optional(),
  before: z.string().regex(/^\d+$/, "before must be an event id from nextCursor").optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
