import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { EXPORT_FORMATS, ExportColumn, ExportFormat, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatNumber } from '@nangsuat/vietnamese';
import type { TargetProgressView } from '@nangsuat/contracts/plans';
import { PlanProgressHandler } from '../plan-progress/plan-progress.handler';
import { ProgressQuery } from '../plan-progress/plan-progress.query';

export class ExportProgressQuery extends ProgressQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

const STATUS_VI: Record<string, string> = { 'on-track': 'Đúng tiến độ', 'at-risk': 'Có nguy cơ chậm', achieved: 'Đã đạt', missed: 'Không đạt' };

/** What the target asks, as the plan's text says it (numbers as Vietnamese readers write them). */
export function requirementText(t: Pick<TargetProgressView, 'comparison' | 'value' | 'min' | 'max' | 'unitOfMeasure'>): string {
  const n = (x: number | undefined) => (x === undefined ? '' : formatNumber(x));
  switch (t.comparison) {
    case 'at-least':
      return `Ít nhất ${n(t.value)} ${t.unitOfMeasure}`;
    case 'more-than':
      return `Trên ${n(t.value)} ${t.unitOfMeasure}`;
    case 'range':
      return `Từ ${n(t.min)} đến ${n(t.max)} ${t.unitOfMeasure}`;
    case 'above-national-average':
      return 'Cao hơn bình quân cả nước';
    default:
      return String(t.comparison);
  }
}

/** One row per target, with its progress as of the day asked (the columns of the plan's progress table). */
export const PROGRESS_COLUMNS = (asOfDisplay: string): readonly ExportColumn<TargetProgressView>[] => [
  { header: 'Mã chỉ tiêu', value: (t) => t.targetId, width: 18 },
  { header: 'Chỉ tiêu', value: (t) => t.label.vi, width: 50 },
  { header: 'Năm mốc', value: (t) => t.milestoneYear },
  { header: 'Yêu cầu', value: (t) => requirementText(t), width: 30 },
  { header: 'Đơn vị tính', value: (t) => t.unitOfMeasure, width: 16 },
  { header: 'Cần đạt', value: (t) => t.required },
  { header: 'Cần đạt đến nay', value: (t) => t.expectedByNow },
  { header: 'Thực hiện', value: (t) => t.actual },
  { header: 'Đánh giá', value: (t) => STATUS_VI[t.status] ?? t.status, width: 18 },
  { header: 'Giai đoạn', value: (t) => t.window.display, width: 26 },
  { header: 'Tính đến ngày', value: () => asOfDisplay, width: 14 },
];

@ApiTags('progress')
@ApiBearerAuth()
@Controller('plans')
export class ExportProgressController {
  /** The progress table's own handler, so the export is exactly what it shows (same plan, same asOf and recordedBy, same access). */
  constructor(private readonly progress: PlanProgressHandler) {}

  @Get(':planId/progress/export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: "The plan's targets with their progress as CSV or Excel, as the progress table shows them (same asOf and recordedBy)" })
  async export(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Query() q: ExportProgressQuery, @Res() res: Response): Promise<void> {
    const view = await this.progress.get(actor, planId, Object.assign(new ProgressQuery(), { asOf: q.asOf, recordedBy: q.recordedBy }));
    const name = (view.documentNumber ?? planId).replace(/[^\p{L}\p{N}-]+/gu, '-');
    await sendExport(res, q.format ?? 'csv', view.targets, PROGRESS_COLUMNS(view.asOfDisplay), {
      sheet: 'Tiến độ chỉ tiêu',
      file: `tien-do-chi-tieu-${name}-${view.asOfDisplay.replace(/\//g, '-')}`,
    });
  }
}
