import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import { RegistrationView } from '../common/views';
import { RegistrationQueries } from '../list-registrations/list-registrations.handler';
import { ListRegistrationsQuery } from '../list-registrations/list-registrations.query';

export class ExportRegistrationsQuery extends ListRegistrationsQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

const STATUS_VI: Record<string, string> = {
  submitted: 'Đã nộp',
  'under-review': 'Đang xem xét',
  approved: 'Đã phê duyệt',
  rejected: 'Bị từ chối',
  'in-implementation': 'Đang triển khai',
  completed: 'Hoàn thành',
  withdrawn: 'Đã rút',
};

/** The columns of the officers' registration list, in Vietnamese, dates as dd/mm/yyyy. */
export const REGISTRATION_COLUMNS: readonly ExportColumn<RegistrationView>[] = [
  { header: 'Doanh nghiệp', value: (r) => r.enterpriseName, width: 40 },
  { header: 'Mã số thuế', value: (r) => r.taxCode, width: 14 },
  { header: 'Đơn vị', value: (r) => r.unitCode },
  { header: 'Chương trình', value: (r) => r.programmeId, width: 30 },
  { header: 'Kế hoạch', value: (r) => r.planDocumentNumber },
  { header: 'Công cụ', value: (r) => r.tools.join(', '), width: 24 },
  { header: 'Trạng thái', value: (r) => STATUS_VI[r.status] ?? r.status },
  { header: 'Ngày nộp', value: (r) => formatDate(r.submittedAt) },
  { header: 'Ngày phê duyệt', value: (r) => (r.approvedAt ? formatDate(r.approvedAt) : undefined) },
  { header: 'Ngày hoàn thành', value: (r) => (r.completedAt ? formatDate(r.completedAt) : undefined) },
  { header: 'Tăng năng suất (%)', value: (r) => r.outcome?.productivityGainPercent },
];

@ApiTags('registrations')
@ApiBearerAuth()
@Controller('registrations')
export class ExportRegistrationsController {
  constructor(private readonly queries: RegistrationQueries) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The registration list as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportRegistrationsQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.queries.list(Object.assign(new ListRegistrationsQuery(), q, { page, pageSize }), actor));
    await sendExport(res, q.format ?? 'csv', rows, REGISTRATION_COLUMNS, { sheet: 'Đăng ký mô hình điểm', file: `dang-ky-mo-hinh-diem-${formatDate(new Date()).replace(/\//g, '-')}` });
  }
}
