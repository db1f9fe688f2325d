/** Some client errors carry only a class name (KurrentDB's UnavailableError has an empty message). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message !== '' ? error.message : error.name;
}
