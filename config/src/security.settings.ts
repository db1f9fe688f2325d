import { z } from 'zod';

/** Identities, limits and headers. (Issue 4 fills this in.) */
export const securitySettings = z.object({});
