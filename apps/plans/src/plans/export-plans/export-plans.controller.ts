import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { Clock } from '@nangsuat/service-runtime';
import { formatDate } from '@nangsuat/vietnamese';
import { ListPlansHandler } from '../list-plans/list-plans.handler';
import { ListPlansQuery } from '../list-plans/list-plans.query';

export class ExportPlansQuery extends ListPlansQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

type PlanRow = Record<string, any>;
const STATUS_VI: Record<string, string> = { draft: 'Dự thảo', issued: 'Đã ban hành', amended: 'Đã điều chỉnh', closed: 'Đã kết thúc' };

export const PLAN_COLUMNS: readonly ExportColumn<PlanRow>[] = [
  { header: 'Số hiệu', value: (p) => p.documentNumber ?? undefined, width: 16 },
  { header: 'Tên kế hoạch', value: (p) => p.title, width: 60 },
  { header: 'Cơ quan ban hành', value: (p) => p.issuingUnitName ?? p.issuingUnit, width: 30 },
  { header: 'Ngày ban hành', value: (p) => (p.issueDate ? formatDate(p.issueDate) : undefined) },
  { header: 'Trạng thái', value: (p) => STATUS_VI[p.status] ?? p.status },
  { header: 'Phiên bản', value: (p) => p.version },
  { header: 'Mốc', value: (p) => (Array.isArray(p.horizonYears) ? p.horizonYears.join(', ') : undefined) },
  { header: 'Số chỉ tiêu', value: (p) => p.targets },
];

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ExportPlansController {
  /** The list's own handler, so that the export is exactly what the list shows (same filter and scope). */
  constructor(private readonly list: ListPlansHandler, private readonly clock: Clock) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The plan list as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportPlansQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.list.handle(actor, Object.assign(new ListPlansQuery(), q, { page, pageSize })));
    await sendExport(res, q.format ?? 'csv', rows, PLAN_COLUMNS, { sheet: 'Kế hoạch', file: `ke-hoach-${formatDate(this.clock.now()).replace(/\//g, '-')}` });
  }
}
