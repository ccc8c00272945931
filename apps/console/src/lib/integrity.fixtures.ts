import type { MerkleLeaf } from './integrity';

// Vectors produced by the audit service's own code (apps/audit domain/merkle.ts inclusionProof and
// domain/report-hash.ts sealReport), so the browser's recomputation is checked against the server's.
export const leaves: MerkleLeaf[] = [
  { eventId: 'e2', streamId: 'plan-p2', streamVersion: 2, globalPosition: 102, type: 'PlanDrafted', hash: '844ecc08164e2eab27634a9adee1afa6599e589570e719784e080ce747fc0e45' },
  { eventId: 'e5', streamId: 'plan-p5', streamVersion: 5, globalPosition: 105, type: 'PlanIssued', hash: '29f2394eb92d0ded9247b8d7188ebddae3e13c71ebcf939302619b29604486b0' },
];
export const ROOT = 'de7dfd0bac48fc2e63c366a0afc0e5b11e474f47a4ff9724cb75d2b9eb0d75d2';
export const proofOfE2 = [
  { side: 'left' as const, hash: 'af00b624140b9493675e91f78ee0960acb1aba0dec1d1f15b625ee0bf2b4b1e1' },
  { side: 'right' as const, hash: 'b5dc6ac4bb0d3193bed1d17d515acdda71bebeaff0aa3cc8cf3097447594351f' },
  { side: 'right' as const, hash: '1be2176d63ee1fcde91279881aa02609bfe6cb35c45b64556f6c3a755f940e29' },
];
export const sealed = {
  format: 'nangsuat-audit-report/2',
  plan: { planId: 'p', title: 'Kế hoạch năng suất Đắk Lắk' },
  metrics: [{ metric: 'm', countAtEnd: 3, steps: [] }],
  n: 1.5,
  z: null,
  integrity: { algorithm: 'SHA-256', canonicalisation: 'JSON, object keys sorted recursively', sha256: '3839c8653540e3075912baf75134ef2cd781d05458c41e6e9181131c6648b206' },
};

export const dayLeaves: MerkleLeaf[] = [
  { eventId: 'e1', streamId: 'plan-p1', streamVersion: 1, globalPosition: 101, type: 'PlanIssued', hash: 'ec31682fde561917952ff78a7a8adeffd0febc372dd26871916c46c630381b45' },
  leaves[0],
  { eventId: 'e3', streamId: 'plan-p3', streamVersion: 3, globalPosition: 103, type: 'PlanIssued', hash: '844b69c4d54cc264bc2dadb6bb70f53bc123beafc0f58d81ed8cd4a07c24a5a7' },
  { eventId: 'e4', streamId: 'plan-p4', streamVersion: 4, globalPosition: 104, type: 'PlanDrafted', hash: '7985b0c8b858e77f57c6d403b315ade04d2485d6ec2d09694256eadd20db6f27' },
  leaves[1],
];

