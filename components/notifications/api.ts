import type { NotificationView } from "@/lib/notifications/service";

/** `GET /api/v1/notifications` as the browser holds it (TanStack Query key `["notifications"]`). */
export interface NotificationList {
  unread: number;
  notifications: NotificationView[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isNotification(value: unknown): value is NotificationView {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.title === "string" &&
    typeof value.body === "string" &&
    (value.link === null || typeof value.link === "string") &&
    typeof value.type === "string" &&
    typeof value.read === "boolean" &&
    typeof value.createdAt === "string"
  );
}

export function parseNotificationList(data: unknown): NotificationList {
  if (!isRecord(data) || typeof data.unread !== "number" || !Array.isArray(data.notifications)) {
    throw new Error("Unexpected notifications response.");
  }
  return { unread: data.unread, notifications: data.notifications.filter(isNotification) };
}

/** One's own notifications, newest first (the session cookie identifies the user). */
export async function fetchNotifications(): Promise<NotificationList> {
  const response = await fetch("/api/v1/notifications", { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`Notifications could not be loaded (HTTP ${response.status}).`);
  return parseNotificationList(await response.json());
}

/** The notification a `notification.created` message is about: the newest unread one of that event type. */
export function newestNotification(list: NotificationList, type: string): NotificationView | undefined {
  return list.notifications.find((item) => !item.read && item.type === type) ?? list.notifications.find((item) => !item.read);
}
