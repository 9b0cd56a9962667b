import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedGarageDemo } from "@/lib/modules/garage/demo";
import { resolvePrice } from "@/lib/modules/garage/services/pricing";
import { CAR_SEGMENTS } from "@/lib/modules/garage/vocabulary";

const CATALOGUE_COUNTS = ["serviceCategories", "services", "carModels", "priceChart", "areas"] as const;

describe("the garage catalogue's demo data", () => {
  it("adds categories, services, car models of every segment, a price chart and areas once; a second run adds nothing", async () => {
    await seedGarageDemo(db);
    const second = await seedGarageDemo(db);
    for (const key of CATALOGUE_COUNTS) expect(second[key], key).toBe(0);
    const categories = await db.serviceCategory.count({ where: { slug: { in: ["periodic-service", "brakes", "ac-and-cooling", "tyres-and-wheels", "electrical"] } } });
    expect(categories).toBe(5);
    expect(await db.garageService.count({ where: { category: { slug: { in: ["periodic-service", "brakes", "ac-and-cooling", "tyres-and-wheels", "electrical"] } } } })).toBeGreaterThanOrEqual(12);
    const segments = new Set((await db.carModel.findMany({ select: { segment: true } })).map((model) => model.segment));
    for (const segment of CAR_SEGMENTS) expect(segments.has(segment), segment).toBe(true);
    expect(await db.garageArea.count({ where: { name: { in: ["Koramangala", "Indiranagar", "Whitefield"] } } })).toBe(3);

    const service = await db.garageService.findUniqueOrThrow({ where: { slug: "comprehensive-service" } });
    const bmw = await db.carModel.findFirstOrThrow({ where: { make: "BMW", model: "5 Series" } });
    const benz = await db.carModel.findFirstOrThrow({ where: { make: "Mercedes-Benz", model: "E-Class" } });
    const swift = await db.carModel.findFirstOrThrow({ where: { make: "Maruti Suzuki", model: "Swift" } });
    expect((await resolvePrice(db, service.id, bmw, "2026-06-01"))).toMatchObject({ source: "MODEL", priceMinor: 1899900 });
    expect((await resolvePrice(db, service.id, benz, "2026-06-01"))).toMatchObject({ source: "SEGMENT", priceMinor: 1099800 });
    expect((await resolvePrice(db, service.id, swift, "2026-06-01"))).toMatchObject({ source: "BASE", priceMinor: service.basePriceMinor });
  });
});
