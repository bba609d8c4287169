import { QueryFailedError } from 'typeorm';
import { isInfrastructureError } from './ingest-throw-kind';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isInfrastructureError', () => {
  it.each([
    ['a read-only standby', withCode('25006')],
    ['a full disk', withCode('53100')],
    ['out of memory', withCode('53200')],
    ['too many connections', withCode('53300')],
    ['a connection failure', withCode('08006')],
    ['a shutdown', withCode('57P01')],
    ['a cancelled statement', withCode('57014')],
    ['a serialization failure', withCode('40001')],
    ['a deadlock', withCode('40P01')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a lost connection without a code', new Error('Connection terminated unexpectedly')],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect')],
    ['a wrapped one', new QueryFailedError('INSERT', [], withCode('25006'))],
  ])('blames the infrastructure for %s', (_, error) => {
    expect(isInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a check violation', withCode('23514')],
    ['another read-only error class member', withCode('25001')],
    ['a syntax error', withCode('42601')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('blames the message for %s', (_, error) => {
    expect(isInfrastructureError(error)).toBe(false);
  });
});
