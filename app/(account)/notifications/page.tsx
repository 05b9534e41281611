import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/button";
import { formatDateTime } from "@/components/format-date-time";
import { NotificationBanner } from "@/components/notification-banner";
import { Tag } from "@/components/tag";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/require-user";
import { markNotificationsReadAction } from "@/lib/contacts/actions";
import { listMyNotifications } from "@/lib/notifications/data";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

type SearchParams = Record<string, string | string[] | undefined>;

/** What a notification's link opens, in words. */
function openLabel(path: string): string {
  if (path.startsWith("/contacts/phone/")) return "Open the phone contact";
  if (path.startsWith("/contacts/")) return "Open the contact";
  if (path.startsWith("/requests/")) return "Open the request";
  return "Open it";
}

/** The caller's own notifications, newest first: Red contacts, allocations, clocks running out. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/notifications");
  const [notifications, params] = await Promise.all([listMyNotifications(user.id), searchParams]);
  const unread = notifications.filter((notification) => !notification.readAt).length;
  // A partner is told of a Red contact but cannot open it (they see the requests made to them): no link for them.
  const opensContacts = can(user, "contacts:read");

  return (
    <>
      {params.read === "1" && <NotificationBanner type="success">Your notifications are marked as read</NotificationBanner>}
      {params.failed === "1" && (
        <NotificationBanner>Your notifications could not be marked as read. Try again.</NotificationBanner>
      )}
      <h1 className="mb-6 text-3xl font-bold md:text-5xl">Notifications</h1>
      <p className="mb-6 max-w-prose">
        What the service has told you, newest first. Each one was also sent to you by e-mail, without the child&apos;s details.{" "}
        {unread === 0 ? "You have no unread notifications." : `You have ${unread} unread notification${unread === 1 ? "" : "s"}.`}
      </p>
      {unread > 0 && (
        <form action={markNotificationsReadAction} className="mb-8">
          <Button type="submit" variant="secondary">
            Mark all as read
          </Button>
        </form>
      )}
      {notifications.length === 0 ? (
        <p>You have no notifications.</p>
      ) : (
        <ul className="border-t border-rule">
          {notifications.map((notification) => (
            <li key={notification.id} className={`border-b border-rule py-4 ${notification.readAt ? "" : "border-l-[5px] border-l-brand pl-4"}`}>
              <article aria-labelledby={`notification-${notification.id}`}>
                <h2 id={`notification-${notification.id}`} className="mb-2 text-lg font-bold break-words">
                  {!notification.readAt && (
                    <>
                      <Tag colour="blue">Unread</Tag>{" "}
                    </>
                  )}
                  {notification.title}
                </h2>
                <p className="mb-2 text-muted">
                  <time dateTime={notification.createdAt.toISOString()}>{formatDateTime(notification.createdAt)}</time>
                  {notification.readAt && <> · read {formatDateTime(notification.readAt)}</>}
                </p>
                <p className="mb-2 break-words whitespace-pre-wrap">{notification.body}</p>
                {notification.path ? (
                  <Link href={notification.path} className="link">
                    {openLabel(notification.path)}
                    <span className="sr-only">: {notification.title}</span>
                  </Link>
                ) : (
                  notification.contactId &&
                  opensContacts && (
                    <Link href={`/contacts/${notification.contactId}`} className="link">
                      Open the contact<span className="sr-only">: {notification.title}</span>
                    </Link>
                  )
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
