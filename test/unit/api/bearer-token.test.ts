import { bearerToken, tokenMatches } from '../../../src/http/bearer-token';
import { curatorName, DEFAULT_CURATOR } from '../../../src/http/curator-header';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
  ])('reads %j as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    'Basic abc',
    'Bearer a b',
    'Bearerabc',
    'Token abc',
  ])('reads no token from %j', (header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});

describe('tokenMatches', () => {
  it('matches only the exact token', () => {
    expect(tokenMatches('s3cret', 's3cret')).toBe(true);
    expect(tokenMatches('s3cret ', 's3cret')).toBe(false);
    expect(tokenMatches('s3cre', 's3cret')).toBe(false);
    expect(tokenMatches('S3CRET', 's3cret')).toBe(false);
    expect(tokenMatches('s3cret'.repeat(100), 's3cret')).toBe(false);
  });

  it('never matches when either side is missing or empty', () => {
    expect(tokenMatches(undefined, 's3cret')).toBe(false);
    expect(tokenMatches('', 's3cret')).toBe(false);
    expect(tokenMatches('s3cret', undefined)).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
    expect(tokenMatches(undefined, undefined)).toBe(false);
  });
});

describe('curatorName', () => {
  it('is the X-Curator header, trimmed', () => {
    expect(curatorName('  alice  ')).toBe('alice');
    expect(curatorName(['bob', 'eve'])).toBe('bob');
  });

  it('defaults to api-token when absent or blank', () => {
    expect(curatorName(undefined)).toBe(DEFAULT_CURATOR);
    expect(curatorName('  \t ')).toBe(DEFAULT_CURATOR);
    expect(DEFAULT_CURATOR).toBe('api-token');
  });

  it('drops control characters and bounds the length', () => {
    expect(curatorName('al\u0000ice\u001b[31m\u007f')).toBe('alice[31m');
    expect(curatorName('x'.repeat(500))).toHaveLength(100);
  });
});
