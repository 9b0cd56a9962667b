import type { Consumer } from "../events/consumers";
import { allTopics } from "../events/topics";
import { userChannel } from "../realtime/channels";
import { publish } from "../realtime/publisher";
import { notificationsFor } from "./rules";

export const NOTIFICATION_EVENT = "notification.created";

/**
 * Turns events into notification rows for the people concerned. The rows commit
 * with the group's offset and are unique per (user, event): exactly once.
 */
export const notificationsConsumer: Consumer = {
  group: "notifications",
  get topics() {
    return allTopics();
  },
  async handle(event, tx) {
    const drafts = await notificationsFor(event, tx);
    if (drafts.length === 0) return undefined;
    const existing = new Set(
      (await tx.user.findMany({ where: { id: { in: drafts.map((draft) => draft.userId) } }, select: { id: true } })).map((user) => user.id),
    );
    const recipients = drafts.filter((draft) => existing.has(draft.userId));
    await tx.notification.createMany({
      data: recipients.map((draft) => ({
          userId: draft.userId,
          eventId: event.id,
          topic: event.topic,
          type: event.type,
          title: draft.title,
          body: draft.body,
          link: draft.link ?? null,
        })),
      skipDuplicates: true,
    });
    // Tell each recipient's open browsers once the rows are committed.
    return async () => {
      await publish(
        recipients.map((draft) => userChannel(draft.userId)),
        NOTIFICATION_EVENT,
        { eventId: event.id.toString(), type: event.type },
      );
    };
  },
};
