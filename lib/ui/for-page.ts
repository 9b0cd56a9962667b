import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, NotFoundError } from "../errors";

/** A service call for a page: 403 → the forbidden page, 404 (a malformed id in the path included) → not found. */
export async function forPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
