import { z } from "zod";
import type { BackupView, RestoreResult } from "../backups/service";
import { AUDIENCES, announcementSchema, type AnnouncementResult } from "../notifications/announcements";
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES, notificationLogQuerySchema, type NotificationLogView } from "../notifications/logs";
import { noParameters } from "../validation";
import { AUTHENTICATED_ERRORS, JSON_BODY_ERRORS, NO_CONTENT, errorResponses, jsonResponse, listResponse, type ApiOperation } from "./operation";

/** The admin resources of the identity spec: Backup and Notification Logs. */

const instant = z.iso.datetime();

export const backupViewSchema = z
  .strictObject({
    id: z.string(),
    fileName: z.string(),
    size: z.number().int().describe("Bytes of the gzip file."),
    createdAt: z.string().describe("ISO 8601; empty for a file whose manifest cannot be read."),
    createdBy: z.string().nullable(),
    migration: z.string().describe("The schema version (latest applied migration) the backup belongs to."),
    counts: z.record(z.string(), z.number().int()).describe("Rows per table."),
    totalRows: z.number().int(),
  })
  .meta({ title: "Backup" }) satisfies z.ZodType<BackupView>;

const restoreResultSchema = z
  .strictObject({
    id: z.string(),
    migration: z.string(),
    totalRows: z.number().int(),
    signedOut: z.number().int().describe("Users whose sign-ins the restore ended (absent from the backup, or another password)."),
  })
  .meta({ title: "RestoreResult" }) satisfies z.ZodType<RestoreResult>;

const notificationLogSchema = z
  .strictObject({
    id: z.string(),
    recipientId: z.string().nullable(),
    recipient: z.string().describe("The user id (IN_APP) or the e-mail address (EMAIL)."),
    channel: z.enum(NOTIFICATION_CHANNELS),
    template: z.string().describe("The notification type: the event type it came from."),
    status: z.enum(NOTIFICATION_STATUSES),
    error: z.string().nullable(),
    eventId: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ title: "NotificationLog" }) satisfies z.ZodType<NotificationLogView>;

const announcementResultSchema = z
  .strictObject({ id: z.string(), audience: z.enum(AUDIENCES), recipients: z.number().int(), batches: z.number().int() })
  .meta({ title: "AnnouncementResult" }) satisfies z.ZodType<AnnouncementResult>;

const BACKUPS = "Backups";
const NOTIFICATION_LOGS = "Notification logs";
const ADMIN_ONLY = "Admins only (the spec's matrix).";

export function adminResourceOperations(): ApiOperation[] {
  return [
    {
      method: "GET",
      path: "/api/v1/backups",
      operationId: "listBackups",
      tag: BACKUPS,
      summary: "Every backup, newest first",
      security: "bearer",
      scopes: ["READ:BACKUP"],
      scopeNote: ADMIN_ONLY,
      query: noParameters,
      responses: { 200: listResponse("Backups.", backupViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "POST",
      path: "/api/v1/backups",
      operationId: "createBackup",
      tag: BACKUPS,
      summary: "Back up every table (one gzip file with a manifest: schema version, row counts, checksums)",
      security: "bearer",
      scopes: ["WRITE:BACKUP"],
      scopeNote: ADMIN_ONLY,
      responses: { 201: jsonResponse("The new backup.", backupViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS) },
    },
    {
      method: "GET",
      path: "/api/v1/backups/{id}",
      operationId: "getBackup",
      tag: BACKUPS,
      summary: "One backup's manifest",
      security: "bearer",
      scopes: ["READ:BACKUP"],
      scopeNote: ADMIN_ONLY,
      responses: { 200: jsonResponse("The backup.", backupViewSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
    },
    {
      method: "DELETE",
      path: "/api/v1/backups/{id}",
      operationId: "deleteBackup",
      tag: BACKUPS,
      summary: "Delete a backup file",
      security: "bearer",
      scopes: ["DELETE:BACKUP"],
      scopeNote: ADMIN_ONLY,
      responses: { 204: NO_CONTENT, ...errorResponses(...AUTHENTICATED_ERRORS, 404) },
    },
    {
      method: "GET",
      path: "/api/v1/backups/{id}/file",
      operationId: "downloadBackup",
      tag: BACKUPS,
      summary: "Download the backup file (gzip, as an attachment)",
      security: "bearer",
      scopes: ["READ:BACKUP"],
      scopeNote: ADMIN_ONLY,
      responses: {
        200: { description: "The file.", schema: z.string(), contentType: "application/gzip" },
        ...errorResponses(...AUTHENTICATED_ERRORS, 404),
      },
    },
    {
      method: "POST",
      path: "/api/v1/backups/{id}/restore",
      operationId: "restoreBackup",
      tag: BACKUPS,
      summary: "Replace all data with the backup's, in one transaction; every signed-in browser reloads",
      description:
        "Refused with 409 when the backup's schema version is not the database's, 422 when the file fails its checksums. " +
        "Revocations, later password changes and sign-outs survive the restore; users absent from the backup are signed out.",
      security: "bearer",
      scopes: ["UPDATE:BACKUP"],
      scopeNote: ADMIN_ONLY,
      responses: { 200: jsonResponse("Restored.", restoreResultSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 404, 409, 422) },
    },
    {
      method: "GET",
      path: "/api/v1/notification-logs",
      operationId: "listNotificationLogs",
      tag: NOTIFICATION_LOGS,
      summary: "Every notification sent (in-app and e-mail), newest first, filtered",
      security: "bearer",
      scopes: ["READ:NOTIFICATION_LOGS"],
      scopeNote: ADMIN_ONLY,
      query: notificationLogQuerySchema,
      responses: { 200: listResponse("Notification logs.", notificationLogSchema), ...errorResponses(...AUTHENTICATED_ERRORS, 422) },
    },
    {
      method: "POST",
      path: "/api/v1/notification-logs/announcements",
      operationId: "sendAnnouncement",
      tag: NOTIFICATION_LOGS,
      summary: "Send an announcement to one role or to everyone (in-app, live, and by e-mail)",
      security: "bearer",
      scopes: ["WRITE:NOTIFICATION_LOGS"],
      scopeNote: ADMIN_ONLY,
      body: { schema: announcementSchema },
      responses: { 201: jsonResponse("Sent.", announcementResultSchema), ...errorResponses(...AUTHENTICATED_ERRORS, ...JSON_BODY_ERRORS) },
    },
  ];
}
