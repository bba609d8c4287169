import { Module } from '@nestjs/common';
import { AuthorizedRequestersController } from './authorized-requesters.controller.js';
import { AuthorizedRequesters } from './authorized-requesters.service.js';
import { ContractsController } from './contracts.controller.js';
import { ContractsService } from './contracts.service.js';
import { EquipmentItemsController } from './equipment-items.controller.js';
import { EquipmentItemsService } from './equipment-items.service.js';
import { EquipmentTypesController } from './equipment-types.controller.js';
import { EquipmentTypesService } from './equipment-types.service.js';
import { ServiceObjectsController } from './service-objects.controller.js';
import { ServiceObjectsService } from './service-objects.service.js';
import { ContactObjectAccessController } from './object-access.controller.js';
import { ContactObjectAccessService } from './object-access.service.js';

/**
 * Contracts, service objects, equipment and authorized requesters (issue 18): the registers a
 * ticket will link to. See docs/contracts.md.
 */
@Module({
  controllers: [
    ContractsController,
    ServiceObjectsController,
    EquipmentTypesController,
    EquipmentItemsController,
    AuthorizedRequestersController,
    ContactObjectAccessController,
  ],
  providers: [
    ContractsService,
    ServiceObjectsService,
    EquipmentTypesService,
    EquipmentItemsService,
    AuthorizedRequesters,
    ContactObjectAccessService,
  ],
  exports: [AuthorizedRequesters],
})
export class ContractsModule {}
