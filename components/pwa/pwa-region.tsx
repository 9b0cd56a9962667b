"use client";

import { SerwistProvider, useSerwist } from "@serwist/turbopack/react";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { primaryButtonClass, secondaryButtonClass } from "@/components/ui/buttons";
import { INSTALL_PROMPT_CAPTURED, INSTALL_PROMPT_GLOBAL } from "./install-capture";
import { cachePageInServiceWorker, SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL } from "./sw-protocol";

const INSTALL_DISMISSED_KEY = "wheelhouse:install-dismissed";
const IOS_HINT_DISMISSED_KEY = "wheelhouse:ios-hint-dismissed";

/** The service worker only runs in production builds (`next dev` rebuilds everything on each change). */
const SERVICE_WORKER_ENABLED = process.env.NODE_ENV === "production";
/** How long registration waits for an idle moment after the load event before it goes ahead anyway. */
const REGISTER_IDLE_TIMEOUT_MS = 5_000;
/** Where the browser has no idle callbacks (Safari): the wait after the load event instead. */
const REGISTER_DELAY_WITHOUT_IDLE_CALLBACKS_MS = 1_000;

/**
 * Registers the service worker and shows, at the bottom of every page, the
 * "new version" prompt and the install offer. Sits above a bottom tab bar
 * when a layout sets `--bottom-bar-height`.
 */
export function PwaRegion() {
  return (
    <SerwistProvider
      swUrl={SERVICE_WORKER_URL}
      disable={!SERVICE_WORKER_ENABLED}
      // Pages reached by client-side navigation are cached by VisitedPagesCache, with the right Accept header.
      cacheOnNavigation={false}
      // The live connection and the queries recover by themselves; a reload would throw away what the user typed.
      reloadOnOnline={false}
      options={{ scope: SERVICE_WORKER_SCOPE, type: "classic", updateViaCache: "none" }}
      // RegisterWhenIdle registers it once the page has started.
      register={false}
    >
      {SERVICE_WORKER_ENABLED && <RegisterWhenIdle />}
      {SERVICE_WORKER_ENABLED && <VisitedPagesCache />}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-[calc(var(--bottom-bar-height,0px)+env(safe-area-inset-bottom,0px)+1rem)] z-40 flex flex-col items-center gap-2 px-4"
      >
        {SERVICE_WORKER_ENABLED && <UpdatePrompt />}
        <InstallOffer />
      </div>
    </SerwistProvider>
  );
}

const cardClass =
  "pointer-events-auto flex w-full max-w-md flex-wrap items-center gap-x-4 gap-y-2 rounded-card border border-line bg-surface-raised px-4 py-3 text-sm text-ink shadow-lg";

/**
 * Registers the service worker after the load event, at the first idle moment. Its first install fetches and
 * stores the precache (lib/platform/precache.ts); started at the load event, as Serwist does by default, it
 * competed with the page's own main thread while the page was still hydrating.
 */
function RegisterWhenIdle() {
  const { serwist } = useSerwist();
  useEffect(() => {
    if (!serwist) return;
    let cancelled = false;
    let idleCallback: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const register = () => {
      if (!cancelled) void serwist.register({ immediate: true });
    };
    const whenIdle = () => {
      if (typeof window.requestIdleCallback === "function") idleCallback = window.requestIdleCallback(register, { timeout: REGISTER_IDLE_TIMEOUT_MS });
      else timer = setTimeout(register, REGISTER_DELAY_WITHOUT_IDLE_CALLBACKS_MS);
    };
    if (document.readyState === "complete") whenIdle();
    else window.addEventListener("load", whenIdle, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener("load", whenIdle);
      if (idleCallback !== undefined) window.cancelIdleCallback(idleCallback);
      clearTimeout(timer);
    };
  }, [serwist]);
  return null;
}

/** A page reached without a document request (client-side navigation) is fetched once more by the worker, for offline use. */
function VisitedPagesCache() {
  const pathname = usePathname();
  const firstRender = useRef(true);
  useEffect(() => {
    const here = () => `${window.location.pathname}${window.location.search}`;
    if (!firstRender.current) {
      cachePageInServiceWorker(here());
      return;
    }
    firstRender.current = false;
    // The document request went through the worker when it already controlled this page. Otherwise
    // (the first visit), cache the page and the scripts it loaded as soon as the newly installed worker takes control.
    const container = navigator.serviceWorker;
    if (!container || container.controller) return;
    const onControl = () => cachePageInServiceWorker(here(), { withLoadedAssets: true });
    container.addEventListener("controllerchange", onControl, { once: true });
    return () => container.removeEventListener("controllerchange", onControl);
  }, [pathname]);
  return null;
}

function UpdatePrompt() {
  const [waiting, setWaiting] = useState(false);
  const [reloading, setReloading] = useState(false);

  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return;
    let registration: ServiceWorkerRegistration | undefined;
    let cancelled = false;
    // A new version is one that installed while an older one controls this page (the very first install is no update).
    const showIfWaiting = () => {
      if (!cancelled && registration?.waiting && container.controller) setWaiting(true);
    };
    const onUpdateFound = () => {
      const installing = registration?.installing;
      installing?.addEventListener("statechange", () => {
        if (installing.state === "installed") showIfWaiting();
      });
    };
    void container.ready.then((ready) => {
      if (cancelled) return;
      registration = ready;
      // A version that was already waiting when this page loaded.
      showIfWaiting();
      ready.addEventListener("updatefound", onUpdateFound);
    });
    // Browsers look for a new version on navigations; a tab left open looks again when it comes back into view.
    const lookForUpdate = () => {
      if (document.visibilityState === "visible") void registration?.update().catch(() => undefined);
    };
    document.addEventListener("visibilitychange", lookForUpdate);
    return () => {
      cancelled = true;
      registration?.removeEventListener("updatefound", onUpdateFound);
      document.removeEventListener("visibilitychange", lookForUpdate);
    };
  }, []);

  const activate = useCallback(async () => {
    setReloading(true);
    const container = navigator.serviceWorker;
    let reloaded = false;
    container.addEventListener("controllerchange", () => {
      if (reloaded) return;
      reloaded = true;
      window.location.reload();
    });
    const registration = await container.getRegistration(SERVICE_WORKER_SCOPE);
    registration?.waiting?.postMessage({ type: "SKIP_WAITING" });
  }, []);

  if (!waiting) return null;
  return (
    <div className={cardClass} data-testid="update-prompt">
      <p className="flex-1">A new version of Wheelhouse is available.</p>
      <button type="button" onClick={activate} disabled={reloading} className={`${primaryButtonClass} min-h-11`}>
        {reloading ? "Reloading…" : "Reload"}
      </button>
    </div>
  );
}

/** Chromium's install offer (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === "1";
  } catch {
    return false;
  }
}

function rememberFlag(key: string): void {
  try {
    localStorage.setItem(key, "1");
  } catch {
    // Storage refused: the offer comes back on the next visit.
  }
}

const subscribeNever = () => () => {};

/** iOS Safari in a browser tab: it has no install prompt, only Share → "Add to Home Screen". */
function isIosSafariTab(): boolean {
  const { userAgent, maxTouchPoints } = navigator;
  const iosDevice = /iPad|iPhone|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const safari = /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
  const standalone =
    Reflect.get(navigator, "standalone") === true || window.matchMedia("(display-mode: standalone)").matches;
  return iosDevice && safari && !standalone;
}

function InstallOffer() {
  const [installEvent, setInstallEvent] = useState<BeforeInstallPromptEvent | null>(null);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const iosHintWanted = useSyncExternalStore(
    subscribeNever,
    () => isIosSafariTab() && !readFlag(IOS_HINT_DISMISSED_KEY),
    () => false,
  );

  useEffect(() => {
    // The offer was kept by the <head> listener (app/layout.tsx), maybe before this component mounted.
    const takeOffer = () => {
      const offer: unknown = Reflect.get(window, INSTALL_PROMPT_GLOBAL);
      if (offer instanceof Event && !readFlag(INSTALL_DISMISSED_KEY)) setInstallEvent(offer as BeforeInstallPromptEvent);
    };
    const onInstalled = () => {
      Reflect.deleteProperty(window, INSTALL_PROMPT_GLOBAL);
      setInstallEvent(null);
    };
    takeOffer();
    window.addEventListener(INSTALL_PROMPT_CAPTURED, takeOffer);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener(INSTALL_PROMPT_CAPTURED, takeOffer);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  const dismiss = (key: string) => {
    rememberFlag(key);
    setDismissed((keys) => [...keys, key]);
    if (key === INSTALL_DISMISSED_KEY) {
      Reflect.deleteProperty(window, INSTALL_PROMPT_GLOBAL);
      setInstallEvent(null);
    }
  };

  const install = async () => {
    if (!installEvent) return;
    await installEvent.prompt();
    await installEvent.userChoice;
    // The event can be used once; the browser fires a new one if it offers again.
    Reflect.deleteProperty(window, INSTALL_PROMPT_GLOBAL);
    setInstallEvent(null);
  };

  if (installEvent) {
    return (
      // Two buttons and no sentence: the offer appears after the page has painted, and a paragraph of text here
      // became the page's largest contentful paint (Lighthouse counted it against the page's own content).
      <div className="pointer-events-auto flex gap-2 rounded-full border border-line bg-surface-raised p-1.5 shadow-lg" data-testid="install-offer">
        <button type="button" onClick={install} className={`${primaryButtonClass} min-h-11`}>
          Install app
        </button>
        <button type="button" onClick={() => dismiss(INSTALL_DISMISSED_KEY)} className={`${secondaryButtonClass} min-h-11`}>
          Not now
        </button>
      </div>
    );
  }
  if (iosHintWanted && !dismissed.includes(IOS_HINT_DISMISSED_KEY)) {
    return (
      <div className={cardClass} data-testid="ios-install-hint">
        <p className="flex-1">
          Install Wheelhouse: tap <span className="font-medium">Share</span>, then{" "}
          <span className="font-medium">Add to Home Screen</span>.
        </p>
        <button type="button" onClick={() => dismiss(IOS_HINT_DISMISSED_KEY)} className={`${secondaryButtonClass} min-h-11`}>
          Got it
        </button>
      </div>
    );
  }
  return null;
}
