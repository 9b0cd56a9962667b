import { loginFormSchema } from "../auth/credentials";
import { ROLE_NAMES, type RoleName } from "../identity/roles";
import { newUserSchema, passwordChangeSchema, ROLE_RESOURCE, userListQuerySchema, userUpdateSchema } from "../identity/users";
import { markReadSchema } from "../notifications/service";
import { rolePermissionsSchema } from "../rbac/roles-admin";
import { noParameters } from "../validation";
import {
  AUTHENTICATED_ERRORS,
  JSON_BODY_ERRORS,
  NO_CONTENT,
  errorResponses,
  jsonResponse,
  listResponse,
  type ApiOperation,
} from "./operation";
import {
  eventFailuresSchema,
  eventPageSchema,
  eventQueryDocumentation,
  liveCommitmentsConflictSchema,
  markedReadSchema,
  messageSchema,
  notificationListSchema,
  roleViewSchema,
  tokenSchema,
  userViewSchema,
} from "./platform-schemas";
import { z } from "zod";
import { adminResourceOperations } from "./operations-admin";

const AUTH = "Authentication";
const USERS = "Users";

const authOperations: ApiOperation[] = [
  {
    method: "POST",
    path: "/api/v1/auth/login",
    operationId: "login",
    tag: AUTH,
    summary: "Sign in: an access token, and the refresh token as an HttpOnly cookie",
    description: "OAuth2 password form; `username` is a phone number or an email.",
    security: "none",
    scopes: [],
    body: { schema: loginFormSchema, type: "form" },
    responses: { 200: jsonResponse("An access token.", tokenSchema), ...errorResponses(401, 422, 429, 503) },
  },
  {
    method: "POST",
    path: "/api/v1/auth/refresh",
    operationId: "refreshToken",
    tag: AUTH,
    summary: "A new access token for the refresh-token cookie (which is rotated)",
    security: "refresh-cookie",
    scopes: [],
    responses: { 200: jsonResponse("A new access token.", tokenSchema), ...errorResponses(401, 403) },
  },
  {
    method: "POST",
    path: "/api/v1/auth/logout",
    operationId: "logout",
    tag: AUTH,
    summary: "Revoke this access token and refresh token (or this browser session)",
    security: "bearer",
    scopes: [],
    responses: { 200: jsonResponse("Signed out.", messageSchema), ...errorResponses(...AUTHENTICATED_ERRORS) },
  },
  {
    method: "POST",
    path: "/api/v1/auth/logout-all",
    operationId: "logoutEverywhere",
    tag: AUTH,
    summary: "Sign out everywhere: every session and token of the caller",
    security: "bearer",
    scopes: [],
    responses: { 200: jsonResponse("Signed out everywhere.", messageSchema), ...errorResponses(...AUTHENTICATED_ERRORS) },
  },
];

const ownProfileOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/v1/users/me",
    operationId: "getMe",
    tag: USERS,
    summary: "The caller's own account",
    security: "bearer",
    scopes: [],
    responses: { 200: jsonResponse("The caller.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS) },
  },
  {
    method: "PATCH",
    path: "/api/v1/users/me",
    operationId: "updateMe",
    tag: USERS,
    summary: "Edit one's own name, phone or email",
    security: "bearer",
    scopes: [],
    scopeNote: "Requires UPDATE on the caller's own role resource (e.g. UPDATE:CUSTOMERS).",
    body: { schema: userUpdateSchema },
    responses: { 200: jsonResponse("The caller.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "POST",
    path: "/api/v1/users/me/password",
    operationId: "changePassword",
    tag: USERS,
    summary: "Change one's password (every refresh token and browser session is revoked)",
    security: "bearer",
    scopes: [],
    body: { schema: passwordChangeSchema },
    responses: { 200: jsonResponse("Changed.", messageSchema), ...errorResponses(...AUTHENTICATED_ERRORS, ...JSON_BODY_ERRORS, 429, 503) },
  },
];

const deletionRefused = jsonResponse("The account still has live commitments (or is the last admin).", liveCommitmentsConflictSchema);

const ACCOUNT_RULE = "The account's own role resource is checked too (e.g. READ:CUSTOMERS for a CST id).";

const userOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/v1/users",
    operationId: "listUsers",
    tag: USERS,
    summary: "Accounts of every role the caller may read",
    security: "bearer",
    scopes: ["READ:USERS"],
    query: userListQuerySchema,
    responses: { 200: listResponse("One page of accounts.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
  },
  {
    method: "GET",
    path: "/api/v1/users/{id}",
    operationId: "getUser",
    tag: USERS,
    summary: "One account, any role",
    security: "bearer",
    scopes: ["READ:USERS"],
    scopeNote: ACCOUNT_RULE,
    responses: { 200: jsonResponse("The account.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
  },
  {
    method: "PATCH",
    path: "/api/v1/users/{id}",
    operationId: "updateUser",
    tag: USERS,
    summary: "Change an account, any role",
    security: "bearer",
    scopes: ["UPDATE:USERS"],
    scopeNote: ACCOUNT_RULE,
    body: { schema: userUpdateSchema },
    responses: { 200: jsonResponse("The account.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
  },
  {
    method: "DELETE",
    path: "/api/v1/users/{id}",
    operationId: "deleteUser",
    tag: USERS,
    summary: "Delete an account, any role (refused while it has live commitments)",
    security: "bearer",
    scopes: ["DELETE:USERS"],
    scopeNote: ACCOUNT_RULE,
    responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404), 409: deletionRefused },
  },
];

/** `/customers`, `/employees`, …: one role's accounts under its own resource. */
function roleCollectionOperations(role: RoleName): ApiOperation[] {
  const collection = `${role.toLowerCase()}s`;
  const resource = ROLE_RESOURCE[role];
  const label = role.charAt(0) + role.slice(1).toLowerCase();
  const tag = `${label}s`;
  const create: ApiOperation =
    role === "CUSTOMER"
      ? {
          method: "POST",
          path: `/api/v1/${collection}`,
          operationId: "registerCustomer",
          tag,
          summary: "Register: anyone may create a customer account",
          security: "none",
          scopes: [],
          body: { schema: newUserSchema },
          responses: { 201: jsonResponse("The new customer.", userViewSchema), ...errorResponses(409, ...JSON_BODY_ERRORS, 429, 503) },
        }
      : {
          method: "POST",
          path: `/api/v1/${collection}`,
          operationId: `create${label}`,
          tag,
          summary: `Create a ${role.toLowerCase()} account`,
          security: "bearer",
          scopes: [`WRITE:${resource}`],
          body: { schema: newUserSchema },
          responses: { 201: jsonResponse("The new account.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 409, ...JSON_BODY_ERRORS, 503) },
        };
  const item = `/api/v1/${collection}/{id}` as const;
  const otherAccounts = "Changing another account needs the same action on USERS too.";
  return [
    {
      method: "GET",
      path: `/api/v1/${collection}`,
      operationId: `list${tag}`,
      tag,
      summary: `${tag}`,
      security: "bearer",
      scopes: [`READ:${resource}`],
      query: userListQuerySchema,
      responses: { 200: listResponse(`One page of ${collection}.`, userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    create,
    {
      method: "GET",
      path: item,
      operationId: `get${label}`,
      tag,
      summary: `One ${role.toLowerCase()}`,
      security: "bearer",
      scopes: [`READ:${resource}`],
      responses: { 200: jsonResponse("The account.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
    },
    {
      method: "PATCH",
      path: item,
      operationId: `update${label}`,
      tag,
      summary: `Change a ${role.toLowerCase()}`,
      security: "bearer",
      scopes: [`UPDATE:${resource}`],
      scopeNote: otherAccounts,
      body: { schema: userUpdateSchema },
      responses: { 200: jsonResponse("The account.", userViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
    },
    {
      method: "DELETE",
      path: item,
      operationId: `delete${label}`,
      tag,
      summary: `Delete a ${role.toLowerCase()} (refused while the account has live commitments)`,
      security: "bearer",
      scopes: [`DELETE:${resource}`],
      scopeNote: otherAccounts,
      responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404), 409: deletionRefused },
    },
  ];
}

function rbacOperations(): ApiOperation[] {
  const role = roleViewSchema();
  return [
    {
      method: "GET",
      path: "/api/v1/rbac/roles",
      operationId: "listRoles",
      tag: "RBAC",
      summary: "The roles with their scopes",
      security: "bearer",
      scopes: ["READ:RBAC"],
      responses: { 200: jsonResponse("Every role.", z.array(role)), ...errorResponses(...AUTHENTICATED_ERRORS) },
    },
    {
      method: "GET",
      path: "/api/v1/rbac/roles/{id}/permissions",
      operationId: "getRolePermissions",
      tag: "RBAC",
      summary: "One role's scopes",
      security: "bearer",
      scopes: ["READ:RBAC"],
      responses: { 200: jsonResponse("The role.", role), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 422) },
    },
    {
      method: "PUT",
      path: "/api/v1/rbac/roles/{id}/permissions",
      operationId: "setRolePermissions",
      tag: "RBAC",
      summary: "Replace a role's scopes (applies from the role's next request)",
      description: "The ADMIN role keeps READ:RBAC and UPDATE:RBAC.",
      security: "bearer",
      scopes: ["UPDATE:RBAC"],
      body: { schema: rolePermissionsSchema },
      responses: { 200: jsonResponse("The role.", role), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, ...JSON_BODY_ERRORS) },
    },
  ];
}

function eventAndNotificationOperations(): ApiOperation[] {
  return [
    {
      method: "GET",
      path: "/api/v1/events",
      operationId: "readEvents",
      tag: "Events",
      summary: "One topic of the event log after an offset, oldest first",
      security: "bearer",
      scopes: ["READ:EVENTS"],
      query: eventQueryDocumentation(),
      responses: { 200: jsonResponse("One page of events.", eventPageSchema()), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "GET",
      path: "/api/v1/events/failures",
      operationId: "listEventFailures",
      tag: "Events",
      summary: "Parked outbox rows and events consumers gave up on",
      security: "bearer",
      scopes: ["READ:EVENTS"],
      query: noParameters,
      responses: { 200: jsonResponse("Failures.", eventFailuresSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "GET",
      path: "/api/v1/notifications",
      operationId: "listNotifications",
      tag: "Notifications",
      summary: "The caller's notifications, newest first, with the unread count",
      security: "bearer",
      scopes: [],
      query: noParameters,
      responses: { 200: jsonResponse("Notifications.", notificationListSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "POST",
      path: "/api/v1/notifications/read",
      operationId: "markNotificationsRead",
      tag: "Notifications",
      summary: "Mark some (`ids`) or all (`all: true`) of the caller's notifications read",
      security: "bearer",
      scopes: [],
      body: { schema: markReadSchema },
      responses: { 200: jsonResponse("How many were marked.", markedReadSchema), ...errorResponses(...AUTHENTICATED_ERRORS, ...JSON_BODY_ERRORS) },
    },
  ];
}

function operationsRoutes(): ApiOperation[] {
  return [
    {
      method: "GET",
      path: "/api/metrics",
      operationId: "metrics",
      tag: "Operations",
      summary: "Prometheus metrics: request durations, outbox backlog, consumer lag, live connections, database pool, login failures, 429s",
      security: "metrics-token",
      scopes: [],
      scopeNote: "Needs the METRICS_TOKEN bearer secret, not a user's token. 404 in production when METRICS_TOKEN is not set.",
      query: noParameters,
      responses: {
        200: { description: "The Prometheus text exposition format.", schema: z.string(), contentType: "text/plain; version=0.0.4; charset=utf-8" },
        ...errorResponses(401, 404),
      },
    },
  ];
}

/** The platform's own REST operations: authentication, accounts, RBAC, the event log, notifications. */
export function platformOperations(): ApiOperation[] {
  return [
    ...authOperations,
    ...ownProfileOperations,
    ...userOperations,
    ...ROLE_NAMES.flatMap(roleCollectionOperations),
    ...rbacOperations(),
    ...eventAndNotificationOperations(),
    ...operationsRoutes(),
    ...adminResourceOperations(),
  ];
}
