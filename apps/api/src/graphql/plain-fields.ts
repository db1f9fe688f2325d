import { GraphQLSchema, isObjectType } from 'graphql';

const PROBE = Symbol('probe');

/**
 * Nest gives every @Field of an object type a resolver (`rootFieldResolver`: `parent[name]`, or the
 * field's default value) even when it has no middleware. A field with a resolver costs graphql-jit a
 * call, a resolve-info object and a promise check per field per row; without one it compiles to a
 * property read. This removes the resolver from fields where it is exactly that property read: it
 * returns the parent's own property, and `undefined` when there is none (no default value). Fields
 * with real resolvers (@ResolveField, field middleware, defaults) are left alone.
 */
export function withPlainFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || resolve.name !== 'rootFieldResolver' || resolve.length !== 1) continue;
      const call = resolve as unknown as (parent: unknown) => unknown;
      if (call({ [field.name]: PROBE }) === PROBE && call({}) === undefined) field.resolve = undefined;
    }
  }
  return schema;
}
