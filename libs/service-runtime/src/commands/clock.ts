import { Injectable } from '@nestjs/common';

/**
 * The service's clock: the one source of "now" for commands (a request's context is stamped from it
 * when the request arrives) and for scheduled jobs. One instance per app, so a test may move it.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** ISO 8601 instant, as commands carry `now`. */
  nowIso(): string {
    return this.now().toISOString();
  }
}
