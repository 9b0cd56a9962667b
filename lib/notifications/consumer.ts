import type { Consumer } from "../events/consumers";
import { allTopics } from "../events/topics";
import { userChannel } from "../realtime/channels";
import { publish } from "../realtime/publisher";
import { emailText, sendNotificationEmails, type EmailNotification } from "./email";
import { notificationsFor } from "./rules";

export const NOTIFICATION_EVENT = "notification.created";

/**
 * Turns events into notification rows for the people concerned. The rows commit
 * with the group's offset and are unique per (user, event): exactly once. Each new
 * row is logged (IN_APP, SENT) in the same transaction; the e-mail copies go out after
 * the commit, outside it, and log their own outcome.
 */
export const notificationsConsumer: Consumer = {
  group: "notifications",
  get topics() {
    return allTopics();
  },
  async handle(event, tx) {
    const drafts = await notificationsFor(event, tx);
    if (drafts.length === 0) return undefined;
    const users = new Map(
      (await tx.user.findMany({ where: { id: { in: drafts.map((draft) => draft.userId) } }, select: { id: true, email: true } })).map((user) => [user.id, user.email]),
    );
    const recipients = drafts.filter((draft) => users.has(draft.userId));
    const created = await tx.notification.createManyAndReturn({
      data: recipients.map((draft) => ({
        userId: draft.userId,
        eventId: event.id,
        topic: event.topic,
        type: event.type,
        title: draft.title,
        body: draft.body,
        link: draft.link ?? null,
      })),
      select: { id: true, userId: true },
      skipDuplicates: true,
    });
    await tx.notificationLog.createMany({
      data: created.map((row) => ({
        recipientId: row.userId,
        recipient: row.userId,
        channel: "IN_APP" as const,
        template: event.type,
        status: "SENT" as const,
        notificationId: row.id,
        eventId: event.id,
      })),
    });
    const newlyNotified = new Set(created.map((row) => row.userId));
    const emails: EmailNotification[] = recipients
      .filter((draft) => draft.email && newlyNotified.has(draft.userId))
      .map((draft) => ({ recipientId: draft.userId, to: users.get(draft.userId)!, subject: draft.title, text: emailText(draft.body, draft.link) }));
    // After the commit: tell each recipient's open browsers, then send the e-mails.
    return async () => {
      try {
        await publish(
          recipients.map((draft) => userChannel(draft.userId)),
          NOTIFICATION_EVENT,
          { eventId: event.id.toString(), type: event.type },
        );
      } finally {
        await sendNotificationEmails(emails, event.type, event.id);
      }
    };
  },
};
