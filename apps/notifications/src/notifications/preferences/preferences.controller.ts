import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandContext, CommandDocs, CommandRunner, CurrentCommand } from '@nangsuat/service-runtime';
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS } from '../domain/kinds';
import { emailPreferencesDecider, emailPreferencesStreamId } from './preferences';

export class EmailPreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_KIND_NAMES, isArray: true, maxItems: NOTIFICATION_KIND_NAMES.length, example: ['report-approved'], description: 'Kinds of notice NOT to receive by email (the inbox still shows them); [] for all by email' })
  @IsArray() @ArrayMaxSize(NOTIFICATION_KIND_NAMES.length)
  @IsIn(NOTIFICATION_KIND_NAMES, { each: true, message: `each of emailOff must be one of: ${NOTIFICATION_KIND_NAMES.join(', ')}` })
  emailOff: string[];
}

export interface EmailPreferencesView {
  readonly kinds: readonly { kind: string; vi: string; en: string; email: boolean }[];
}

/** Each person chooses, per kind of notice, whether it also comes by email. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications/preferences')
export class PreferencesController {
  constructor(private readonly runner: CommandRunner) {}

  @Get()
  @ApiOperation({ summary: 'My email choices, per kind of notice' })
  async get(@CurrentActor() actor: Actor): Promise<EmailPreferencesView> {
    const { state } = await this.runner.load(emailPreferencesStreamId(actor.id), emailPreferencesDecider);
    return view(state.emailOff);
  }

  @Put()
  @HttpCode(200)
  @CommandDocs()
  @ApiOperation({ summary: 'Set which kinds of notice I do not want by email (Idempotency-Key honoured)' })
  async set(@CurrentCommand() context: CommandContext, @Body() dto: EmailPreferencesDto): Promise<EmailPreferencesView> {
    const { actor } = context;
    const outcome = await this.runner.run(
      emailPreferencesStreamId(actor.id),
      emailPreferencesDecider,
      { type: 'SetEmailPreferences', userId: actor.id, emailOff: dto.emailOff, now: context.nowIso },
      context,
      { unit: actor.unit },
    );
    return view(outcome.state.emailOff);
  }
}

function view(emailOff: readonly string[]): EmailPreferencesView {
  return { kinds: NOTIFICATION_KIND_NAMES.map((kind) => ({ kind, ...NOTIFICATION_KINDS[kind], email: !emailOff.includes(kind) })) };
}
