import { Module } from '@nestjs/common';
import { ClinicalModule } from '../clinical.module.js';
import { PracticeSettingsResolver } from './practice-settings.resolver.js';
import { PracticeSettingsService } from './practice-settings.service.js';

@Module({ imports: [ClinicalModule], providers: [PracticeSettingsService, PracticeSettingsResolver] })
export class PracticeSettingsModule {}
