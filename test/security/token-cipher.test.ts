import { createTokenCipher } from '../../src/security/token-cipher';

const key = 'a'.repeat(64);

describe('token cipher', () => {
  it('reads back what it sealed, and never the same ciphertext twice', () => {
    const cipher = createTokenCipher(key);
    const a = cipher.encrypt('pat-na1-secret');
    const b = cipher.encrypt('pat-na1-secret');
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret');
    expect(cipher.decrypt(a)).toBe('pat-na1-secret');
  });

  it('accepts the key as base64 as well as hex', () => {
    const base64 = Buffer.from(key, 'hex').toString('base64');
    expect(createTokenCipher(base64).decrypt(createTokenCipher(key).encrypt('x'))).toBe('x');
  });

  it('refuses a tampered ciphertext or another key with a plain message', () => {
    const sealed = createTokenCipher(key).encrypt('token');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => createTokenCipher(key).decrypt(tampered)).toThrow('cannot be decrypted');
    expect(() => createTokenCipher('b'.repeat(64)).decrypt(sealed)).toThrow('TOKEN_ENCRYPTION_KEY');
  });

  it('names TOKEN_ENCRYPTION_KEY when the key is not 32 bytes', () => {
    expect(() => createTokenCipher('short')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: 'TOKEN_ENCRYPTION_KEY' })] }),
    );
  });
});
