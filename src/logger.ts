import pino, { Logger } from 'pino';

/** JSON-lines logs; passwords and tokens are redacted wherever they appear in a logged object. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'papergraph' },
    redact: {
      paths: [
        'password',
        '*.password',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'token',
        '*.token',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
