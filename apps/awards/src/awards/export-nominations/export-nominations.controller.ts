import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import { ListNominationsHandler } from '../list-nominations/list-nominations.handler';
import { ListNominationsQuery } from '../list-nominations/list-nominations.query';

export class ExportNominationsQuery extends ListNominationsQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

type NominationRow = Record<string, any>;
const STATUS_VI: Record<string, string> = { nominated: 'Đã đề cử', 'under-evaluation': 'Đang đánh giá', decided: 'Đã quyết định', closed: 'Đã đóng', withdrawn: 'Đã rút' };

export const NOMINATION_COLUMNS: readonly ExportColumn<NominationRow>[] = [
  { header: 'Đối tượng đề cử', value: (n) => n.nominee?.name, width: 40 },
  { header: 'Hạng mục', value: (n) => n.categoryId, width: 24 },
  { header: 'Đơn vị', value: (n) => n.unitCode },
  { header: 'Trạng thái', value: (n) => STATUS_VI[n.status] ?? n.status },
  { header: 'Ngày đề cử', value: (n) => (n.submittedAt ? formatDate(n.submittedAt) : undefined) },
  { header: 'Điểm trung bình', value: (n) => n.decision?.averageScore },
  { header: 'Kết quả', value: (n) => n.decision?.outcome },
  { header: 'Quyết định số', value: (n) => n.decision?.decisionDocumentNumber },
  { header: 'Ngày quyết định', value: (n) => (n.decision?.decisionDate ? formatDate(n.decision.decisionDate) : undefined) },
];

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class ExportNominationsController {
  constructor(private readonly nominations: ListNominationsHandler) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The nomination list as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportNominationsQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.nominations.handle(actor, Object.assign(new ListNominationsQuery(), q, { page, pageSize })));
    await sendExport(res, q.format ?? 'csv', rows, NOMINATION_COLUMNS, { sheet: 'Đề cử khen thưởng', file: `de-cu-khen-thuong-${formatDate(new Date()).replace(/\//g, '-')}` });
  }
}
