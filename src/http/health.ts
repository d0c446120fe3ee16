import type { Request, Response } from 'express';

import { Database } from '../db/database';

const HEALTH_TIMEOUT_MS = 2_500;

/**
 * GET /health: 200 only while Neo4j answers, 503 with the reason otherwise. It asks the database
 * on every call (no cached answer), so a load balancer sees an outage within one probe.
 */
export function healthHandler(db: Database) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const version = await Promise.race([
        db.serverVersion(),
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)),
            HEALTH_TIMEOUT_MS,
          ).unref(),
        ),
      ]);
      res.status(200).json({ status: 'ok', neo4j: { version } });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  };
}
