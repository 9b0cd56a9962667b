/**
 * Renders every icon of the app from the one SVG source, assets/icon.svg:
 * the manifest's 192/512/maskable PNGs, the shortcuts' 96 px icons, the Apple
 * touch icon, app/icon.png and app/favicon.ico. The outputs are committed;
 * run `npm run icons` after changing the SVG or assets/icon-set.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { ALL_PNG_ICONS, FAVICON, ICON_BACKGROUNDS, type GeneratedIcon } from "../assets/icon-set";

const root = path.resolve(import.meta.dirname, "..");
const source = readFileSync(path.join(root, "assets", "icon.svg"), "utf8");
const SOURCE_BACKGROUND = /(<rect id="background"[^>]*fill=")[^"]+(")/;
if (!SOURCE_BACKGROUND.test(source)) throw new Error('assets/icon.svg needs a <rect id="background" fill="…"> to recolour.');

/** Corner radius of "any" icons, as a share of their width (close to the platforms' own app icon shapes). */
const CORNER_RADIUS = 0.22;

async function renderPng(icon: Pick<GeneratedIcon, "size" | "background" | "shape">): Promise<Buffer> {
  const svg = source.replace(SOURCE_BACKGROUND, `$1${ICON_BACKGROUNDS[icon.background]}$2`);
  // Render at the final size from the vector (density scales the 512-unit viewBox).
  const image = sharp(Buffer.from(svg), { density: (72 * icon.size) / 512 }).resize(icon.size, icon.size);
  if (icon.shape === "full-bleed") return image.png({ compressionLevel: 9 }).toBuffer();
  const radius = Math.round(icon.size * CORNER_RADIUS);
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.size}" height="${icon.size}"><rect width="${icon.size}" height="${icon.size}" rx="${radius}" ry="${radius}"/></svg>`,
  );
  return sharp(await image.png().toBuffer())
    .composite([{ input: mask, blend: "dest-in" }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file holding one PNG image (supported by every current browser). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size >= 256 ? 0 : size, 0);
  entry.writeUInt8(size >= 256 ? 0 : size, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3); // reserved
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  return Buffer.concat([header, entry, png]);
}

for (const icon of ALL_PNG_ICONS) {
  writeFileSync(path.join(root, icon.file), await renderPng(icon));
  console.log(`${icon.file} ${icon.size}×${icon.size}`);
}
writeFileSync(path.join(root, FAVICON.file), icoOf(await renderPng(FAVICON), FAVICON.size));
console.log(`${FAVICON.file} ${FAVICON.size}×${FAVICON.size}`);
