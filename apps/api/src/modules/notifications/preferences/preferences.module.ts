import { Module } from '@nestjs/common';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** Preferences, their defaults, one-click unsubscribe (issue 14). */
@Module({ providers: [UnsubscribeTokens], exports: [UnsubscribeTokens] })
export class PreferencesModule {}
