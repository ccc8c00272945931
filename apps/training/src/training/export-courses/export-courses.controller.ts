import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import { ListCoursesHandler } from '../list-courses/list-courses.handler';
import { ListCoursesQuery } from '../list-courses/list-courses.query';

export class ExportCoursesQuery extends ListCoursesQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

type CourseRow = Record<string, any>;
const date = (d: unknown) => (typeof d === 'string' ? formatDate(d) : undefined);
const STATUS_VI: Record<string, string> = { scheduled: 'Đã lên lịch', cancelled: 'Đã hủy' };

export const COURSE_COLUMNS: readonly ExportColumn<CourseRow>[] = [
  { header: 'Khóa đào tạo', value: (c) => c.topic, width: 40 },
  { header: 'Đơn vị', value: (c) => c.unitCode },
  { header: 'Từ ngày', value: (c) => date(c.startDate) },
  { header: 'Đến ngày', value: (c) => date(c.endDate) },
  { header: 'Trạng thái', value: (c) => STATUS_VI[c.status] ?? c.status },
  { header: 'Số chỗ', value: (c) => c.capacity },
  { header: 'Đã đăng ký', value: (c) => c.counts?.registered },
  { header: 'Danh sách chờ', value: (c) => c.counts?.waitlisted },
  { header: 'Hoàn thành (lượt người)', value: (c) => c.personTimes },
  { header: 'Kế hoạch', value: (c) => c.planDocumentNumber },
];

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class ExportCoursesController {
  constructor(private readonly courses: ListCoursesHandler) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The course catalogue as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@Query() q: ExportCoursesQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.courses.handle(Object.assign(new ListCoursesQuery(), q, { page, pageSize })));
    await sendExport(res, q.format ?? 'csv', rows, COURSE_COLUMNS, { sheet: 'Khóa đào tạo', file: `khoa-dao-tao-${formatDate(new Date()).replace(/\//g, '-')}` });
  }
}
