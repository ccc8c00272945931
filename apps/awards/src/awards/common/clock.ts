import { Injectable } from '@nestjs/common';

/** The service's clock: commands carry `now` from here. One instance per app, so a test may move it. */
@Injectable()
export class AwardsClock {
  now(): Date {
    return new Date();
  }

  /** ISO 8601 instant for a command's `now`. */
  nowIso(): string {
    return this.now().toISOString();
  }
}
