// Where a function's (or layer's) code is: a local folder (CodeUri / Code / ContentUri / Content), inline code, an
// S3 location (not on this machine), or a container image.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ResourceContext } from './resourceContext';
import { isRecord } from './values';

export interface CodeLocation {
  packageType: 'Zip' | 'Image';
  /** Absolute folder of the code; the template folder when the code is not local. */
  codeDir: string;
  inlineCode?: string;
  imageUri?: string;
  /** False when the code is in S3 (or inline, or an image): nothing on disk to mount. */
  local: boolean;
}

/** The code of an AWS::Serverless::Function: PackageType, CodeUri (default `.`), InlineCode, ImageUri. */
export function serverlessFunctionCode(context: ResourceContext, metadata: unknown): CodeLocation {
  const packageType = readPackageType(context);
  if (packageType === 'Image') return imageCode(context, context.value('ImageUri'));
  const asset = assetPath(metadata, 'CodeUri');
  if (asset !== undefined) return localCode(context, 'CodeUri', asset);
  const inline = context.value('InlineCode');
  if (typeof inline === 'string') return inlineCode(context, inline, 'InlineCode');
  return localCode(context, 'CodeUri', context.value('CodeUri') ?? '.');
}

/** The code of an AWS::Lambda::Function: `Code` as a local path, `{ZipFile}`, `{S3Bucket, S3Key}` or `{ImageUri}`. */
export function lambdaFunctionCode(context: ResourceContext, metadata: unknown): CodeLocation {
  const packageType = readPackageType(context);
  const asset = packageType === 'Zip' ? assetPath(metadata, 'Code') : undefined;
  if (asset !== undefined) return localCode(context, 'Code', asset);
  const code = context.value('Code');
  if (packageType === 'Image') return imageCode(context, isRecord(code) ? code.ImageUri : undefined);
  if (isRecord(code) && typeof code.ZipFile === 'string') return inlineCode(context, code.ZipFile, 'Code.ZipFile');
  return localCode(context, 'Code', code ?? '.');
}

/** A layer's content folder: ContentUri (AWS::Serverless::LayerVersion) or Content (AWS::Lambda::LayerVersion). */
export function layerContent(context: ResourceContext, key: 'ContentUri' | 'Content', metadata: unknown): CodeLocation {
  return localCode(context, key, assetPath(metadata, key) ?? context.value(key) ?? '.');
}

/**
 * A CDK-synthesized template (`cdk synth`) points its code at S3 asset parameters and says in the resource's
 * Metadata where the asset is on disk (`aws:asset:path`, relative to cdk.out); sam local reads it from there too.
 */
function assetPath(metadata: unknown, key: string): string | undefined {
  if (!isRecord(metadata) || metadata['aws:asset:property'] !== key) return undefined;
  const assetPath = metadata['aws:asset:path'];
  return typeof assetPath === 'string' ? assetPath : undefined;
}

function readPackageType(context: ResourceContext): 'Zip' | 'Image' {
  const value = context.value('PackageType') ?? 'Zip';
  if (value !== 'Zip' && value !== 'Image') {
    context.fail(context.valueLocation('PackageType'), `PackageType of ${context.logicalId} is ${JSON.stringify(value)}`, 'set PackageType to Zip or Image');
  }
  return value;
}

function imageCode(context: ResourceContext, imageUri: unknown): CodeLocation {
  const result: CodeLocation = { packageType: 'Image', codeDir: context.template.dir, local: false };
  if (typeof imageUri === 'string') result.imageUri = imageUri;
  return result;
}

function inlineCode(context: ResourceContext, code: string, key: string): CodeLocation {
  context.warn(context.valueLocation(key.split('.')[0]), `${context.logicalId} has its code inline (${key})`, 'it is not on disk; to invoke it locally, move the code into a folder and point CodeUri/Code at it');
  return { packageType: 'Zip', codeDir: context.template.dir, inlineCode: code, local: false };
}

function localCode(context: ResourceContext, key: string, value: unknown): CodeLocation {
  const { dir } = context.template;
  const isS3 = (typeof value === 'string' && value.startsWith('s3://')) ||
    (isRecord(value) && ('Bucket' in value || 'S3Bucket' in value));
  if (isS3 || typeof value !== 'string') {
    const shown = typeof value === 'string' ? value : JSON.stringify(value);
    context.warn(context.valueLocation(key), `${key} of ${context.logicalId} is not a local folder (${shown})`, 'its code is not on this machine; point it at a local folder to run it here');
    return { packageType: 'Zip', codeDir: dir, local: false };
  }
  const codeDir = path.resolve(dir, value);
  const stat = statSync(codeDir, { throwIfNoEntry: false });
  if (!stat) context.fail(context.valueLocation(key), `${key} '${value}' of ${context.logicalId} does not exist (${codeDir})`, `create the folder or fix ${key}`);
  if (!stat.isDirectory()) {
    context.fail(context.valueLocation(key), `${key} '${value}' of ${context.logicalId} is a file, not a folder (${codeDir})`, `point ${key} at the folder that holds the code`);
  }
  return { packageType: 'Zip', codeDir, local: true };
}
