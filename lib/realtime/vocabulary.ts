import { allTopics } from "../events/topics";
import { modules } from "../modules/registry";
import type { LiveVocabulary } from "../ui/live-events";

/** The platform's topics' queries and toasts; the modules add theirs (`live` in their definition). */
const PLATFORM_QUERY_KEYS: LiveVocabulary["queryKeys"] = { user_events: [["users"]], security_events: [] };

const PLATFORM_USER_EVENT_TEXT: LiveVocabulary["userEventText"] = {
  "user.registered": { title: "Your account was created", body: "Welcome to Wheelhouse." },
  "user.created": { title: "Your account was created", body: "An administrator created your account." },
  "user.updated": { title: "Your account was updated", body: "Your profile details changed." },
  "user.password_changed": { title: "Your password was changed", body: "Other devices were signed out." },
};

/** What the browser needs to know about every topic: built here on the server, handed to the live provider as data. */
export function liveVocabulary(): LiveVocabulary {
  const queryKeys: Record<string, ReadonlyArray<readonly string[]>> = { ...PLATFORM_QUERY_KEYS };
  const userEventText: Record<string, { title: string; body: string }> = { ...PLATFORM_USER_EVENT_TEXT };
  for (const businessModule of modules()) {
    for (const [topic, keys] of Object.entries(businessModule.live.queryKeys)) if (keys) queryKeys[topic] = keys;
    Object.assign(userEventText, businessModule.live.userEventText ?? {});
  }
  return { topics: allTopics(), queryKeys, userEventText };
}
