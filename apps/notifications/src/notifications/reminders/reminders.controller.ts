import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Roles } from '@nangsuat/auth';
import { CalendarDate, parseDateInput } from '@nangsuat/service-runtime';
import { SendReminders } from './send-reminders';

export class RunRemindersDto {
  @ApiPropertyOptional({ example: '27/10/2026', description: 'The day to send reminders for (dd/mm/yyyy or yyyy-mm-dd); today in Vietnam when absent' })
  @IsOptional() @CalendarDate()
  day?: string;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/reminders')
export class RemindersController {
  constructor(private readonly reminders: SendReminders) {}

  @Post('run')
  @HttpCode(200)
  @Roles('province-admin')
  @ApiOperation({ summary: 'Send the reminders due on a day now (the service also does this every hour); each reaches a person once however often it runs' })
  run(@Body() dto: RunRemindersDto): Promise<{ day: string; due: number; delivered: number }> {
    return this.reminders.run(dto.day ? parseDateInput(dto.day, 'day') : undefined);
  }
}
