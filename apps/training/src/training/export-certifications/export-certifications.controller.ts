import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import { ListCertificationsHandler } from '../list-certifications/list-certifications.handler';
import { ListCertificationsQuery } from '../list-certifications/list-certifications.query';

export class ExportCertificationsQuery extends ListCertificationsQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

type CertificationRow = Record<string, any>;
const STATUS_VI: Record<string, string> = {
  applied: 'Đã nộp hồ sơ',
  assessed: 'Đã đánh giá',
  'not-passed': 'Không đạt',
  certified: 'Đã cấp chứng nhận',
  expired: 'Hết hiệu lực',
  revoked: 'Bị thu hồi',
};

export const CERTIFICATION_COLUMNS: readonly ExportColumn<CertificationRow>[] = [
  { header: 'Họ và tên', value: (c) => c.fullName, width: 30 },
  { header: 'Đơn vị công tác', value: (c) => c.organisationName, width: 30 },
  { header: 'Đơn vị', value: (c) => c.unitCode },
  { header: 'Tiêu chuẩn', value: (c) => (c.standard ? `${c.standard.code} ${c.standard.version}` : undefined), width: 20 },
  { header: 'Hạng', value: (c) => c.levelName ?? c.levelCode },
  { header: 'Trạng thái', value: (c) => STATUS_VI[c.status] ?? c.status },
  { header: 'Số chứng nhận', value: (c) => c.certificateNumber },
  { header: 'Hiệu lực từ', value: (c) => (c.validFrom ? formatDate(c.validFrom) : undefined) },
  { header: 'Hiệu lực đến', value: (c) => (c.validTo ? formatDate(c.validTo) : undefined) },
];

@ApiTags('certifications')
@ApiBearerAuth()
@Controller('certifications')
export class ExportCertificationsController {
  constructor(private readonly certifications: ListCertificationsHandler) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The expert certification list as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportCertificationsQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.certifications.handle(actor, Object.assign(new ListCertificationsQuery(), q, { page, pageSize })));
    await sendExport(res, q.format ?? 'csv', rows, CERTIFICATION_COLUMNS, { sheet: 'Chứng nhận chuyên gia', file: `chung-nhan-chuyen-gia-${formatDate(new Date()).replace(/\//g, '-')}` });
  }
}
