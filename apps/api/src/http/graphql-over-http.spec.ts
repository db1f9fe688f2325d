import { GRAPHQL_RESPONSE_JSON, responseMediaType } from './graphql-over-http';

describe('responseMediaType', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
    ['application/json;q=0.9, application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
    ['application/graphql-response+json;q=0.5, application/json', 'application/json'],
    ['application/graphql-response+json, application/json', GRAPHQL_RESPONSE_JSON],
    ['text/html', null],
    ['application/json;q=0', null],
  ])('Accept %p answers %p', (accept, expected) => {
    expect(responseMediaType(accept)).toBe(expected);
  });
});
