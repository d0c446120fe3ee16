import { loadConfig } from '../../../src/config';

describe('API settings in config', () => {
  it('has the documented limit defaults', () => {
    expect(loadConfig({}).limits).toEqual({
      maxBodyBytes: 1_048_576,
      maxDepth: 12,
      maxCost: 100_000,
      maxAliases: 15,
      maxDirectives: 20,
      maxTokens: 5_000,
      maxIngestPapers: 100,
      maxMergeEntities: 50,
      ingestTimeoutMs: 60_000,
    });
  });

  it('turns introspection and the playground off in production only, unless asked', () => {
    expect(loadConfig({})).toMatchObject({ introspection: true, playground: true });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      introspection: true,
      playground: true,
    });
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({
      introspection: false,
      playground: false,
    });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        PAPERGRAPH_INTROSPECTION: 'on',
        PAPERGRAPH_PLAYGROUND: '1',
      }),
    ).toMatchObject({ introspection: true, playground: true });
    expect(loadConfig({ PAPERGRAPH_PLAYGROUND: 'false' })).toMatchObject({ playground: false });
  });

  it('reads each limit from its variable and refuses nonsense', () => {
    expect(
      loadConfig({ PAPERGRAPH_MAX_DEPTH: '8', PAPERGRAPH_MAX_COST: '1000' }).limits,
    ).toMatchObject({
      maxDepth: 8,
      maxCost: 1000,
    });
    expect(() => loadConfig({ PAPERGRAPH_MAX_BODY_BYTES: '1mb' })).toThrow(
      /PAPERGRAPH_MAX_BODY_BYTES/,
    );
    expect(() => loadConfig({ PAPERGRAPH_INTROSPECTION: 'maybe' })).toThrow(
      /PAPERGRAPH_INTROSPECTION/,
    );
  });

  it('reads the API token, and takes a blank one as none', () => {
    expect(loadConfig({ PAPERGRAPH_API_TOKEN: ' t0k ' }).apiToken).toBe('t0k');
    expect(loadConfig({ PAPERGRAPH_API_TOKEN: '  ' }).apiToken).toBeUndefined();
  });
});
