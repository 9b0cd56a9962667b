import type { SpotView } from "@/lib/modules/parking/views";

/** A spot as the board receives it: created at 08:00 UTC on 4 March 2025, not offered, no reservation. */
export function spotView(overrides: Partial<SpotView> = {}): SpotView {
  return {
    id: overrides.label ?? "spot",
    label: "A-1",
    zone: "North",
    description: "",
    kind: "STANDARD",
    owner: { id: "CST000001", name: "Olivia Owner" },
    availableNow: false,
    availability: [],
    nextReservation: null,
    createdAt: "2025-03-04T08:00:00.000Z",
    updatedAt: "2025-03-04T08:00:00.000Z",
    ...overrides,
  };
}
