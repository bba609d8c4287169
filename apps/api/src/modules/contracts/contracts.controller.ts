import { Body, Query } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import {
  CreateContractDto,
  ContractDto,
  ContractListQueryDto,
  ContractPageDto,
  UpdateContractDto,
} from './dto/contract.dto.js';
import { ContractsService } from './contracts.service.js';
import {
  RegisterController,
  RegisterCreate,
  RegisterDelete,
  RegisterGet,
  RegisterList,
  RegisterUpdate,
} from './register-endpoints.decorator.js';

@RegisterController('v1/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @RegisterList(
    'List contracts by number',
    'Staff see every contract; a client contact the summaries of their organization’s contracts that are not drafts. `status` filters by the status as read (expired by date included).',
    ContractPageDto,
  )
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ContractListQueryDto,
  ): Promise<ContractPageDto> {
    return this.contracts.list(user, query);
  }

  @RegisterGet('One contract (a client contact: the summary, own organization only)', ContractDto)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ContractDto> {
    return this.contracts.get(user, id);
  }

  @RegisterCreate(
    'Create a contract',
    'The number is unique within the organization; the SLA policy must exist (422 per field otherwise).',
    ContractDto,
  )
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateContractDto): Promise<ContractDto> {
    return this.contracts.create(user, dto);
  }

  @RegisterUpdate('Change a contract', ContractDto)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateContractDto,
  ): Promise<ContractDto> {
    return this.contracts.update(user, id, dto);
  }

  @RegisterDelete(
    'Delete a contract (its authorized requesters go with it; 409 while tickets or live documents refer to it)',
  )
  remove(@IdParam() id: string): Promise<void> {
    return this.contracts.remove(id);
  }
}
