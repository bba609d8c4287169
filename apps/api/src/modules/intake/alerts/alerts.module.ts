import { Module } from '@nestjs/common';

/** Alerts from monitoring (Alertmanager, Zabbix, a generic form): one ticket per firing alert. */
@Module({})
export class AlertsModule {}
