import { z } from 'zod';

/** Which event store adapter runs, and how to reach it. (Issue 5 fills this in.) */
export const storeSettings = z.object({});
