// What a warm invoke leaves alive in V8's young generation, in the runner's process and in the Node runtime's. A
// scavenge takes as long as what survives it, and each one lands on a warm invoke's time: the per-invoke objects must
// die young. Two shapes did not, in V8 (Node 20): an object spread and then given more properties (the runner's
// result), and an object literal with get/set (the context's callbackWaitsForEmptyEventLoop). Each kept every invoke's
// objects alive through two scavenges: 7-10% of all allocated survived, against under 1% now.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/invoke.mjs';

const loop = path.join(root, 'test', 'fixtures', 'runner', 'warm-loop', 'loop.mjs');

/** The share of the young generation's allocations that survived their scavenge, over every scavenge of `lines`. */
function survivalOf(lines) {
  let allocated = 0;
  let survived = 0;
  for (const line of lines) {
    const field = (name) => Number(new RegExp(`\\b${name}=(\\d+)`).exec(line)?.[1] ?? 0);
    allocated += field('allocated');
    survived += field('new_space_survived');
  }
  return { scavenges: lines.length, share: survived / allocated };
}

test('warm invokes leave (almost) nothing alive in the young generation of the runner or of the Node runtime', () => {
  const out = execFileSync(process.execPath, ['--trace-gc-nvp', loop, '6000'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = out.split('\n');
  const measured = lines.slice(lines.indexOf('measuring') + 1).filter((line) => line.includes('gc=s '));
  const runner = survivalOf(measured.filter((line) => !line.startsWith('runtime ')));
  const runtime = survivalOf(measured.filter((line) => line.startsWith('runtime ')));
  assert.ok(runner.scavenges >= 10, `runner scavenges: ${runner.scavenges}`);
  assert.ok(runtime.scavenges >= 5, `runtime scavenges: ${runtime.scavenges}`);
  assert.ok(runner.share < 0.03, `runner: ${(runner.share * 100).toFixed(1)}% of the young generation survived its scavenge`);
  assert.ok(runtime.share < 0.03, `runtime: ${(runtime.share * 100).toFixed(1)}% of the young generation survived its scavenge`);
});
