import type { EventStore, RecordedEvent } from '@nangsuat/event-store';
import { tokenFor } from '@nangsuat/auth/testing';

/** Helpers for a service's integration tests: JSON over fetch as a demo user (real Keycloak tokens), the event store's commits, waiting for read models, dates. */

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the text when it is not JSON, or undefined when empty. */
  body: any;
  headers: Headers;
  text: string;
}

export function apiClient(baseUrl: string) {
  return async function api(
    username: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(username ? { authorization: `Bearer ${await tokenFor(username)}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
}

/** Number of commits (appends) in the service's event store. */
export function commitCount(store: EventStore): Promise<number> {
  return store.countCommits();
}

/** The events of a stream whose type is one of `types`, as stored (with their metadata). */
export async function storedEvents(store: EventStore, streamId: string, ...types: string[]): Promise<RecordedEvent[]> {
  return (await store.readStream(streamId)).filter((e) => types.length === 0 || types.includes(e.type));
}

/** Polls until the check passes (read models are eventually consistent). */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

/** Today's date in Vietnam, yyyy-mm-dd, shifted by days. */
export function vnDate(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → dd/mm/yyyy. */
export const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
