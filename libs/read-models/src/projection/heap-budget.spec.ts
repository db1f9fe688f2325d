import { execFileSync } from 'node:child_process';
import { oldGenerationLimitBytes } from './heap-budget';

const MIB = 1_048_576;

describe('the heap a rebuild can fill with views', () => {
  it('is the old generation: the flag when given, not V8 heap limit that counts the young generation too', () => {
    // What V8 reports for the CLI's flags (measured: node --max-old-space-size=256 --max-semi-space-size=48).
    const reported = Number(
      execFileSync(
        process.execPath,
        ['--max-old-space-size=256', '--max-semi-space-size=48', '-p', 'require("v8").getHeapStatistics().heap_size_limit'],
        {
          encoding: 'utf8',
        },
      ),
    );
    expect(reported).toBeGreaterThan(400 * MIB);
    expect(oldGenerationLimitBytes(reported, ['--max-old-space-size=256', '--max-semi-space-size=48'])).toBe(256 * MIB);
    expect(oldGenerationLimitBytes(reported, ['--max_old_space_size=256'])).toBe(256 * MIB);
  });

  it('without the flag, takes the young generation off the limit V8 reports', () => {
    const reported = Number(
      execFileSync(
        process.execPath,
        ['--max-semi-space-size=48', '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))'],
        {
          encoding: 'utf8',
        },
      ),
    );
    const plain = Number(execFileSync(process.execPath, ['-p', 'require("v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8' }));
    expect(oldGenerationLimitBytes(reported, ['--max-semi-space-size=48'])).toBe(oldGenerationLimitBytes(plain, []));
  });
});
