import type { Transaction } from "../db";
import type { AfterCommit, Consumer } from "../events/consumers";
import type { LoggedEvent } from "../events/types";
import { allTopics } from "../events/topics";
import { userChannel } from "../realtime/channels";
import { publishAll } from "../realtime/publisher";
import { emailText, sendNotificationEmails, type EmailNotification } from "./email";
import { notificationsFor, type NotificationDraft } from "./rules";

export const NOTIFICATION_EVENT = "notification.created";

interface Drafted {
  event: LoggedEvent;
  draft: NotificationDraft;
}

/** Each (event, recipient) pair once: the pair the notification row is unique on. */
const pairKey = (eventId: bigint, userId: string) => `${eventId}:${userId}`;

/**
 * A batch's notifications in four statements however many events it holds (the rules' own reads aside): who still
 * exists, the rows, their in-app log lines; then, after the commit, one publish round and the e-mails per event.
 */
async function notify(events: readonly LoggedEvent[], tx: Transaction): Promise<AfterCommit | undefined> {
  const drafted: Drafted[] = [];
  for (const event of events) for (const draft of await notificationsFor(event, tx)) drafted.push({ event, draft });
  if (drafted.length === 0) return undefined;
  const users = new Map(
    (await tx.user.findMany({ where: { id: { in: [...new Set(drafted.map(({ draft }) => draft.userId))] } }, select: { id: true, email: true } })).map(
      (user) => [user.id, user.email],
    ),
  );
  const recipients = drafted.filter(({ draft }) => users.has(draft.userId));
  if (recipients.length === 0) return undefined;
  const created = await tx.notification.createManyAndReturn({
    data: recipients.map(({ event, draft }) => ({
      userId: draft.userId,
      eventId: event.id,
      topic: event.topic,
      type: event.type,
      title: draft.title,
      body: draft.body,
      link: draft.link ?? null,
    })),
    select: { id: true, userId: true, eventId: true, type: true },
    skipDuplicates: true,
  });
  await tx.notificationLog.createMany({
    data: created.map((row) => ({
      recipientId: row.userId,
      recipient: row.userId,
      channel: "IN_APP" as const,
      template: row.type,
      status: "SENT" as const,
      notificationId: row.id,
      eventId: row.eventId,
    })),
  });
  const newlyNotified = new Set(created.map((row) => pairKey(row.eventId, row.userId)));
  const byEvent = new Map<LoggedEvent, Drafted[]>();
  for (const recipient of recipients) {
    const drafts = byEvent.get(recipient.event);
    if (drafts) drafts.push(recipient);
    else byEvent.set(recipient.event, [recipient]);
  }
  // After the commit: tell each recipient's open browsers, then send the e-mails.
  return async () => {
    try {
      await publishAll(
        [...byEvent].map(([event, drafts]) => ({
          channels: drafts.map(({ draft }) => userChannel(draft.userId)),
          eventName: NOTIFICATION_EVENT,
          data: { eventId: event.id.toString(), type: event.type },
        })),
      );
    } finally {
      for (const [event, drafts] of byEvent) {
        const emails: EmailNotification[] = drafts
          .filter(({ draft }) => draft.email && newlyNotified.has(pairKey(event.id, draft.userId)))
          .map(({ draft }) => ({ recipientId: draft.userId, to: users.get(draft.userId)!, subject: draft.title, text: emailText(draft.body, draft.link) }));
        await sendNotificationEmails(emails, event.type, event.id);
      }
    }
  };
}

/**
 * Turns events into notification rows for the people concerned. The rows commit
 * with the group's offset and are unique per (user, event): exactly once. Each new
 * row is logged (IN_APP, SENT) in the same transaction; the e-mail copies go out after
 * the commit, outside it, and log their own outcome. A batch's events share one round of statements.
 */
export const notificationsConsumer: Consumer = {
  group: "notifications",
  get topics() {
    return allTopics();
  },
  handle: (event, tx) => notify([event], tx),
  handleBatch: notify,
};
