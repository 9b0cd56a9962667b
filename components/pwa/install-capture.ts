/** Where the early listener keeps Chromium's install offer until the page's React code takes it. */
export const INSTALL_PROMPT_GLOBAL = "__wheelhouseInstallPrompt";
/** Dispatched on window when an install offer was kept. */
export const INSTALL_PROMPT_CAPTURED = "wheelhouse:install-prompt";

/**
 * Inline in <head>, before hydration: Chromium fires `beforeinstallprompt` once
 * per page load, often before React has attached any listener. preventDefault
 * keeps Chromium's own mini-infobar away: the page offers installing in its own words.
 */
export const CAPTURE_INSTALL_PROMPT_SCRIPT = `addEventListener("beforeinstallprompt",function(e){e.preventDefault();window.${INSTALL_PROMPT_GLOBAL}=e;dispatchEvent(new Event("${INSTALL_PROMPT_CAPTURED}"))});`;
