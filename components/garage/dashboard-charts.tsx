"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { GarageDashboardView } from "@/lib/modules/garage/views";

/** Colours from the theme's variables, so the charts follow light and dark. */
const INK_MUTED = "var(--color-ink-muted)";
const LINE = "var(--color-line)";
const GARAGE = "var(--color-garage)";
const BRAND = "var(--color-brand)";
const DECLINED = "var(--color-declined)";

const axis = { stroke: INK_MUTED, fontSize: 12, tickLine: false } as const;
const tooltipStyle = { backgroundColor: "var(--color-surface-raised)", border: "1px solid var(--color-line)", borderRadius: 8, color: "var(--color-ink)" } as const;
const shortDay = (date: string) => date.slice(5);

function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure className="rounded-xl border border-line bg-surface-raised p-4">
      <figcaption className="mb-3">
        <span className="block font-semibold">{title}</span>
        <span className="block text-xs text-ink-muted">{summary}</span>
      </figcaption>
      <div className="h-60" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The garage dashboard's charts; each says its figures in its caption too, for screen readers. */
export function GarageDashboardCharts({ figures }: { figures: GarageDashboardView }) {
  const money = new Intl.NumberFormat("en-IN", { style: "currency", currency: figures.currency, maximumFractionDigits: 0 });
  const revenue = figures.days.map((day) => ({ date: day.date, invoiced: day.invoicedMinor / 100, paid: day.paidMinor / 100 }));
  const approvals = figures.days.map((day) => ({ date: day.date, approved: day.approved, declined: day.declined }));
  const utilisation = figures.mechanics.map((mechanic) => ({ name: mechanic.name, percent: Math.round(mechanic.utilisation * 1000) / 10 }));
  const totals = figures.days.reduce(
    (sum, day) => ({ bookings: sum.bookings + day.bookings, invoiced: sum.invoiced + day.invoicedMinor, paid: sum.paid + day.paidMinor }),
    { bookings: 0, invoiced: 0, paid: 0 },
  );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard title="Bookings per day" summary={`${totals.bookings} drop-offs from ${figures.from} to ${figures.to}.`}>
        <BarChart accessibilityLayer={false} data={figures.days}>
          <CartesianGrid stroke={LINE} vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDay} {...axis} />
          <YAxis allowDecimals={false} width={32} {...axis} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--color-line)" }} />
          <Legend />
          <Bar dataKey="bookings" name="Drop-offs" fill={GARAGE} radius={[4, 4, 0, 0]} maxBarSize={28} />
          <Bar dataKey="cancelled" name="Cancelled" fill={INK_MUTED} radius={[4, 4, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Revenue" summary={`${money.format(totals.invoiced / 100)} invoiced, ${money.format(totals.paid / 100)} received.`}>
        <BarChart accessibilityLayer={false} data={revenue}>
          <CartesianGrid stroke={LINE} vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDay} {...axis} />
          <YAxis width={64} tickFormatter={(value: number) => money.format(value)} {...axis} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--color-line)" }} formatter={(value) => money.format(Number(value))} />
          <Legend />
          <Bar dataKey="invoiced" name="Invoiced" fill={GARAGE} radius={[4, 4, 0, 0]} maxBarSize={28} />
          <Bar dataKey="paid" name="Received" fill={BRAND} radius={[4, 4, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="Recommendations decided"
        summary={figures.approvalRate === null ? "No recommendation was decided in this period." : `${Math.round(figures.approvalRate * 100)} % of recommended work approved.`}
      >
        <BarChart accessibilityLayer={false} data={approvals}>
          <CartesianGrid stroke={LINE} vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDay} {...axis} />
          <YAxis allowDecimals={false} width={32} {...axis} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--color-line)" }} />
          <Legend />
          <Bar dataKey="approved" name="Approved" stackId="decisions" fill={BRAND} maxBarSize={28} />
          <Bar dataKey="declined" name="Declined" stackId="decisions" fill={DECLINED} radius={[4, 4, 0, 0]} maxBarSize={28} />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="Mechanic utilisation"
        summary={utilisation.length === 0 ? "No mechanics yet." : utilisation.map((mechanic) => `${mechanic.name} ${mechanic.percent} %`).join(", ") + " of the open hours assigned."}
      >
        <BarChart accessibilityLayer={false} data={utilisation} layout="vertical" margin={{ left: 8 }}>
          <CartesianGrid stroke={LINE} horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit=" %" {...axis} />
          <YAxis type="category" dataKey="name" width={110} {...axis} />
          <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--color-line)" }} formatter={(value) => `${String(value)} %`} />
          <Bar dataKey="percent" name="Assigned" fill={GARAGE} radius={[0, 4, 4, 0]} maxBarSize={28} />
        </BarChart>
      </ChartCard>
    </div>
  );
}
