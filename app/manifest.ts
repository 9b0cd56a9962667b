import type { MetadataRoute } from "next";
import { MANIFEST_ICONS, SHORTCUT_ICONS } from "@/assets/icon-set";

/** The light theme's surface (app/globals.css); the dark one is in the root layout's `viewport.themeColor`. */
const LIGHT_SURFACE = "#f8fafc";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Wheelhouse",
    short_name: "Wheelhouse",
    description:
      "Share and reserve parking spots for credits, rent vehicles across branches, and book garage services — one account, live updates.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    orientation: "any",
    theme_color: LIGHT_SURFACE,
    background_color: LIGHT_SURFACE,
    categories: ["travel", "lifestyle", "business"],
    icons: MANIFEST_ICONS.map((icon) => ({
      src: icon.url,
      sizes: `${icon.size}x${icon.size}`,
      type: "image/png",
      purpose: icon.shape === "full-bleed" ? "maskable" : "any",
    })),
    shortcuts: [
      { name: "Parking board", short_name: "Parking", url: "/parking", icon: SHORTCUT_ICONS.parking },
      { name: "My reservations", short_name: "Reservations", url: "/parking/reservations", icon: SHORTCUT_ICONS.parking },
      { name: "My rentals", short_name: "Rentals", url: "/rentals/mine", icon: SHORTCUT_ICONS.rentals },
      { name: "My garage bookings", short_name: "Bookings", url: "/garage/bookings", icon: SHORTCUT_ICONS.garage },
    ].map(({ icon, ...shortcut }) => ({
      ...shortcut,
      icons: [{ src: icon.url, sizes: `${icon.size}x${icon.size}`, type: "image/png" }],
    })),
  };
}
