/** An event as a decider emits it: a past-tense fact with its schema version. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  schemaVersion: number;
  data: Data;
}

export function event<Type extends string, Data extends object>(type: Type, data: Data, schemaVersion = 1): DomainEvent<Type, Data> {
  return { type, schemaVersion, data };
}
