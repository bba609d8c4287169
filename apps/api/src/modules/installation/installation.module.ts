import { Module } from '@nestjs/common';
import { InstallationSettingsController } from './installation-settings.controller.js';
import { InstallationSettingsService } from './installation-settings.service.js';

/** The installation's own settings: company details and time zone (issue 18). */
@Module({
  controllers: [InstallationSettingsController],
  providers: [InstallationSettingsService],
  exports: [InstallationSettingsService],
})
export class InstallationModule {}
