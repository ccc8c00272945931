/**
 * The audit service's integrity checks, recomputed in the browser so an auditor need not trust the
 * server's own "valid": the same canonical JSON (keys sorted recursively, no whitespace, undefined
 * members dropped) and SHA-256 as libs/event-sourcing, the same Merkle hashing as the audit
 * service's domain/merkle.ts ("leaf:" / "node:" domain separation).
 */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ReportCheck {
  /** The report's own claim (integrity.sha256), if it has one. */
  readonly claimed?: string;
  /** SHA-256 over the report without its integrity member, computed here. */
  readonly computed: string;
  readonly valid: boolean;
}

/** A sealed audit report: SHA-256 of the canonical JSON of everything but `integrity`, against `integrity.sha256`. */
export async function checkReportSeal(report: Record<string, unknown>): Promise<ReportCheck> {
  const { integrity, ...body } = report as { integrity?: { sha256?: unknown } };
  const computed = await sha256Hex(canonicalJson(body));
  const claimed = typeof integrity?.sha256 === 'string' ? integrity.sha256 : undefined;
  return { claimed, computed, valid: claimed === computed };
}

export interface MerkleLeaf {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly hash: string;
}

export interface InclusionProof {
  readonly index: number;
  readonly leafCount: number;
  readonly leafHash: string;
  readonly steps: readonly { readonly side: 'left' | 'right'; readonly hash: string }[];
  readonly root: string;
  readonly leaf: MerkleLeaf;
}

export async function leafHash(leaf: MerkleLeaf): Promise<string> {
  const { eventId, streamId, streamVersion, globalPosition, type, hash } = leaf;
  return sha256Hex(`leaf:${canonicalJson({ eventId, streamId, streamVersion, globalPosition, type, hash })}`);
}

/** The Merkle root of a day's leaves (in the order given): an odd last node is promoted; no leaves hash "empty". */
export async function merkleRoot(leaves: readonly MerkleLeaf[]): Promise<string> {
  if (leaves.length === 0) return sha256Hex('empty');
  let level = await Promise.all(leaves.map(leafHash));
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? await sha256Hex(`node:${level[i]}${level[i + 1]}`) : level[i]);
    level = next;
  }
  return level[0];
}

/** Walks the audit path from the leaf to the top; the proof holds when it ends at the root the auditor trusts. */
export async function verifyInclusion(proof: Pick<InclusionProof, 'leaf' | 'steps'>, root: string): Promise<{ valid: boolean; computedRoot: string; path: string[] }> {
  let hash = await leafHash(proof.leaf);
  const path = [hash];
  for (const step of proof.steps) {
    hash = await sha256Hex(step.side === 'left' ? `node:${step.hash}${hash}` : `node:${hash}${step.hash}`);
    path.push(hash);
  }
  return { valid: hash === root, computedRoot: hash, path };
}

/** Reads a file the auditor chose (an exported checkpoint or report) as JSON, with a message a person can act on. */
export async function readJsonFile(file: File): Promise<Record<string, unknown>> {
  // FileReader rather than Blob.text(): the same in every browser and in the component tests' DOM.
  const text = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error(`${file.name}: the file could not be read`));
    reader.readAsText(file, 'utf-8');
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error(`${file.name}: not a JSON file`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${file.name}: a JSON object was expected`);
  return parsed as Record<string, unknown>;
}
