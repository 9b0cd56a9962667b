/**
 * Every icon rendered from assets/icon.svg by scripts/generate-icons.ts (`npm run icons`).
 * The manifest, the script and the icon tests read this one list.
 */

/** The brand mark's background per icon family: the design tokens' light values (app/globals.css). */
export const ICON_BACKGROUNDS = {
  brand: "#0f766e",
  parking: "#2563eb",
  rentals: "#c2410c",
  garage: "#7c3aed",
} as const;

export type IconBackground = keyof typeof ICON_BACKGROUNDS;

export interface GeneratedIcon {
  /** Path of the committed PNG, relative to the repository root. */
  file: string;
  /** The URL it is served at, or undefined for app/ file conventions that Next serves under a generated URL. */
  url: string | undefined;
  size: number;
  background: IconBackground;
  /** "any" icons get rounded corners; maskable ones stay full bleed (the platform applies its own mask). */
  shape: "rounded" | "full-bleed";
}

export const MANIFEST_ICONS = [
  { file: "public/icons/icon-192.png", url: "/icons/icon-192.png", size: 192, background: "brand", shape: "rounded" },
  { file: "public/icons/icon-512.png", url: "/icons/icon-512.png", size: 512, background: "brand", shape: "rounded" },
  { file: "public/icons/maskable-512.png", url: "/icons/maskable-512.png", size: 512, background: "brand", shape: "full-bleed" },
] as const satisfies readonly GeneratedIcon[];

export const SHORTCUT_ICONS = {
  parking: { file: "public/icons/shortcut-parking-96.png", url: "/icons/shortcut-parking-96.png", size: 96, background: "parking", shape: "rounded" },
  rentals: { file: "public/icons/shortcut-rentals-96.png", url: "/icons/shortcut-rentals-96.png", size: 96, background: "rentals", shape: "rounded" },
  garage: { file: "public/icons/shortcut-garage-96.png", url: "/icons/shortcut-garage-96.png", size: 96, background: "garage", shape: "rounded" },
} as const satisfies Record<string, GeneratedIcon>;

/** Next's metadata file conventions: `<link rel="apple-touch-icon">` and `<link rel="icon">` in every page. */
export const FILE_CONVENTION_ICONS = [
  // iOS draws its own rounded corners and shows transparency as black: a full-bleed square.
  { file: "app/apple-icon.png", url: undefined, size: 180, background: "brand", shape: "full-bleed" },
  { file: "app/icon.png", url: undefined, size: 48, background: "brand", shape: "rounded" },
] as const satisfies readonly GeneratedIcon[];

/** `/favicon.ico` (browsers ask for it on their own): a 32 px PNG inside an ICO container. */
export const FAVICON = { file: "app/favicon.ico", size: 32, background: "brand", shape: "rounded" } as const;

export const ALL_PNG_ICONS: readonly GeneratedIcon[] = [...MANIFEST_ICONS, ...Object.values(SHORTCUT_ICONS), ...FILE_CONVENTION_ICONS];
