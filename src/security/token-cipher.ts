import crypto from 'node:crypto';
import { AppError } from '../domain/app-error';

/** Encrypts and decrypts OAuth tokens at rest. */
export interface TokenCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Reads TOKEN_ENCRYPTION_KEY: 32 bytes as 64 hex characters or as base64. */
function parseKey(key: string): Buffer {
  const trimmed = key.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new AppError(
      'invalid_input',
      'TOKEN_ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64',
      [{ path: 'TOKEN_ENCRYPTION_KEY', message: `expected 32 bytes, got ${bytes.length}` }],
    );
  }
  return bytes;
}

/** AES-256-GCM with a random 96-bit IV per value; output `v1:<base64 iv|tag|ciphertext>`. */
export function createTokenCipher(key: string): TokenCipher {
  const secret = parseKey(key);
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(':');
      const raw = Buffer.from(payload ?? '', 'base64');
      if (version !== VERSION || raw.length < IV_BYTES + TAG_BYTES) {
        throw new AppError('internal', 'A stored token is not in the expected encrypted format');
      }
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', secret, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch (cause) {
        throw new AppError(
          'internal',
          'A stored token cannot be decrypted (was TOKEN_ENCRYPTION_KEY changed?)',
          [],
          {
            cause,
          },
        );
      }
    },
  };
}
