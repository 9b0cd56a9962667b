/**
 * The garage dashboard: bookings per day, revenue, how often customers approve recommended
 * work, and how much of the shop's open time each mechanic is assigned. Admin figures (READ:UTILS).
 */
import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { ROLES } from "../../../identity/roles";
import { requireScope } from "../../../rbac/permissions";
import { parseQuery } from "../../../validation";
import { garageDashboardQuerySchema } from "../schemas";
import { garageSettings } from "../settings";
import { addCalendarDays, isoWeekday, shopDate, shopInstant } from "../view-models/shop-clock";
import type { GarageDashboardView } from "../views";

const DEFAULT_DAYS = 14;

type DayCount = { day: string; value: bigint | number | null };
type DayPair = { day: string; first: bigint | number | null; second: bigint | number | null };

const toNumber = (value: bigint | number | null | undefined) => Number(value ?? 0);

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export async function garageDashboard(principal: Principal, query: unknown, now: Date = new Date()): Promise<GarageDashboardView> {
  await requireScope(principal, "READ:UTILS");
  const dayCount = parseQuery(garageDashboardQuerySchema, query).days ?? DEFAULT_DAYS;
  const settings = garageSettings();
  const timeZone = settings.GARAGE_TIME_ZONE;
  const to = shopDate(now, timeZone);
  const from = addCalendarDays(to, 1 - dayCount);
  const start = shopInstant(from, "00:00", timeZone);
  const end = shopInstant(addCalendarDays(to, 1), "00:00", timeZone);
  // $1, $2: the period; $3: the shop's time zone.
  const shopDay = (column: string) => `to_char(${column} AT TIME ZONE $3, 'YYYY-MM-DD')`;

  const [bookings, invoiced, paid, decisions, assigned, mechanics] = await Promise.all([
    db.$queryRawUnsafe<DayPair[]>(
      `SELECT ${shopDay("slot_start")} AS day, count(*) FILTER (WHERE status <> 'CANCELLED') AS first, count(*) FILTER (WHERE status = 'CANCELLED') AS second
       FROM bookings WHERE slot_start >= $1 AND slot_start < $2 GROUP BY 1`,
      start,
      end,
      timeZone,
    ),
    db.$queryRawUnsafe<DayCount[]>(`SELECT ${shopDay("issued_at")} AS day, sum(total_minor) AS value FROM invoices WHERE issued_at >= $1 AND issued_at < $2 GROUP BY 1`, start, end, timeZone),
    db.$queryRawUnsafe<DayCount[]>(`SELECT ${shopDay("received_at")} AS day, sum(amount_minor) AS value FROM payments WHERE received_at >= $1 AND received_at < $2 GROUP BY 1`, start, end, timeZone),
    db.$queryRawUnsafe<DayPair[]>(
      `SELECT ${shopDay("decided_at")} AS day, count(*) FILTER (WHERE status = 'APPROVED') AS first, count(*) FILTER (WHERE status = 'DECLINED') AS second
       FROM recommendations WHERE decided_at >= $1 AND decided_at < $2 GROUP BY 1`,
      start,
      end,
      timeZone,
    ),
    // Assigned time inside the period, per mechanic; handed-over and cancelled assignments hold none.
    db.$queryRawUnsafe<Array<{ mechanic_id: string | null; mechanic_name: string; minutes: bigint | number | null }>>(
      `SELECT mechanic_id, max(mechanic_name) AS mechanic_name,
              sum(extract(epoch FROM (least(ends_at, $2) - greatest(starts_at, $1))) / 60)::bigint AS minutes
       FROM booking_assignments
       WHERE status NOT IN ('REASSIGNED', 'CANCELLED') AND starts_at < $2 AND ends_at > $1
       GROUP BY mechanic_id`,
      start,
      end,
    ),
    db.user.findMany({ where: { roleId: ROLES.MECHANIC.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);

  const byDay = <Row extends { day: string }>(rows: Row[]) => new Map(rows.map((row) => [row.day, row]));
  const bookingDays = byDay(bookings);
  const invoicedDays = byDay(invoiced);
  const paidDays = byDay(paid);
  const decisionDays = byDay(decisions);
  const days: GarageDashboardView["days"] = [];
  let openDays = 0;
  for (let date = from; date <= to; date = addCalendarDays(date, 1)) {
    if (settings.GARAGE_OPEN_DAYS.includes(isoWeekday(date))) openDays += 1;
    days.push({
      date,
      bookings: toNumber(bookingDays.get(date)?.first),
      cancelled: toNumber(bookingDays.get(date)?.second),
      invoicedMinor: toNumber(invoicedDays.get(date)?.value),
      paidMinor: toNumber(paidDays.get(date)?.value),
      approved: toNumber(decisionDays.get(date)?.first),
      declined: toNumber(decisionDays.get(date)?.second),
    });
  }
  const approved = days.reduce((sum, day) => sum + day.approved, 0);
  const decided = approved + days.reduce((sum, day) => sum + day.declined, 0);
  const openMinutes = openDays * (minutesOfDay(settings.GARAGE_CLOSES_AT) - minutesOfDay(settings.GARAGE_OPENS_AT));
  const assignedBy = new Map(assigned.map((row) => [row.mechanic_id, row]));
  const people = [
    ...mechanics.map((mechanic) => ({ id: mechanic.id as string | null, name: mechanic.name, minutes: toNumber(assignedBy.get(mechanic.id)?.minutes) })),
    // Assignments of deleted accounts still count, under the name they had.
    ...assigned.filter((row) => row.mechanic_id === null).map((row) => ({ id: null, name: row.mechanic_name, minutes: toNumber(row.minutes) })),
  ];
  return {
    from,
    to,
    currency: settings.GARAGE_CURRENCY,
    days,
    approvalRate: decided === 0 ? null : approved / decided,
    mechanics: people.map((person) => ({
      id: person.id,
      name: person.name,
      assignedMinutes: person.minutes,
      openMinutes,
      utilisation: openMinutes === 0 ? 0 : person.minutes / openMinutes,
    })),
  };
}
