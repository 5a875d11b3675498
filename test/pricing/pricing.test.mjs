// estimateCost and formatUsd against figures worked out by hand from spec §6.7 (tier-1 us-east-1 prices).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lib } from '../helpers/invoke.mjs';

const { estimateCost, formatUsd } = lib;

/** Equal within a relative 1e-9: the figures are sums and products of decimals, not exact in binary. */
function near(actual, expected, label) {
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * 1e-9, `${label}: ${actual} ≠ ${expected}`);
}

test('x86_64, 128 MB, 100 ms billed: 0.0125 GB-s at $0.0000166667 plus $0.20 per million requests', () => {
  const cost = estimateCost({ billedDurationMs: 100, memorySizeMB: 128, architecture: 'x86_64' });
  near(cost.gbSeconds, 0.0125, 'gbSeconds');
  near(cost.durationCost, 0.00000020833375, 'durationCost');
  near(cost.requestCost, 0.0000002, 'requestCost');
  near(cost.perInvoke, 0.00000040833375, 'perInvoke');
  near(cost.perMillion, 0.40833375, 'perMillion');
  assert.equal(formatUsd(cost.durationCost), '$0.0000002083');
  assert.equal(formatUsd(cost.perInvoke), '$0.0000004083');
  assert.equal(formatUsd(cost.perMillion), '$0.41');
});

test('arm64, 1024 MB, 1000 ms billed: 1 GB-s at $0.0000133334', () => {
  const cost = estimateCost({ billedDurationMs: 1000, memorySizeMB: 1024, architecture: 'arm64' });
  near(cost.gbSeconds, 1, 'gbSeconds');
  near(cost.durationCost, 0.0000133334, 'durationCost');
  near(cost.perInvoke, 0.0000135334, 'perInvoke');
  near(cost.perMillion, 13.5334, 'perMillion');
  assert.equal(formatUsd(cost.perInvoke), '$0.00001353');
  assert.equal(formatUsd(cost.perMillion), '$13.53');
});

test('the same invoke costs less on arm64 than on x86_64 (1 GB-s: $16.87 vs $13.53 per million)', () => {
  const x86 = estimateCost({ billedDurationMs: 1000, memorySizeMB: 1024, architecture: 'x86_64' });
  near(x86.perMillion, 16.8667, 'x86 perMillion');
  assert.equal(formatUsd(x86.perMillion), '$16.87');
});

test('arm64, 512 MB, 697 ms billed (duration + init): 0.3485 GB-s', () => {
  const cost = estimateCost({ billedDurationMs: 697, memorySizeMB: 512, architecture: 'arm64' });
  near(cost.gbSeconds, 0.3485, 'gbSeconds');
  near(cost.durationCost, 0.3485 * 0.0000133334, 'durationCost');
  near(cost.perInvoke, 0.0000048466899, 'perInvoke');
  assert.equal(formatUsd(cost.perInvoke), '$0.000004847');
  assert.equal(formatUsd(cost.perMillion), '$4.85');
});

test('x86_64, 10240 MB, 900000 ms (the largest invoke): 9000 GB-s', () => {
  const cost = estimateCost({ billedDurationMs: 900_000, memorySizeMB: 10_240, architecture: 'x86_64' });
  near(cost.gbSeconds, 9000, 'gbSeconds');
  near(cost.perInvoke, 0.1500003 + 0.0000002, 'perInvoke');
  assert.equal(formatUsd(cost.perInvoke), '$0.15');
  assert.equal(formatUsd(cost.perMillion), '$150,000.50');
});

test('a 0 ms billed duration costs only the request', () => {
  const cost = estimateCost({ billedDurationMs: 0, memorySizeMB: 128, architecture: 'x86_64' });
  assert.equal(cost.durationCost, 0);
  near(cost.perInvoke, 0.0000002, 'perInvoke');
  assert.equal(formatUsd(cost.perInvoke), '$0.0000002');
  assert.equal(formatUsd(cost.perMillion), '$0.20');
});

test('formatUsd: cents from a cent up, four significant digits below, never exponent notation', () => {
  assert.equal(formatUsd(0), '$0.00');
  assert.equal(formatUsd(0.01), '$0.01');
  assert.equal(formatUsd(0.2083), '$0.21');
  assert.equal(formatUsd(1234.5), '$1,234.50');
  assert.equal(formatUsd(0.001), '$0.001');
  assert.equal(formatUsd(0.0012346), '$0.001235');
  assert.equal(formatUsd(0.000999), '$0.000999');
  assert.equal(formatUsd(2.0833e-7), '$0.0000002083');
  assert.equal(formatUsd(1e-25), '$0.00');
  assert.equal(formatUsd(-0.5), '-$0.50');
  assert.equal(formatUsd(Number.NaN), '—');
});

test('bad figures are refused with a one-line error naming the figure', () => {
  assert.throws(() => estimateCost({ billedDurationMs: -1, memorySizeMB: 128, architecture: 'x86_64' }),
    /^WorkbenchError: Cannot estimate cost: billed duration -1 ms is not a number ≥ 0$/);
  assert.throws(() => estimateCost({ billedDurationMs: 1, memorySizeMB: 0, architecture: 'arm64' }),
    /memory size 0 MB is not a number > 0/);
  assert.throws(() => estimateCost({ billedDurationMs: 1, memorySizeMB: 128, architecture: 'mips' }),
    /architecture 'mips' is not x86_64 or arm64/);
});
