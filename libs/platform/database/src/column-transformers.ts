import { ValueTransformer } from 'typeorm';

/** pg returns BIGINT as a string (it may exceed 2^53); money stays a bigint end to end. */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null || value === undefined ? value : BigInt(value)),
};
