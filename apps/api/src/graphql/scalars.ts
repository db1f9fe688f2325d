import { DateResolver, JSONResolver } from 'graphql-scalars';

/** ISO 8601 calendar date ("2018-06-30"), validated by graphql-scalars (rejects 2019-02-30). */
export const DateScalar = DateResolver;
/** Arbitrary JSON, for event data. */
export const JSONScalar = JSONResolver;
