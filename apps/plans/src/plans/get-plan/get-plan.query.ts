import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate, INSTANT_FORMS } from '@nangsuat/service-runtime';

/**
 * The two times a plan can be read at (docs/api/dates.md): as the platform had recorded it, and the
 * version in force on a day. One meaning per parameter.
 */
export class AsOfQuery {
  @ApiPropertyOptional({
    example: '31/12/2024',
    description: `As recorded: the plan as the platform had recorded it by the end of this day, or by this timestamp — ${INSTANT_FORMS}. A plan issued earlier but entered later did not exist yet.`,
  })
  @IsOptional() @IsString() @MaxLength(40) asOf?: string;

  @ApiPropertyOptional({ example: '31/12/2024', description: 'As in force: the issued version that applied on this day (by effective dates), whenever it was entered' })
  @IsOptional() @CalendarDate() inForceOn?: string;
}
