/** Shapes of the API answers the console reads (only the fields it uses). */
export interface LocalText {
  readonly vi: string;
  readonly en: string;
}

export interface PlanSummary {
  planId: string;
  documentNumber: string | null;
  title: string;
  status: string;
  issuingUnit: string;
  issuingUnitName?: string;
  issueDate: string | null;
  horizonYears: number[];
  implementsPlan: string | null;
  targets: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface PlanTarget {
  id: string;
  indicator: string;
  label: LocalText;
  unit: string;
  milestoneYear: number;
  comparison: string;
  min?: number | null;
  max?: number | null;
  value?: number | null;
  source: string;
  quote?: string;
}

export interface PlanTask {
  section: string;
  title: string;
  activities?: string[];
  lead?: string;
  coordinating?: string[];
  deadline?: string;
}

export interface PlanContent {
  title: string;
  documentNumber?: string | null;
  issueDate?: string | null;
  issuingBody?: string;
  issuingUnit: string;
  signer?: string | { name: string; position?: string };
  horizonYears: number[];
  generalObjectives: string[];
  targets: PlanTarget[];
  tasks: PlanTask[];
}

export interface PlanDetail {
  planId: string;
  status: string;
  version: number;
  streamVersion: number;
  content: PlanContent;
  versions?: { version: number; effectiveDate: string; reason?: string; legalBasis?: string }[];
}

export interface TargetProgress {
  targetId: string;
  indicator: string;
  label: LocalText;
  unitOfMeasure: string;
  source: string;
  milestoneYear: number;
  comparison: string;
  required: number | null;
  actual: number | null;
  actualDisplay?: string;
  status: string;
  reason?: string;
  expectedByNow?: number | null;
  elapsedShare?: number;
  window?: { from: string; to: string; display: string };
  byUnit: { unit: string; unitName?: string; level?: string; actual: number }[];
}

export interface PlanProgress {
  planId: string;
  title: string;
  issuingUnit: string;
  status: string;
  asOfDisplay: string;
  targets: TargetProgress[];
}

export interface IndicatorProgress {
  unit: string;
  unitName: string;
  indicator: string;
  label: LocalText;
  year: number;
  actual: number;
  breakdown?: Record<string, number>;
  byUnit: { unit: string; unitName: string; level: string; actual: number }[];
}

export interface HistoryEntry {
  streamVersion: number;
  type: string;
  recordedAt: string;
  actor?: { username: string; unit: string };
  reason?: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface Programme {
  id: string;
  name: string;
  unitCode: string;
  status: string;
  openingDate: string;
  closingDate: string;
  capacity: number;
  seatsTaken: number;
  seatsAvailable: number;
  toolsOffered: string[];
  eligibleGroups: string[];
  legalBasis: string[];
  planDocumentNumber?: string;
  funding?: { sources: string[]; amountVnd?: number; note?: string };
}

export interface Registration {
  id: string;
  programmeId: string;
  enterpriseId: string;
  enterpriseName: string;
  unitCode: string;
  status: string;
  tools: string[];
  description?: string;
  submittedAt: string;
  updatedAt: string;
  updatedBy: string;
  note?: string;
  reason?: string;
  outcome?: { productivityGainPercent: number; certificatesObtained?: string[]; evidence: { title: string; reference: string }[] };
}

export interface Enterprise {
  id: string;
  taxCode: string;
  /** The account whose users act for it; none while an enterprise an officer registered is unclaimed. */
  accountId?: string;
  name: string;
  unitCode: string;
  sector: string;
  size: string;
  group: string;
}

export interface CourseSummary {
  courseId: string;
  topic: string;
  unitCode: string;
  status: string;
  startDate: string;
  endDate: string;
  capacity: number;
  personTimes: number;
  counts: { registered: number; waitlisted: number; completed: number; cancelled: number; seatsTaken: number; seatsLeft: number };
  sessions: { sessionId: string; date: string }[];
  trainerId?: string;
}
