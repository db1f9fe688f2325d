import { z } from 'zod';

/** An environment flag: true/false, 1/0, yes/no, on/off. */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
