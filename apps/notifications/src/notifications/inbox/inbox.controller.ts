import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentActor } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { BoundedNumber, readWindow } from '@nangsuat/service-runtime';
import { Type } from 'class-transformer';
import { formatDateTime } from '@nangsuat/vietnamese';
import { NotificationDocument, NotificationStore } from '../delivery/notification-store';

export class InboxQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only unread' })
  @IsOptional() @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, default: 1 })
  @IsOptional() @Type(() => Number) @BoundedNumber(1, 10_000, { integer: true })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @BoundedNumber(1, 100, { integer: true })
  pageSize?: number;
}

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: NotificationDocument['link'];
  readonly createdAt: string;
  readonly createdAtDisplay: string;
  readonly read: boolean;
  readonly email: string;
}

const itemOf = (d: NotificationDocument): InboxItem => ({
  id: d._id,
  kind: d.kind,
  title: d.title,
  body: d.body,
  link: d.link,
  createdAt: d.createdAt.toISOString(),
  createdAtDisplay: formatDateTime(d.createdAt),
  read: !!d.readAt,
  email: d.email.status,
});

/** Everyone's own inbox: what the platform told them, newest first; the unread count; marking read. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class InboxController {
  constructor(private readonly store: NotificationStore) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first (?unread=true for the unread only)' })
  async list(@CurrentActor() actor: Actor, @Query() q: InboxQuery) {
    const filter = { userId: actor.id, ...(q.unread === 'true' ? { readAt: { $exists: false } } : {}) };
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const [{ items: docs, ...counted }, unread] = await Promise.all([
      readWindow<NotificationDocument>(this.store.notifications, filter, (page - 1) * pageSize, pageSize, { sort: { createdAt: -1, _id: 1 } }),
      this.store.notifications.countDocuments({ userId: actor.id, readAt: { $exists: false } }),
    ]);
    return { items: docs.map(itemOf), page, pageSize, ...counted, unread };
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread (for the bell)' })
  async unreadCount(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return { unread: await this.store.notifications.countDocuments({ userId: actor.id, readAt: { $exists: false } }) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  async readAll(@CurrentActor() actor: Actor): Promise<{ marked: number }> {
    const result = await this.store.notifications.updateMany({ userId: actor.id, readAt: { $exists: false } }, { $set: { readAt: new Date() } });
    return { marked: result.modifiedCount };
  }

  /** Marking read is idempotent by nature: a repeated request finds it read and changes nothing. */
  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  async read(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InboxItem> {
    if (id.length > 600) throw new NotFound('No such notification.');
    const doc = await this.store.notifications.findOne({ _id: id, userId: actor.id });
    if (!doc) throw new NotFound('No such notification in your inbox.');
    if (doc.readAt) return itemOf(doc);
    const readAt = new Date();
    await this.store.notifications.updateOne({ _id: id, userId: actor.id, readAt: { $exists: false } }, { $set: { readAt } });
    return itemOf({ ...doc, readAt });
  }
}
