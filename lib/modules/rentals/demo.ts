import type { PrismaClient, Transaction } from "../../db";
import type { FuelType, RentalStatus, Transmission, VehicleStatus, VehicleType } from "../../generated/prisma/client";
import { DEMO_ACCOUNTS } from "../../platform/demo-accounts";
import { addDays, daysBetween, today } from "./view-models/dates";

/** Demo rental data: two branches, a dozen vehicles and rentals in every state for the demo residents. */

const BRANCHES = [
  {
    name: "Wheelhouse Downtown",
    address: "12 Market Street",
    city: "Springfield",
    phone: "+15550100001",
    openingHours: "Mon–Fri 08:00–19:00, Sat 09:00–14:00",
  },
  {
    name: "Wheelhouse Airport",
    address: "Terminal 2, Arrivals Level",
    city: "Capital City",
    phone: "+15550100002",
    openingHours: "Every day 06:00–23:00",
  },
] as const;

type BranchName = (typeof BRANCHES)[number]["name"];

interface DemoVehicle {
  plate: string;
  make: string;
  model: string;
  year: number;
  type: VehicleType;
  seats: number;
  transmission: Transmission;
  fuel: FuelType;
  dailyPriceCents: number;
  branch: BranchName;
  status?: VehicleStatus;
}

const VEHICLES: readonly DemoVehicle[] = [
  { plate: "WH-101", make: "Toyota", model: "Corolla", year: 2023, type: "CAR", seats: 5, transmission: "AUTOMATIC", fuel: "HYBRID", dailyPriceCents: 4200, branch: "Wheelhouse Downtown" },
  { plate: "WH-102", make: "Volkswagen", model: "Golf", year: 2022, type: "CAR", seats: 5, transmission: "MANUAL", fuel: "PETROL", dailyPriceCents: 3900, branch: "Wheelhouse Downtown" },
  { plate: "WH-103", make: "Fiat", model: "500e", year: 2024, type: "CAR", seats: 4, transmission: "AUTOMATIC", fuel: "ELECTRIC", dailyPriceCents: 3500, branch: "Wheelhouse Downtown" },
  { plate: "WH-104", make: "Kia", model: "Sportage", year: 2023, type: "SUV", seats: 5, transmission: "AUTOMATIC", fuel: "HYBRID", dailyPriceCents: 6500, branch: "Wheelhouse Downtown" },
  { plate: "WH-105", make: "Ford", model: "Transit Custom", year: 2021, type: "VAN", seats: 9, transmission: "MANUAL", fuel: "DIESEL", dailyPriceCents: 8900, branch: "Wheelhouse Downtown" },
  { plate: "WH-106", make: "Honda", model: "CB500F", year: 2022, type: "MOTORBIKE", seats: 2, transmission: "MANUAL", fuel: "PETROL", dailyPriceCents: 2900, branch: "Wheelhouse Downtown", status: "MAINTENANCE" },
  { plate: "WH-201", make: "Tesla", model: "Model 3", year: 2024, type: "CAR", seats: 5, transmission: "AUTOMATIC", fuel: "ELECTRIC", dailyPriceCents: 7900, branch: "Wheelhouse Airport" },
  { plate: "WH-202", make: "Toyota", model: "RAV4", year: 2023, type: "SUV", seats: 5, transmission: "AUTOMATIC", fuel: "HYBRID", dailyPriceCents: 6900, branch: "Wheelhouse Airport" },
  { plate: "WH-203", make: "Volvo", model: "XC90", year: 2022, type: "SUV", seats: 7, transmission: "AUTOMATIC", fuel: "DIESEL", dailyPriceCents: 9900, branch: "Wheelhouse Airport" },
  { plate: "WH-204", make: "Mercedes-Benz", model: "Sprinter", year: 2020, type: "VAN", seats: 3, transmission: "MANUAL", fuel: "DIESEL", dailyPriceCents: 9500, branch: "Wheelhouse Airport" },
  { plate: "WH-205", make: "Iveco", model: "Daily Box", year: 2019, type: "TRUCK", seats: 3, transmission: "MANUAL", fuel: "DIESEL", dailyPriceCents: 12900, branch: "Wheelhouse Airport" },
  { plate: "WH-206", make: "Opel", model: "Astra", year: 2016, type: "CAR", seats: 5, transmission: "MANUAL", fuel: "PETROL", dailyPriceCents: 2500, branch: "Wheelhouse Airport", status: "RETIRED" },
];

interface DemoRental {
  plate: string;
  customer: "resident@wheelhouse.local" | "resident2@wheelhouse.local";
  /** Days from today. */
  start: number;
  end: number;
  /** The path it took, after PENDING. */
  path: RentalStatus[];
  rejectionReason?: string;
  lateDays?: number;
}

const RENTALS: readonly DemoRental[] = [
  { plate: "WH-101", customer: "resident@wheelhouse.local", start: 3, end: 6, path: [] },
  { plate: "WH-101", customer: "resident2@wheelhouse.local", start: 4, end: 8, path: [] },
  { plate: "WH-202", customer: "resident@wheelhouse.local", start: 10, end: 14, path: ["APPROVED"] },
  { plate: "WH-104", customer: "resident2@wheelhouse.local", start: -2, end: 3, path: ["APPROVED", "ACTIVE"] },
  { plate: "WH-102", customer: "resident@wheelhouse.local", start: -21, end: -16, path: ["APPROVED", "ACTIVE", "COMPLETED"], lateDays: 1 },
  { plate: "WH-203", customer: "resident2@wheelhouse.local", start: 5, end: 9, path: ["REJECTED"], rejectionReason: "The XC90 is reserved for a corporate client that week." },
  { plate: "WH-201", customer: "resident@wheelhouse.local", start: 7, end: 9, path: ["CANCELLED"] },
];

export const DEMO_PLATES = VEHICLES.map((vehicle) => vehicle.plate);

export interface RentalDemoResult {
  branchesCreated: number;
  vehiclesCreated: number;
  rentalsCreated: number;
}

/**
 * Adds what is missing: branches by name, vehicles by plate, and the demo rentals
 * only while no demo vehicle has any rental yet. Written directly (no events: it
 * is the starting state), consistent with the rules: approved and active periods
 * never overlap, the active rental's vehicle is RENTED, prices are days × price.
 */
export async function seedRentalDemo(database: PrismaClient): Promise<RentalDemoResult> {
  return database.$transaction(async (tx) => {
    const result: RentalDemoResult = { branchesCreated: 0, vehiclesCreated: 0, rentalsCreated: 0 };
    const branchIds = new Map<string, string>();
    for (const branch of BRANCHES) {
      const existing = await tx.branch.findUnique({ where: { name: branch.name }, select: { id: true } });
      const id = existing?.id ?? (await tx.branch.create({ data: branch, select: { id: true } })).id;
      if (!existing) result.branchesCreated += 1;
      branchIds.set(branch.name, id);
    }
    for (const { branch, ...vehicle } of VEHICLES) {
      if (await tx.vehicle.findUnique({ where: { plate: vehicle.plate }, select: { id: true } })) continue;
      await tx.vehicle.create({ data: { ...vehicle, branchId: branchIds.get(branch)!, photoUrl: null } });
      result.vehiclesCreated += 1;
    }
    result.rentalsCreated = await seedRentals(tx);
    return result;
  });
}

async function seedRentals(tx: Transaction): Promise<number> {
  if ((await tx.rental.count({ where: { vehicle: { plate: { in: DEMO_PLATES } } } })) > 0) return 0;
  const people = await tx.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { id: true, name: true, email: true },
  });
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const employee = byEmail.get("employee@wheelhouse.local");
  if (!employee) return 0;
  const vehicles = new Map(
    (await tx.vehicle.findMany({ where: { plate: { in: DEMO_PLATES } }, select: { id: true, plate: true, dailyPriceCents: true } })).map(
      (vehicle) => [vehicle.plate, vehicle],
    ),
  );
  const day = today();
  let created = 0;
  for (const rental of RENTALS) {
    const customer = byEmail.get(rental.customer);
    const vehicle = vehicles.get(rental.plate);
    if (!customer || !vehicle) continue;
    const startDate = addDays(day, rental.start);
    const endDate = addDays(day, rental.end);
    const status = rental.path.at(-1) ?? "PENDING";
    const requestedAt = rental.start > 0 ? addDays(day, -1) : addDays(startDate, -5);
    const lateDays = rental.lateDays ?? 0;
    const steps: Array<{ from: RentalStatus | null; to: RentalStatus; by: { id: string; name: string }; note: string | null; at: Date }> = [
      { from: null, to: "PENDING", by: customer, note: null, at: requestedAt },
    ];
    let previous: RentalStatus = "PENDING";
    for (const next of rental.path) {
      const at = next === "ACTIVE" ? startDate : next === "COMPLETED" ? addDays(endDate, lateDays) : addDays(requestedAt, 1);
      const note = next === "REJECTED" ? (rental.rejectionReason ?? null) : next === "COMPLETED" && lateDays > 0 ? `${lateDays} day${lateDays === 1 ? "" : "s"} late` : null;
      steps.push({ from: previous, to: next, by: next === "CANCELLED" ? customer : employee, note, at });
      previous = next;
    }
    await tx.rental.create({
      data: {
        vehicleId: vehicle.id,
        customerId: customer.id,
        startDate,
        endDate,
        status,
        dailyPriceCents: vehicle.dailyPriceCents,
        totalPriceCents: BigInt(daysBetween(startDate, endDate)) * BigInt(vehicle.dailyPriceCents),
        lateDays,
        lateFeeCents: BigInt(lateDays) * BigInt(vehicle.dailyPriceCents),
        rejectionReason: status === "REJECTED" ? (rental.rejectionReason ?? "Not available.") : null,
        pickedUpAt: rental.path.includes("ACTIVE") ? startDate : null,
        returnedAt: status === "COMPLETED" ? addDays(endDate, lateDays) : null,
        createdAt: requestedAt,
        history: {
          create: steps.map((step) => ({ fromStatus: step.from, toStatus: step.to, actorId: step.by.id, actorName: step.by.name, note: step.note, at: step.at })),
        },
      },
    });
    if (status === "ACTIVE") await tx.vehicle.update({ where: { id: vehicle.id }, data: { status: "RENTED" } });
    created += 1;
  }
  return created;
}
