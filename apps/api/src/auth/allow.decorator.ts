import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@actiemonitor/application';

export const PERMISSION_KEY = 'actiemonitor:permission';

/** Every query and mutation states what it needs; the guard refuses a resolver without a rule. */
export const Allow = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
