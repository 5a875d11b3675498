// `lambda-workbench package`: one zip per function and per local layer, ready for `aws lambda update-function-code`.
// The report goes to stdout; progress to stderr. Exit 0 when every package is ready, 1 when one failed its checks or
// its smoke invoke, 2 when nothing could be attempted (bad arguments, bad template).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadTemplateFrom } from './templateArgs';
import { DEFAULT_PACKAGE_DIR, describePackageResult, packageTemplate } from '../packager';
import { ExitCode, type CliCommand } from './io';

export const packageHelp = `Usage: lambda-workbench package [FUNCTION...] [-t TEMPLATE] [-o OUT_DIR] [--no-verify]

Builds the zip AWS Lambda accepts for direct upload, one per function and per local layer:
  Node.js/TypeScript  one esbuild bundle from the Handler's file (SAM's Metadata BuildMethod: esbuild and its
                      BuildProperties are honoured); @aws-sdk/* is left to the runtime
  Python              the code folder and requirements.txt (pip for Lambda's Python and architecture; offline,
                      from a wheelhouse/ folder or --wheelhouse, or vendored in the folder)
  provided.*          the folder as it is, with bootstrap executable
Zips are reproducible and never hold .env*, .git, .aws, private keys or credential files. Each is checked
(handler, AWS secrets, native code, 50 MB zipped / 250 MB unzipped) and invoked once from the unpacked zip with
the function's first saved event (events/<FunctionId>/*.json, or {}). Then packaged-template.yaml points at the
zips, and the upload commands are printed.

  FUNCTION                     logical ids or FunctionNames (default: every function and layer)
  -t, --template FILE          SAM template (default ./template.yaml, then ./template.yml)
  -o, --output-dir DIR         where the zips go (default ${DEFAULT_PACKAGE_DIR}/ beside the template)
      --no-verify              do not invoke the packages before reporting them ready
      --wheelhouse DIR         a folder of wheels for pip (repeatable)
      --parameter-overrides P  template parameters: 'Key=Value Key2=Value2'
      --region REGION          for the smoke invoke (default AWS_REGION, AWS_DEFAULT_REGION, then us-east-1)
  -h, --help

Exit code: 0 every package is ready, 1 a package failed its checks or its smoke invoke, 2 bad arguments or template.
`;

export const packageCommand: CliCommand = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      template: { type: 'string', short: 't' },
      'output-dir': { type: 'string', short: 'o' },
      'no-verify': { type: 'boolean' },
      wheelhouse: { type: 'string', multiple: true },
      'parameter-overrides': { type: 'string', multiple: true },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(packageHelp);
    return ExitCode.Success;
  }
  const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const model = loadTemplateFrom(values, io, { region });
  const run = await packageTemplate(model, {
    functions: positionals,
    outDir: values['output-dir'] ? path.resolve(io.cwd, values['output-dir']) : undefined,
    verify: !values['no-verify'],
    wheelhouses: (values.wheelhouse ?? []).map((dir) => path.resolve(io.cwd, dir)),
    env: io.env,
    runner: { region },
    onProgress: (message) => io.stderr(`${message}\n`),
  });
  for (const result of run.results) io.stdout(describePackageResult(result));
  for (const skipped of run.skipped) io.stdout(`${skipped.logicalId}  skipped: ${skipped.reason}\n\n`);
  const failed = run.results.filter((result) => !result.ok);
  io.stdout(`packaged-template.yaml  ${run.packagedTemplate}\n`);
  io.stdout(`${run.results.length - failed.length} of ${run.results.length} packages ready${failed.length ? `; failed: ${failed.map((r) => r.logicalId).join(', ')}` : ''}\n`);
  return failed.length ? ExitCode.FunctionError : ExitCode.Success;
};
