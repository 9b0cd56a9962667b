import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ALL_PNG_ICONS, FAVICON, ICON_BACKGROUNDS } from "@/assets/icon-set";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The RGBA pixel at (x, y). */
async function pixel(file: string | Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * 4;
  return [...data.subarray(offset, offset + 4)];
}

function rgbaOf(hex: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)).concat(255);
}

describe("committed icons (npm run icons renders them from assets/icon.svg)", () => {
  it.each(ALL_PNG_ICONS.map((icon) => [icon.file, icon] as const))("%s is a PNG of its stated size and shape", async (_, icon) => {
    const file = path.join(root, icon.file);
    const metadata = await sharp(file).metadata();
    expect(metadata.format).toBe("png");
    expect([metadata.width, metadata.height]).toEqual([icon.size, icon.size]);

    // Full-bleed icons (maskable, Apple) are opaque to the corner; "any" icons have transparent rounded corners.
    const corner = await pixel(file, 0, 0);
    if (icon.shape === "full-bleed") expect(corner).toEqual(rgbaOf(ICON_BACKGROUNDS[icon.background]));
    else expect(corner[3]).toBe(0);
    // The background colour shows between the ring and the edge, the ring (white) crosses the middle row.
    const margin = Math.round(icon.size * 0.12);
    expect(await pixel(file, margin, Math.round(icon.size / 2))).toEqual(rgbaOf(ICON_BACKGROUNDS[icon.background]));
    expect(await pixel(file, Math.round(icon.size * 0.27), Math.round(icon.size / 2))).toEqual([255, 255, 255, 255]);
  });

  it("the maskable icon keeps the mark inside the safe zone (a centred circle of 40% radius)", async () => {
    const maskable = ALL_PNG_ICONS.find((icon) => icon.file.includes("maskable"));
    expect(maskable).toBeDefined();
    const file = path.join(root, maskable?.file ?? "");
    const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const background = rgbaOf(ICON_BACKGROUNDS.brand);
    const centre = info.width / 2;
    let outside = 0;
    for (let y = 0; y < info.height; y += 1) {
      for (let x = 0; x < info.width; x += 1) {
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) <= info.width * 0.4) continue;
        const offset = (y * info.width + x) * 4;
        if (![0, 1, 2, 3].every((channel) => data[offset + channel] === background[channel])) outside += 1;
      }
    }
    expect(outside).toBe(0);
  });

  it("favicon.ico holds one 32 px PNG", async () => {
    const ico = readFileSync(path.join(root, FAVICON.file));
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 1]);
    const offset = ico.readUInt32LE(18);
    const png = ico.subarray(offset, offset + ico.readUInt32LE(14));
    const metadata = await sharp(png).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(["png", FAVICON.size, FAVICON.size]);
  });
});
