import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { PasswordService } from './password.service.js';
import { MailContacts } from './mail-contacts.service.js';
import { DepartmentsController } from './departments.controller.js';
import { DepartmentsService } from './departments.service.js';
import { GroupsController } from './groups.controller.js';
import { GroupsService } from './groups.service.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';
import { MeProjectsController } from './me-projects.controller.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsService } from './projects.service.js';
import { ProjectWatchersController } from './project-watchers.controller.js';
import { ProjectWatchersService } from './project-watchers.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { VisibilitySettingsController } from './visibility/visibility-settings.controller.js';
import { VisibilitySettingsService } from './visibility/visibility-settings.service.js';

/** Organizations, departments, groups, users and projects: who is who, and who belongs where. */
@Module({
  controllers: [
    OrganizationsController,
    DepartmentsController,
    GroupsController,
    UsersController,
    ProjectsController,
    MeProjectsController,
    ProjectWatchersController,
    VisibilitySettingsController,
  ],
  providers: [
    IdempotencyInterceptor,
    OrganizationsService,
    DepartmentsService,
    GroupsService,
    UsersService,
    ProjectsService,
    ProjectWatchersService,
    PasswordService,
    MailContacts,
    VisibilitySettingsService,
  ],
  // PasswordService: users own their credentials; auth checks them through this module.
  // MailContacts: the mail intake authorizes senders and creates their contacts.
  exports: [
    OrganizationsService,
    DepartmentsService,
    GroupsService,
    UsersService,
    PasswordService,
    MailContacts,
  ],
})
export class DirectoryModule {}
