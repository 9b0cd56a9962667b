import { secondaryButtonClass } from "./buttons";
import { inputClass } from "./form";

/** A page's "which day" form (GET `?date=`), with the refusal of a date that is not one. */
export function DayFilter({ date, error }: { date: string; error?: string | null }) {
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Pick a day">
        <label className="text-sm">
          Day
          <input type="date" name="date" defaultValue={date} className={inputClass} />
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </>
  );
}
