// The name step of "New Function…": a logical id that CloudFormation accepts and the template does not use yet.
const LOGICAL_ID = /^[A-Za-z][A-Za-z0-9]*$/;

/** Undefined when `name` is fine, else what is wrong (shown under the input box as it is typed). */
export function functionNameProblem(name: string, existing: readonly string[]): string | undefined {
  if (name === '') return 'Enter a name, e.g. OrdersFunction';
  if (!LOGICAL_ID.test(name)) return 'Use only letters and digits, starting with a letter (a CloudFormation logical id)';
  if (name.length > 255) return 'At most 255 characters';
  if (existing.includes(name)) return `${name} is already in the template — pick another name`;
  return undefined;
}

/** A first suggestion that is free: HelloFunction, then MyFunction, MyFunction2, ... */
export function suggestFunctionName(existing: readonly string[]): string {
  if (!existing.includes('HelloFunction')) return 'HelloFunction';
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'MyFunction' : `MyFunction${n}`;
    if (!existing.includes(name)) return name;
  }
}
