/**
 * The door of the directory module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Organizations, departments, groups, users and projects, and users' credentials.
 */
export { DirectoryModule } from './directory.module.js';
export {
  OUT_OF_OFFICE_FROM_TEXT,
  OUT_OF_OFFICE_UNTIL_TEXT,
  UserDto,
  toUserDto,
} from './dto/user.dto.js';
export { Group } from './entities/group.entity.js';
export { Organization } from './entities/organization.entity.js';
export { Project } from './entities/project.entity.js';
export { User } from './entities/user.entity.js';
export { UserCreated } from './events/user-created.event.js';
export { UserEmailChanged } from './events/user-email-changed.event.js';
export { outOfOfficeErrors } from './out-of-office.js';
export { smsOptInChange, type PhoneState } from './sms-opt-in.js';
export { PasswordService } from './password.service.js';
export { MailContacts, type MailOrganization } from './mail-contacts.service.js';
export { staffFieldErrors } from './staff-references.js';
export { departmentSubtreeSql } from './department-subtree.js';
