import { storedAgreementBody } from '../../src/store/repositories/stored-agreement-body';
import { exampleAgreement, exampleJson } from '../domain/example-agreement';

const text = (name: string) => JSON.stringify({ ...exampleJson(), name });

describe('a stored agreement body', () => {
  it('is parsed once per portal and version: reading the same text again gives the same agreement back', () => {
    const first = storedAgreementBody('body-1', 1, text('H1'));
    expect(first).toEqual({ ...exampleAgreement(), name: 'H1' });
    expect(storedAgreementBody('body-1', 1, text('H1'))).toBe(first);
  });

  it('is parsed again when the text under the same portal and version changed (a draft saved over)', () => {
    storedAgreementBody('body-2', 1, text('H1'));
    expect(storedAgreementBody('body-2', 1, text('H2')).name).toBe('H2');
  });

  it('that no longer parses is an internal error naming the version, never a user error', () => {
    const broken = JSON.stringify({ ...exampleJson(), capacity: 'lots' });
    expect(() => storedAgreementBody('body-3', 7, broken)).toThrow(
      expect.objectContaining({ code: 'internal', message: expect.stringContaining('version 7') }),
    );
    expect(() => storedAgreementBody('body-3', 8, '{not json')).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
  });
});
