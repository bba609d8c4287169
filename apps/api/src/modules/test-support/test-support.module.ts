import { Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TestSupportController } from './test-support.controller.js';

/**
 * Routes that exist only for the multi-process cluster test (RELAYDESK_TEST_ROUTES=true, refused
 * with NODE_ENV=production): they move the clock and run scheduled work without a login.
 */
@Module({ imports: [DiscoveryModule], controllers: [TestSupportController] })
export class TestSupportModule {
  constructor() {
    new Logger(TestSupportModule.name).warn(
      'RELAYDESK_TEST_ROUTES is on: /api/test/clock and /api/test/scheduled-work need no login (tests only)',
    );
  }
}
