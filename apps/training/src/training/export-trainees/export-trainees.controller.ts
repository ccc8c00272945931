import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { EXPORT_FORMATS, ExportColumn, ExportFormat, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import type { CourseView } from '../courses/course-view';
import { GetCourseHandler } from '../get-course/get-course.handler';

export const TRAINEE_STATUSES = ['registered', 'waitlisted', 'completed', 'cancelled'] as const;

export class ExportTraineesQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: TRAINEE_STATUSES, description: "Only the trainees in this state (the course page's tabs: registered, waiting list, completed)" })
  @IsOptional() @IsIn(TRAINEE_STATUSES, { message: `$property must be one of: ${TRAINEE_STATUSES.join(', ')}` })
  status?: (typeof TRAINEE_STATUSES)[number];
}

/** A trainee of the course, as its page lists them (registered and completed, then the waiting list, then the cancelled). */
export interface TraineeRow {
  readonly personId: string;
  readonly fullName: string;
  readonly organisationType: string;
  readonly organisationName: string;
  readonly status: string;
  readonly registeredAt?: string;
  readonly sessionsAttended: readonly string[];
  readonly waitlistPosition?: number;
  readonly completedOn?: string;
}

const STATUS_VI: Record<string, string> = { registered: 'Đã đăng ký', waitlisted: 'Danh sách chờ', completed: 'Hoàn thành', cancelled: 'Đã hủy' };
const ORGANISATION_VI: Record<string, string> = {
  department: 'Sở, ngành',
  enterprise: 'Doanh nghiệp',
  university: 'Trường đại học',
  college: 'Trường cao đẳng',
  'vocational-school': 'Cơ sở giáo dục nghề nghiệp',
  cooperative: 'Hợp tác xã',
};

export function traineeRows(course: CourseView, status?: string): TraineeRow[] {
  const completedOn = new Map(course.completions.map((c) => [c.personId, c.completedOn]));
  const rows: TraineeRow[] = [
    ...course.registered.map((t) => ({ ...t, completedOn: completedOn.get(t.personId) })),
    ...course.waitlist.map(({ position, ...t }) => ({ ...t, waitlistPosition: position })),
    ...course.cancelled,
  ];
  return status ? rows.filter((r) => r.status === status) : rows;
}

export const TRAINEE_COLUMNS = (sessions: number): readonly ExportColumn<TraineeRow>[] => [
  { header: 'Họ và tên', value: (t) => t.fullName, width: 28 },
  { header: 'Loại tổ chức', value: (t) => ORGANISATION_VI[t.organisationType] ?? t.organisationType, width: 24 },
  { header: 'Tên tổ chức', value: (t) => t.organisationName, width: 40 },
  { header: 'Trạng thái', value: (t) => STATUS_VI[t.status] ?? t.status, width: 16 },
  { header: 'Ngày đăng ký', value: (t) => (t.registeredAt ? formatDate(t.registeredAt) : undefined) },
  { header: 'Thứ tự chờ', value: (t) => t.waitlistPosition },
  { header: 'Số buổi tham dự', value: (t) => `${t.sessionsAttended.length}/${sessions}` },
  { header: 'Ngày hoàn thành', value: (t) => (t.completedOn ? formatDate(t.completedOn) : undefined) },
  { header: 'Mã học viên', value: (t) => t.personId, width: 20 },
];

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class ExportTraineesController {
  constructor(private readonly course: GetCourseHandler) {}

  @Get(':id/trainees/export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: "A course's trainees as CSV or Excel, as its page lists them (?status= for one tab); readers within the course's unit and auditors" })
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: ExportTraineesQuery, @Res() res: Response): Promise<void> {
    const course = await this.course.handle(actor, id);
    const rows = traineeRows(course, q.status);
    await sendExport(res, q.format ?? 'csv', rows, TRAINEE_COLUMNS(course.sessions.length), {
      sheet: 'Học viên',
      file: `hoc-vien-${course.courseId}-${formatDate(new Date()).replace(/\//g, '-')}`,
    });
  }
}
