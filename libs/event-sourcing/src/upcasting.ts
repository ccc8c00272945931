import { RecordedEvent } from './event';

/**
 * Turns the data of `type` at `fromSchemaVersion` into the data of `fromSchemaVersion + 1`.
 * Registered once per (type, schema version); a chain of them brings any old event to the newest
 * shape on read. Stored events are never rewritten (their hashes stay valid).
 */
export interface Upcaster {
  readonly type: string;
  readonly fromSchemaVersion: number;
  readonly upcast: (data: any, event: RecordedEvent) => object;
}

export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = Upcasters.key(upcaster.type, upcaster.fromSchemaVersion);
      if (this.byKey.has(key)) throw new Error(`Two upcasters registered for ${upcaster.type} v${upcaster.fromSchemaVersion}`);
      this.byKey.set(key, upcaster);
    }
  }

  /** The event in the newest shape known for its type (unchanged when no upcaster applies). */
  apply(event: RecordedEvent): RecordedEvent {
    if (this.byKey.size === 0) return event; // most stores have none: no key to build per event read
    let current = event;
    for (let upcaster = this.find(current); upcaster; upcaster = this.find(current)) {
      current = { ...current, data: upcaster.upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
    return current;
  }

  private find(event: RecordedEvent): Upcaster | undefined {
    return this.byKey.get(Upcasters.key(event.type, event.schemaVersion));
  }

  private static key(type: string, schemaVersion: number): string {
    return `${type}@${schemaVersion}`;
  }
}
