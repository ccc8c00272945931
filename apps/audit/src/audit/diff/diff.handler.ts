import { Injectable } from '@nestjs/common';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { jsonDiff, JsonDiffEntry } from '../domain/diff';
import { AsOf, replayState, toTimelineEntry, TimelineEntry } from '../domain/timeline';
import { StateAsOfHandler } from '../state-as-of/state-as-of.handler';

export interface VersionDiff {
  readonly streamId: string;
  readonly context: string;
  readonly entity: string;
  readonly from: { readonly version: number; readonly recordedAt?: string };
  readonly to: { readonly version: number; readonly recordedAt?: string };
  readonly changes: JsonDiffEntry[];
  /** The events that turned the one state into the other, with who and why. */
  readonly events: TimelineEntry[];
}

/** The structural difference between two versions (or two dates) of an entity's state. */
@Injectable()
export class DiffHandler {
  constructor(private readonly states: StateAsOfHandler) {}

  async handle(streamId: string, from: AsOf, to: AsOf): Promise<VersionDiff> {
    const { kind, events } = await this.states.load(streamId);
    const before = replayState(kind.decider, streamId, events, from);
    const after = replayState(kind.decider, streamId, events, to);
    if (after.version < before.version) {
      throw new DomainRuleViolation(`"to" (version ${after.version}) is before "from" (version ${before.version}); swap them.`, 'invalid-range');
    }
    return {
      streamId,
      context: kind.context,
      entity: kind.entity,
      from: { version: before.version, recordedAt: before.lastEvent?.recordedAt },
      to: { version: after.version, recordedAt: after.lastEvent?.recordedAt },
      changes: jsonDiff(before.state, after.state),
      events: events.filter((e) => e.streamVersion > before.version && e.streamVersion <= after.version).map((e) => toTimelineEntry(kind.context, e)),
    };
  }
}
