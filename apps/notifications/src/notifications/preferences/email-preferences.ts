import { Injectable } from '@nestjs/common';
import { CommandRunner } from '@nangsuat/service-runtime';
import type { NotificationKind } from '../domain/kinds';
import { emailPreferencesDecider, emailPreferencesStreamId } from './preferences';

/** A person's email choices, folded from their preferences stream (a few events each). */
@Injectable()
export class EmailPreferences {
  constructor(private readonly runner: CommandRunner) {}

  async emailOffKinds(userId: string): Promise<readonly NotificationKind[]> {
    const { state } = await this.runner.load(emailPreferencesStreamId(userId), emailPreferencesDecider);
    return state.emailOff;
  }

  async emailOff(userId: string, kind: NotificationKind): Promise<boolean> {
    return (await this.emailOffKinds(userId)).includes(kind);
  }
}
