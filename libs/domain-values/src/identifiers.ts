/**
 * The shapes of the identifiers every context shares, defined once: request validation (DTOs in
 * libs/service-runtime) and the deciders (libs/contracts) test against the same patterns.
 */

/** A record id chosen by a client or generated: letters, digits, _ and -, at most 64 (no ':', which separates the parts of stream ids). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A pseudonymous person id (a hash or a generated id), at most 128. */
export const PERSON_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** An administrative unit code: "51", "51-NGOKBAY", "51-NGOKBAY-KONRLONG". */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
/** A username of the identity provider (not its user id). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,100}$/;
/** An enterprise: `mst-` and its tax code (mã số thuế), 10 digits, and a branch's 3 more. */
export const ENTERPRISE_ID_PATTERN = /^mst-\d{10}(-\d{3})?$/;
/** A plan's document number as documents write it: "4009/KH-UBND", "138/2024/KH-UBND". */
export const PLAN_DOCUMENT_NUMBER_PATTERN = /^\d{1,6}(\/\d{4})?\/[\p{L}\d]+(-[\p{L}\d]+)*$/u;
