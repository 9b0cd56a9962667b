import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { moveBookingAction } from "@/app/admin/garage/board/actions";
import { JobBoard } from "@/components/garage/job-board";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { DayFilter } from "@/components/ui/day-filter";
import { PageHeading } from "@/components/ui/page";
import { ValidationError } from "@/lib/errors";
import { BOARD_STATUSES, workshopBoard } from "@/lib/modules/garage/services/workshop";
import { garageSettings } from "@/lib/modules/garage/settings";
import type { WorkshopCardView } from "@/lib/modules/garage/views";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Job board" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function JobBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:BOOKINGS") || actsOnOwnRowsOnly(principal)) forbidden();
  const date = first((await searchParams).date) ?? "";
  let cards: WorkshopCardView[] = [];
  let filterError: string | null = null;
  try {
    cards = await workshopBoard(principal, date ? { date } : {});
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    filterError = "That is not a date: pick one from the calendar.";
  }
  return (
    <div className="space-y-4">
      <LiveRefresh topics={["booking_events"]} />
      <PageHeading title="Job board">
        Every car in the shop by status, with the day&apos;s drop-offs and deliveries. Drag a card to the next column, or use its buttons, to move it on.
      </PageHeading>
      <DayFilter date={date} error={filterError} />
      <JobBoard columns={BOARD_STATUSES} cards={cards} action={moveBookingAction} timeZone={garageSettings().GARAGE_TIME_ZONE} />
    </div>
  );
}
