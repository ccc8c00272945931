import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { allPages, EXPORT_FORMATS, ExportColumn, ExportFormat, MAX_EXPORT_ROWS, MEDIA_TYPES, sendExport } from '@nangsuat/exports';
import { formatDate } from '@nangsuat/vietnamese';
import { EnterpriseView } from '../common/views';
import { EnterpriseQueries } from '../list-enterprises/list-enterprises.handler';
import { ListEnterprisesQuery } from '../list-enterprises/list-enterprises.query';

export class ExportEnterprisesQuery extends ListEnterprisesQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional() @IsIn(EXPORT_FORMATS, { message: `$property must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format?: ExportFormat;
}

const SIZE_VI: Record<string, string> = { micro: 'Siêu nhỏ', small: 'Nhỏ', medium: 'Vừa', large: 'Lớn' };
const GROUP_VI: Record<string, string> = {
  sme: 'Doanh nghiệp nhỏ và vừa',
  cooperative: 'Hợp tác xã',
  startup: 'Khởi nghiệp',
  'st-enterprise': 'Doanh nghiệp KH&CN',
  'ocop-producer': 'Chủ thể OCOP',
};

export const ENTERPRISE_COLUMNS: readonly ExportColumn<EnterpriseView>[] = [
  { header: 'Doanh nghiệp', value: (e) => e.name, width: 40 },
  { header: 'Mã số thuế', value: (e) => e.taxCode, width: 14 },
  { header: 'Đơn vị', value: (e) => e.unitCode },
  { header: 'Ngành nghề', value: (e) => e.sector, width: 30 },
  { header: 'Quy mô', value: (e) => SIZE_VI[e.size] ?? e.size },
  { header: 'Nhóm', value: (e) => GROUP_VI[e.group] ?? e.group, width: 24 },
  { header: 'Tài khoản', value: (e) => e.accountId },
];

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class ExportEnterprisesController {
  constructor(private readonly queries: EnterpriseQueries) {}

  @Get('export')
  @ApiProduces(MEDIA_TYPES.csv, MEDIA_TYPES.xlsx)
  @ApiOperation({ summary: `The enterprise list as CSV or Excel, filtered as the list is (same parameters), every page up to ${MAX_EXPORT_ROWS} rows` })
  async export(@CurrentActor() actor: Actor, @Query() q: ExportEnterprisesQuery, @Res() res: Response): Promise<void> {
    const rows = await allPages((page, pageSize) => this.queries.list(Object.assign(new ListEnterprisesQuery(), q, { page, pageSize }), actor));
    await sendExport(res, q.format ?? 'csv', rows, ENTERPRISE_COLUMNS, { sheet: 'Doanh nghiệp', file: `doanh-nghiep-${formatDate(new Date()).replace(/\//g, '-')}` });
  }
}
