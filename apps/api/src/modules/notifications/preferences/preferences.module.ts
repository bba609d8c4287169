import { Module } from '@nestjs/common';

/** Preferences, their defaults, one-click unsubscribe (issue 14). */
@Module({})
export class PreferencesModule {}
