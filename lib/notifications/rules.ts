import type { Transaction } from "../db";
import { payloadText, type LoggedEvent } from "../events/types";
import { ROLES } from "../identity/roles";
import { modules } from "../modules/registry";
import { ANNOUNCEMENT_EVENT, announcementDrafts } from "./announcements";

export interface NotificationDraft {
  userId: string;
  title: string;
  body: string;
  link?: string;
  /** Also send it by e-mail (README "Notification logs"): account and security notices and announcements. */
  email?: boolean;
}

/** Which people an event concerns and what to tell them: the platform's rules, then every module's. */
export async function notificationsFor(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]> {
  const drafts = await platformNotifications(event, tx);
  for (const businessModule of modules()) if (businessModule.notifications) drafts.push(...(await businessModule.notifications(event, tx)));
  return drafts;
}

async function platformNotifications(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]> {
  switch (event.type) {
    case "user.registered":
      return [
        {
          userId: event.key,
          title: "Welcome to Wheelhouse",
          body: ["Your account is ready.", ...modules().flatMap((businessModule) => businessModule.welcomeNote ?? [])].join(" "),
          link: "/dashboard",
        },
      ];
    case "user.created":
      return [{ userId: event.key, title: "Your account was created", body: "An administrator created your Wheelhouse account.", link: "/profile", email: true }];
    case "user.password_changed":
      return [
        {
          userId: event.key,
          title: "Your password was changed",
          body: "Every other device was signed out. If this was not you, contact an administrator.",
          link: "/profile",
          email: true,
        },
      ];
    case "role.permissions_changed": {
      const admins = await tx.user.findMany({ where: { roleId: ROLES.ADMIN.id }, select: { id: true } });
      const role = payloadText(event.payload, "role") ?? "a role";
      return admins
        .filter((admin) => admin.id !== event.actor)
        .map((admin) => ({
          userId: admin.id,
          title: `Permissions of ${role} changed`,
          body: `${event.actor ?? "Someone"} changed what ${role} may do.`,
          link: "/admin/permissions",
        }));
    }
    case ANNOUNCEMENT_EVENT:
      return announcementDrafts(event.payload);
    default:
      return [];
  }
}
