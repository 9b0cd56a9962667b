import nodemailer, { type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";
import { componentLogger } from "../observability/logger";

const log = componentLogger("notifications");

export interface EmailNotification {
  recipientId: string;
  to: string;
  subject: string;
  text: string;
}

const globalForMail = globalThis as typeof globalThis & { wheelhouseMail?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (globalForMail.wheelhouseMail?.url !== url) {
    globalForMail.wheelhouseMail?.transport.close();
    globalForMail.wheelhouseMail = {
      url,
      transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return globalForMail.wheelhouseMail.transport;
}

type Outcome = { status: "SENT" | "FAILED" | "LOGGED"; error: string | null };

async function deliver(message: EmailNotification, template: string): Promise<Outcome> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) {
    log.info({ to: message.to, template, subject: message.subject }, "e-mail notification (no SMTP_URL: not sent)");
    return { status: "LOGGED", error: null };
  }
  try {
    await transport(SMTP_URL).sendMail({ from: SMTP_FROM, to: message.to, subject: message.subject, text: message.text });
    return { status: "SENT", error: null };
  } catch (error) {
    return { status: "FAILED", error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) };
  }
}

/**
 * Sends notification e-mails (through SMTP_URL, else to the log) and records each outcome
 * in notification_logs. Runs after the notification rows committed, outside any transaction;
 * a failure is recorded as FAILED, never thrown (at most once: a crash between the commit
 * and the send loses the e-mail, never the in-app notification).
 */
export async function sendNotificationEmails(messages: readonly EmailNotification[], template: string, eventId: bigint | null): Promise<void> {
  if (messages.length === 0) return;
  const outcomes: Outcome[] = [];
  for (const message of messages) outcomes.push(await deliver(message, template));
  await db.notificationLog.createMany({
    data: messages.map((message, index) => ({
      recipientId: message.recipientId,
      recipient: message.to,
      channel: "EMAIL" as const,
      template,
      status: outcomes[index]!.status,
      error: outcomes[index]!.error,
      eventId,
    })),
  });
}

/** The e-mail for an in-app notification: its title as the subject, its body and link as the text. */
export function emailText(body: string, link: string | null | undefined): string {
  return link ? `${body}\n\n${new URL(link, env().PUBLIC_ORIGIN).toString()}\n` : `${body}\n`;
}
