import type { z } from "zod";
import type { Principal } from "../auth/principal";
import type { PrismaClient, Transaction } from "../db";
import type { ScheduledJob } from "../events/scheduler";
import type { LoggedEvent } from "../events/types";
import type { RoleName } from "../identity/roles";
import type { NotificationDraft } from "../notifications/rules";
import type { Action } from "../rbac/scopes";
import type { GraphQLParts } from "../graphql/builder";
import type { ApiOperation } from "../openapi/operation";

/**
 * What a business module tells the platform about itself. Every module folder
 * (`lib/modules/<name>/`) exports one of these from its `module.ts`, and
 * `lib/modules/registry.ts` lists them; the platform iterates that list and
 * never names a module. See "How a module is built" in the README.
 */

/** `ACTION:RESOURCE`; a module's scopes are checked against the full scope list when the registry loads. */
export type ScopeName = `${Action}:${string}`;

/** Grants letters per resource: R = READ, W = WRITE (create), U = UPDATE, D = DELETE. `(own)` narrowing is the services' job. */
export type ResourceGrants<Resource extends string> = Partial<Record<Resource, string>>;

/** The pictures the navigation draws (components/shell/nav-icons.tsx); named by what they show, not by module. */
export type NavigationIcon = "home" | "signpost" | "car" | "wrench" | "person";

/**
 * A page in the shell's navigation. Staff see a module's entries in a sidebar group titled with the
 * module's `card.title`, in registry order; entries with an `icon` are the customer's bottom tabs on a phone.
 */
export interface NavigationEntry {
  href: string;
  label: string;
  /** Makes the page one of the bottom tabs on a phone (keep it to the module's main customer page). */
  icon?: NavigationIcon;
  /** When set, the dashboard lists the page with this sentence. */
  description?: string;
  /** Shown only to principals holding this scope. */
  scope?: ScopeName;
  /** Shown only when this also holds (e.g. staff pages for a scope customers hold "(own)"). */
  visible?: (principal: Pick<Principal, "role" | "scopes">) => boolean;
}

/** The module's card on the dashboard. */
export interface ModuleCard {
  title: string;
  summary: string;
  /** The scope that opens the module. */
  scope: ScopeName;
  /** Its first page; absent while the module has no pages yet. */
  href?: string;
  /** What the public home page says about the module. */
  pitch: { summary: string; points: readonly string[] };
  /** Tailwind class of the card's top border (the module's colour). */
  accentClass: string;
  /** A figure the dashboard shows the principal (e.g. their credit balance), or null. */
  highlight?(principal: Principal): Promise<DashboardHighlight | null>;
}

export interface DashboardHighlight {
  title: string;
  value: string;
  note: string;
  link?: { href: string; label: string };
  testId: string;
}

/**
 * A live channel the module publishes to besides the user and role channels
 * (e.g. a board every viewer of a list hears). Its name starts with `private-` and never with
 * `private-user-`/`private-role-`; holders of `scope` may listen.
 */
export interface ModuleChannel {
  name: string;
  scope: ScopeName;
}

/** What the browser needs to know about the module's events: pure data, handed to the client by the app shell. */
export interface ModuleLiveVocabulary<Topic extends string = string> {
  /** The TanStack Query keys holding data derived from each topic (invalidated when one of its events arrives). */
  queryKeys: Partial<Record<Topic, ReadonlyArray<readonly string[]>>>;
  /** Toast text when an event about the user themself arrives on their user channel. */
  userEventText?: Readonly<Record<string, { title: string; body: string }>>;
}

/** What an account has that deleting it would silently destroy, per kind: how many, and how to say it. */
export type LiveCommitments = Record<string, { count: number; label: string }>;

export interface ModuleDefinition<Resource extends string = string, Topic extends string = string> {
  /** The folder name, lower case (`lib/modules/<name>/`). */
  name: string;
  card: ModuleCard;
  /** The `app/` folders that belong to the module (its pages and route handlers). */
  routes?: readonly string[];
  /** RBAC resources the module owns, with their labels. */
  resources: Readonly<Record<Resource, string>>;
  /** Resources that take only some actions (the others take all four). */
  limitedActions?: Partial<Record<Resource, readonly Action[]>>;
  /** The default role matrix for the module's resources (ADMIN holds every scope anyway). */
  grants: Partial<Record<Exclude<RoleName, "ADMIN">, ResourceGrants<Resource>>>;
  /** Event topics the module writes. */
  topics: readonly Topic[];
  navigation?: readonly NavigationEntry[];
  /** Public pages every page's footer links to (signed in or not), e.g. the shop's terms. */
  footer?: readonly { href: string; label: string }[];
  channels?: readonly ModuleChannel[];
  /** Who hears an event of one of the module's topics live, besides admins (who hear everything). */
  audience?(event: LoggedEvent): readonly string[];
  /** Notifications an event leads to (any topic: a module may react to platform events too). */
  notifications?(event: LoggedEvent, tx: Transaction): Promise<NotificationDraft[]>;
  live: ModuleLiveVocabulary<Topic>;
  /** A sentence the welcome notification adds for a newly registered customer. */
  welcomeNote?: string;
  jobs?: readonly ScheduledJob[];
  /** Demo data for `npm start`; idempotent. Returns how many of each thing it added (`{ spots: 3 }`). */
  seedDemo?(database: PrismaClient): Promise<Record<string, number>>;
  /** Account lifecycle, inside identity's transaction and under the account's lock. */
  accounts?: {
    /** After an account is created (e.g. a starting balance). */
    created?(tx: Transaction, account: { id: string; role: RoleName }): Promise<void>;
    /** Deletion guard: what the account still has live; any count above zero refuses the deletion (409). */
    liveCommitments?(tx: Transaction, accountId: string): Promise<LiveCommitments>;
    /** Just before the account row goes (release what it holds). */
    deleting?(tx: Transaction, accountId: string, actorId: string): Promise<void>;
    /** After the deletion committed (caches). */
    deleted?(accountId: string): Promise<void>;
  };
  /** After a backup restore replaced every table (lib/backups): drop caches of the module's data. */
  dataReplaced?(): Promise<void>;
  /** The module's environment variables (named `<MODULE>_…`), read with `readSettings` (lib/settings.ts). */
  settings?: z.ZodObject;
  /** The module's REST operations (`lib/modules/<name>/openapi.ts`), for the OpenAPI document. */
  operations?: readonly ApiOperation[];
  /** Types, queries and mutations the module adds to the one GraphQL schema. */
  graphql?(parts: GraphQLParts): void;
}

/** Keeps the literal resource and topic names of a module's definition (for the platform's scope and topic types). */
export function defineModule<const Resource extends string, const Topic extends string>(
  definition: ModuleDefinition<Resource, Topic>,
): ModuleDefinition<Resource, Topic> {
  return definition;
}
