import type { CartLineView } from "../views";

/** The cart's lines grouped by car, in the order each car first appears. */
export function linesByCar(lines: CartLineView[]): Array<{ carId: string; car: CartLineView["car"]; lines: CartLineView[] }> {
  const groups = new Map<string, { carId: string; car: CartLineView["car"]; lines: CartLineView[] }>();
  for (const line of lines) {
    const group = groups.get(line.carId) ?? { carId: line.carId, car: line.car, lines: [] };
    group.lines.push(line);
    groups.set(line.carId, group);
  }
  return [...groups.values()];
}
