import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectConfig, secretsConfig, type SecretsConfig } from '../../config/config-namespaces.js';

const VERSION = 'v1';
const IV_BYTES = 12;

/** A stored secret could not be decrypted: another SECRETS_KEY, or the value was altered. */
export class SecretUnreadableError extends Error {
  constructor() {
    super('A stored secret cannot be decrypted: was SECRETS_KEY changed? Enter it again.');
  }
}

/**
 * Encrypts credentials we must later use in clear (a mailbox's IMAP password), unlike passwords
 * people log in with, which are hashed. AES-256-GCM with SECRETS_KEY and a random IV per value;
 * stored as `v1:<iv>:<tag>:<ciphertext>` (base64), so a later key or algorithm can sit beside it.
 * `context` (e.g. `mailbox:<id>`) is bound as associated data: a ciphertext copied onto another
 * row does not decrypt there.
 */
@Injectable()
export class SecretBox {
  private static warned = false;
  private readonly key: Buffer;

  constructor(@InjectConfig(secretsConfig) config: SecretsConfig) {
    this.key = config.secretsKey;
    if (config.secretsKeyIsDevelopment && !SecretBox.warned) {
      SecretBox.warned = true;
      new Logger(SecretBox.name).warn(
        'SECRETS_KEY is not set: stored credentials are encrypted with the public development key',
      );
    }
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64'));
    return [VERSION, ...parts].join(':');
  }

  open(sealed: string, context: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || body === undefined) throw new SecretUnreadableError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretUnreadableError();
    }
  }
}
