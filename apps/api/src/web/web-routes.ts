/** Routes that are not pages: the API, its playground, probes and static files. */
const NOT_PAGES = [/^\/graphql/, /^\/graphiql/, /^\/health/, /^\/assets\//];

export function isWebPage(route: string | undefined): boolean {
  return route !== undefined && !NOT_PAGES.some((pattern) => pattern.test(route));
}
