import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';

/**
 * Mail through SMTP (SMTP_URL, e.g. smtp://127.0.0.1:1025 — Mailpit locally; any relay in production),
 * from MAIL_FROM. The message id is derived from the notification, so even a resent copy is
 * recognisably the same message.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  readonly from = process.env.MAIL_FROM ?? 'Năng Suất <thongbao@nangsuat.local>';
  private readonly consoleUrl = (process.env.CONSOLE_URL ?? 'http://127.0.0.1:4200').replace(/\/$/, '');

  constructor() {
    const url = new URL(process.env.SMTP_URL ?? `smtp://127.0.0.1:${process.env.MAIL_SMTP_PORT ?? '1025'}`);
    this.transport = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10000,
    });
  }

  async send(mail: { to: string; subject: string; text: string; path: string; notificationId: string }): Promise<void> {
    const link = `${this.consoleUrl}${mail.path}`;
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: `${mail.text}\n\nXem chi tiết: ${link}\n\n— Nền tảng Năng Suất. Tắt thư loại này trong mục Thông báo → Tùy chọn.`,
      messageId: `<${Buffer.from(mail.notificationId).toString('base64url').slice(0, 120)}@nangsuat.local>`,
      headers: { 'X-Nangsuat-Notification': mail.notificationId.slice(0, 200) },
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
    this.logger.debug('SMTP transport closed');
  }
}
