/** The brand's ring, beside the name. */
export function WheelhouseMark() {
  return <span aria-hidden="true" className="inline-block h-6 w-6 shrink-0 rounded-full border-4 border-brand" />;
}
