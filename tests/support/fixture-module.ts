import type { Transaction } from "@/lib/db";
import type { Topic } from "@/lib/events/outbox";
import { recordEvent } from "@/lib/events/outbox";
import { payloadText } from "@/lib/events/types";
import { defineModule } from "@/lib/modules/contract";
import { roleChannel, userChannel } from "@/lib/realtime/channels";

/**
 * A tiny module that exists only in the test run: people borrow widgets. It is
 * what a new module writes (a definition) and nothing else: the platform must give
 * it its topic, scopes, navigation, live audience and deletion guard by itself.
 */

/** Who holds a widget (the fixture's "database"). */
export const widgetHolders = new Set<string>();

export const WIDGET_TOPIC = "widget_events" as Topic;

export const fixtureModule = defineModule({
  name: "widgets",
  card: {
    title: "Widgets",
    summary: "Borrow a widget from the shelf.",
    scope: "READ:WIDGETS",
    href: "/widgets",
    accentClass: "border-t-brand",
    pitch: { summary: "Widgets for everyone.", points: ["Borrow one"] },
  },
  resources: { WIDGETS: "Widgets" },
  grants: { CUSTOMER: { WIDGETS: "RW" } },
  topics: ["widget_events"],
  navigation: [{ href: "/widgets", label: "Widgets", scope: "READ:WIDGETS" }],
  audience: (event) => {
    const borrower = payloadText(event.payload, "borrowerId");
    return [roleChannel("MECHANIC"), ...(borrower ? [userChannel(borrower)] : [])];
  },
  live: { queryKeys: { widget_events: [["widgets"]] }, userEventText: { "widget.lent": { title: "Widget lent", body: "Bring it back soon." } } },
  accounts: {
    liveCommitments: async (_tx, accountId) => ({ widgets: { count: widgetHolders.has(accountId) ? 1 : 0, label: "a widget on loan" } }),
  },
});

/** The fixture's one write: lends a widget, with its event, in the caller's transaction. */
export async function lendWidget(tx: Transaction, borrowerId: string): Promise<void> {
  widgetHolders.add(borrowerId);
  await recordEvent(tx, { topic: WIDGET_TOPIC, key: borrowerId, type: "widget.lent", payload: { borrowerId }, actor: borrowerId });
}
