import { z } from 'zod';

/** Prometheus metrics (issue 14): off unless a token is set, because they describe the deployment. */
export const metricsSettings = z.object({
  /**
   * Turns on GET /metrics, answered only with `Authorization: Bearer <METRICS_TOKEN>`; without it the
   * route does not exist (404). At least 32 characters, e.g. from `openssl rand -hex 32`.
   */
  METRICS_TOKEN: z.string().min(32, 'at least 32 characters, e.g. from `openssl rand -hex 32`').optional(),
});
