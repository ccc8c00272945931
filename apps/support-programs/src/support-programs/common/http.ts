import { NotFound } from '@nangsuat/event-sourcing';
import { ENTERPRISE_ID_PATTERN, ID_PATTERN } from '@nangsuat/service-runtime';

const ID = ID_PATTERN;
/** `<programme id>:<enterprise id>`, each part of its own shape. */
const REGISTRATION_ID = new RegExp(`^(${ID.source.slice(1, -1)}):(${ENTERPRISE_ID_PATTERN.source.slice(1, -1)})$`);

/** A programme id from the path; anything that cannot be one is simply not found. */
export function programmeIdParam(id: string): string {
  if (!ID.test(id)) throw new NotFound(`No support programme ${JSON.stringify(id)}.`);
  return id;
}

export function enterpriseIdParam(id: string): string {
  if (!ENTERPRISE_ID_PATTERN.test(id)) throw new NotFound(`No enterprise ${JSON.stringify(id)} (enterprise ids are mst-<tax code>).`);
  return id;
}

/** `<programmeId>:<enterpriseId>` → its parts. */
export function registrationIdParam(id: string): { programmeId: string; enterpriseId: string } {
  const match = REGISTRATION_ID.exec(id);
  if (!match) throw new NotFound(`No pilot-model registration ${JSON.stringify(id)} (registration ids are <programme id>:<enterprise id>).`);
  return { programmeId: match[1], enterpriseId: match[2] };
}
