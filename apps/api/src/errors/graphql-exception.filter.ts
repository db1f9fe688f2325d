import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './graphql-error-mapping';

/** The one place where domain and HTTP errors become GraphQL errors with `extensions.code`. */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown) {
    return toGraphQLError(exception);
  }
}
