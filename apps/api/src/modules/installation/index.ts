/**
 * The door of the installation module: the installation's own settings (company details printed
 * as the service provider, the time zone of printed dates). Import from here, never from the
 * module's files (`npm run lint` refuses it).
 */
export { InstallationModule } from './installation.module.js';
export { InstallationSettingsService } from './installation-settings.service.js';
export type { InstallationSettingsDto } from './dto/installation-settings.dto.js';
