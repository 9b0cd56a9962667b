"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IntentLink } from "@/components/ui/intent-link";
import { useEffect, useId, useRef, useState } from "react";
import { errorTextClass } from "@/components/ui/form";
import { relativeTime } from "@/lib/ui/relative-time";
import { NOTIFICATIONS_KEY } from "@/lib/ui/live-events";
import { markNotificationsReadAction } from "./actions";
import { fetchNotifications, type NotificationList } from "./api";

interface NotificationBellProps {
  /** The list as the server rendered it, so the badge is right before any fetch. */
  initial?: NotificationList;
  /** When `initial` was read (ms since the epoch). */
  initialAt?: number;
}

type MarkReadInput = { all: true } | { ids: string[] };

function markedRead(list: NotificationList, input: MarkReadInput): NotificationList {
  const ids = "ids" in input ? new Set(input.ids) : null;
  let changed = 0;
  const notifications = list.notifications.map((item) => {
    if (item.read || (ids && !ids.has(item.id))) return item;
    changed += 1;
    return { ...item, read: true };
  });
  return { unread: ids ? Math.max(0, list.unread - changed) : 0, notifications };
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path strokeLinecap="round" strokeLinejoin="round" d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path strokeLinecap="round" strokeLinejoin="round" d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: unread count, the recent notifications, "mark all read". Live through `["notifications"]`. */
export function NotificationBell({ initial, initialAt }: NotificationBellProps) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [now, setNow] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const { data, isError } = useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: fetchNotifications,
    initialData: initial,
    initialDataUpdatedAt: initialAt,
  });

  const markRead = useMutation({
    mutationFn: async (input: MarkReadInput) => {
      const result = await markNotificationsReadAction(input);
      if (!result.ok) throw new Error(result.message);
      return result;
    },
    onMutate: async (input) => {
      setError(null);
      await queryClient.cancelQueries({ queryKey: NOTIFICATIONS_KEY });
      const previous = queryClient.getQueryData<NotificationList>(NOTIFICATIONS_KEY);
      if (previous) queryClient.setQueryData(NOTIFICATIONS_KEY, markedRead(previous, input));
      return { previous };
    },
    onError: (failure, _input, context) => {
      if (context?.previous) queryClient.setQueryData(NOTIFICATIONS_KEY, context.previous);
      setError(failure instanceof Error ? failure.message : "Could not mark notifications read.");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });

  // Close on a click outside or Escape (focus goes back to the bell).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      clearInterval(tick);
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  const notifications = data?.notifications ?? [];
  const loadError = error ?? (isError && !data ? "Notifications could not be loaded." : null);
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        onClick={() => {
          setNow(Date.now());
          setOpen((current) => !current);
        }}
        className="relative inline-flex h-11 w-11 items-center md:h-9 md:w-9 justify-center rounded-full border border-line bg-surface-raised text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-brand"
      >
        <BellIcon />
        {unread > 0 && (
          <span
            aria-hidden="true"
            data-testid="notification-unread"
            className="absolute -right-1 -top-1 min-w-5 rounded-full bg-brand px-1 text-center text-[0.6875rem] font-semibold leading-5 text-brand-ink"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>

      <div
        id={panelId}
        role="region"
        aria-label="Notifications"
        hidden={!open}
        className="absolute right-0 z-40 mt-2 w-[min(22rem,calc(100vw-2rem))] overflow-hidden rounded-card border border-line bg-surface-raised text-ink shadow-lg"
      >
        <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-3">
          <h2 className="text-sm font-semibold">Notifications</h2>
          <button
            type="button"
            onClick={() => markRead.mutate({ all: true })}
            disabled={unread === 0 || markRead.isPending}
            className="rounded-full px-2 py-1 text-xs font-medium text-brand transition hover:bg-brand-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-brand disabled:cursor-default disabled:text-ink-muted disabled:hover:bg-transparent"
          >
            Mark all read
          </button>
        </div>
        <div aria-live="polite">
          {loadError && <p className={`px-4 py-3 text-sm ${errorTextClass}`}>{loadError}</p>}
        </div>
        {notifications.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-ink-muted">{data ? "You are all caught up." : "Loading…"}</p>
        ) : (
          <ul className="max-h-96 divide-y divide-line overflow-y-auto" aria-label="Recent notifications">
            {notifications.map((item) => {
              const content = (
                <span className="flex items-start gap-2">
                  <span
                    aria-hidden="true"
                    className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-brand"}`}
                  />
                  <span className="min-w-0 flex-1">
                    <span className={`block text-sm ${item.read ? "font-normal" : "font-semibold"}`}>
                      {item.title}
                      {!item.read && <span className="sr-only"> (unread)</span>}
                    </span>
                    <span className="mt-0.5 block text-sm text-ink-muted">{item.body}</span>
                    <time dateTime={item.createdAt} title={item.createdAt} className="mt-1 block text-xs text-ink-muted">
                      {now > 0 ? relativeTime(item.createdAt, now) : item.createdAt.slice(0, 10)}
                    </time>
                  </span>
                </span>
              );
              const markThis = () => {
                if (!item.read) markRead.mutate({ ids: [item.id] });
              };
              return (
                <li key={item.id} data-testid="notification-item">
                  {item.link ? (
                    <IntentLink
                      href={item.link}
                      onClick={() => {
                        markThis();
                        setOpen(false);
                      }}
                      className="block px-4 py-3 transition hover:bg-brand-soft/50 focus-visible:bg-brand-soft/50 focus-visible:outline-none"
                    >
                      {content}
                    </IntentLink>
                  ) : (
                    <button
                      type="button"
                      onClick={markThis}
                      className="block w-full px-4 py-3 text-left transition hover:bg-brand-soft/50 focus-visible:bg-brand-soft/50 focus-visible:outline-none"
                    >
                      {content}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
