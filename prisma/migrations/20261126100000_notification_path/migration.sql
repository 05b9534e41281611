-- A notification keeps the page it is about (the same one its e-mail links to), so the Notifications page
-- can open a phone contact or an information request, not only a contact. Only paths within the app
-- (lib/notifications/mutations.ts#notifyUsers). Written by hand in Prisma's format (docs/decisions/0002).

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "path" TEXT;
