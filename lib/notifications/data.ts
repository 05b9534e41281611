import { db } from "@/lib/db/client";

export type NotificationItem = { id: string; kind: string; title: string; body: string; contactId: string | null; path: string | null; createdAt: Date; readAt: Date | null };

/** The caller's newest notifications (never anyone else's). */
export async function listMyNotifications(userId: string, limit = 50): Promise<NotificationItem[]> {
  return db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, title: true, body: true, contactId: true, path: true, createdAt: true, readAt: true },
  });
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
