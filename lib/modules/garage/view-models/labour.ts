/** "45 min", "1 h", "2 h 30 min": how long a job keeps a bay. */
export function formatLabour(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
