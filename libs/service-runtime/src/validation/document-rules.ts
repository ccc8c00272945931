import { getMetadataStorage } from 'class-validator';
/** Where @nestjs/swagger keeps a property's @ApiProperty options (its API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Rule = { type: string; name?: string; propertyName: string; each?: boolean; constraints?: unknown[] };
type Schema = Record<string, unknown>;

/** What one class-validator rule says in OpenAPI terms (keys of @ApiProperty). */
function schemaOf(rule: Rule): Schema {
  const c = rule.constraints ?? [];
  switch (rule.type === 'isDefined' ? 'isDefined' : rule.name) {
    case 'isDefined':
      return { required: true };
    case 'isOptional':
      return { required: false };
    case 'isString':
      return rule.each ? { isArray: true, type: String } : { type: String };
    case 'isInt':
      return rule.each ? { isArray: true, type: 'integer' } : { type: 'integer' };
    case 'isNumber':
      return rule.each ? { isArray: true, type: Number } : { type: Number };
    case 'isBoolean':
      return { type: Boolean };
    case 'isObject':
      return rule.each ? {} : { type: Object };
    case 'isArray':
      return { isArray: true };
    case 'maxLength':
      return { maxLength: c[0] };
    case 'minLength':
      return { minLength: c[0] };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'matches':
      return { pattern: c[0] instanceof RegExp ? c[0].source : String(c[0]) };
    case 'min':
      return { minimum: c[0] };
    case 'max':
      return { maximum: c[0] };
    case 'isIn':
      return { enum: c[0] };
    case 'arrayMaxSize':
      return { maxItems: c[0] };
    case 'arrayMinSize':
      return { minItems: c[0] };
    default:
      return {};
  }
}

/**
 * Writes the rules of the request DTOs (class-validator) into their OpenAPI schemas, so /docs shows
 * the bounds a request must keep — required fields, lengths, patterns, ranges, enumerations — and the
 * fuzz test generates its inputs from what is really enforced. What @ApiProperty says explicitly wins.
 * Call once before the OpenAPI document is created.
 */
export function documentValidationRules(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ prototype: object }, Rule[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    const byProperty = new Map<string, Schema>();
    for (const rule of rules) {
      byProperty.set(rule.propertyName, { ...byProperty.get(rule.propertyName), ...schemaOf(rule) });
    }
    for (const [property, derived] of byProperty) {
      const declared = Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, property) as Schema | undefined;
      if (!declared) continue; // not part of the documented shape (e.g. a query DTO documented otherwise)
      const merged: Schema = { ...derived, ...declared };
      // A type inferred from TypeScript (Array, Object, Number for an integer) says less than the rule; the rule's wins.
      if ((declared.type === Array || declared.type === Object || declared.type === Number) && derived.type) merged.type = derived.type;
      if (derived.isArray) merged.isArray = true;
      if (declared.required === undefined && derived.required !== undefined) merged.required = derived.required;
      Reflect.defineMetadata(API_MODEL_PROPERTIES, merged, target.prototype, property);
    }
  }
}
