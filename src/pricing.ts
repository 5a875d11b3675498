// What one invoke costs on AWS Lambda, from the us-east-1 list prices (spec §6.7). Plain Node: the result panel
// and the CLI both use it. Tier 1 only (the first 6 B / 7.5 B GB-s a month) and no free tier: the figure a
// developer wants is "what does this invoke cost", not a monthly bill.
import { errors } from './errors';

export type PricedArchitecture = 'x86_64' | 'arm64';

/** USD per GB-second of duration, tier 1, per architecture. */
export const DURATION_PRICE_PER_GB_SECOND: Readonly<Record<PricedArchitecture, number>> = {
  x86_64: 0.0000166667,
  arm64: 0.0000133334,
};

/** USD per request ($0.20 per 1M, both architectures). */
export const REQUEST_PRICE = 0.2 / 1_000_000;

export interface CostInput {
  /** The REPORT's Billed Duration (includes INIT since August 2025). */
  billedDurationMs: number;
  memorySizeMB: number;
  architecture: PricedArchitecture;
}

export interface CostEstimate {
  /** USD for one invoke: request + duration. */
  perInvoke: number;
  /** USD for a million such invokes. */
  perMillion: number;
  /** USD of one request charge. */
  requestCost: number;
  /** USD of one invoke's duration charge. */
  durationCost: number;
  /** GB-seconds of one invoke: memory MB / 1024 × billed seconds. */
  gbSeconds: number;
}

export function estimateCost({ billedDurationMs, memorySizeMB, architecture }: CostInput): CostEstimate {
  if (!Number.isFinite(billedDurationMs) || billedDurationMs < 0) {
    throw errors.usage(`Cannot estimate cost: billed duration ${billedDurationMs} ms is not a number ≥ 0`);
  }
  if (!Number.isFinite(memorySizeMB) || memorySizeMB <= 0) {
    throw errors.usage(`Cannot estimate cost: memory size ${memorySizeMB} MB is not a number > 0`);
  }
  const pricePerGbSecond = DURATION_PRICE_PER_GB_SECOND[architecture];
  if (pricePerGbSecond === undefined) {
    throw errors.usage(`Cannot estimate cost: architecture '${String(architecture)}' is not x86_64 or arm64`);
  }
  const gbSeconds = (memorySizeMB / 1024) * (billedDurationMs / 1000);
  const durationCost = gbSeconds * pricePerGbSecond;
  const perInvoke = REQUEST_PRICE + durationCost;
  return { perInvoke, perMillion: perInvoke * 1_000_000, requestCost: REQUEST_PRICE, durationCost, gbSeconds };
}

/**
 * Dollars for people: cents for amounts of a cent or more (`$0.21`, `$1,234.50`), four significant digits below a
 * cent so tiny per-invoke figures stay readable (`$0.0000002083`) instead of `$0.00` or `2.083e-7`.
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount)) return '—';
  const sign = amount < 0 ? '-' : '';
  const value = Math.abs(amount);
  if (value === 0) return '$0.00';
  if (value >= 0.01) {
    return `${sign}$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  const decimals = Math.min(20, Math.ceil(-Math.log10(value)) + 3);
  const digits = value.toFixed(decimals).replace(/0+$/, '').replace(/\.$/, '');
  return digits === '0' ? '$0.00' : `${sign}$${digits}`;
}
