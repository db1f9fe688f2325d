import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { EVENT_STORE, EventStore, verifyLog } from '@actiemonitor/event-store';

@Command({
  name: 'verify',
  description: 'Controleer de hashketen van het hele logboek (walk the hash chain: proof the log was not rewritten)',
})
export class VerifyCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(): Promise<void> {
    const result = await verifyLog(this.store);
    if (result.ok) {
      process.stdout.write(`OK: ${result.count} gebeurtenissen, keten intact; kop-hash (head hash) ${result.headHash}\n`);
      return;
    }
    process.stdout.write(`FOUT op positie ${result.position}: ${result.reason}\n`);
    process.exitCode = 1;
  }
}
