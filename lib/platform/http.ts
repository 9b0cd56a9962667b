/** JSON error body used across the API: `{"detail": ...}`. */
export function errorResponse(status: number, detail: unknown, headers?: HeadersInit): Response {
  return Response.json({ detail }, { status, headers });
}

export const NO_STORE = { "Cache-Control": "no-store" } as const;
