// Layers (the runner passes their folders in _LAMBDA_WORKBENCH_OPT) and sys.path as Lambda sets it up.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { bootstrapDir, fixture, invokePy, removeBytecode } from './pyFixtures.mjs';

after(() => removeBytecode());

/** A layer with python/lib/python3.X/site-packages (for every minor version) holding a module and a .pth file. */
function sitePackagesLayer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lwb-py-layer-'));
  for (let minor = 9; minor <= 14; minor++) {
    const site = path.join(dir, 'python', 'lib', `python3.${minor}`, 'site-packages');
    fs.mkdirSync(path.join(site, 'extras'), { recursive: true });
    fs.writeFileSync(path.join(site, 'from_site_packages.py'), 'NAME = "layer c site-packages"\n');
    fs.writeFileSync(path.join(site, 'in_both_layers.py'), 'NAME = "layer c site-packages"\n');
    fs.writeFileSync(path.join(site, 'extras.pth'), 'extras\n');
    fs.writeFileSync(path.join(site, 'extras', 'from_pth.py'), 'NAME = "added by a .pth file"\n');
  }
  return dir;
}

describe('python runtime: layers and sys.path', () => {
  it('puts the task root first, then each layer\'s site-packages and python folders (later layers first), then the runtime', async (t) => {
    const layerC = sitePackagesLayer();
    t.after(() => fs.rmSync(layerC, { recursive: true, force: true }));
    const layerA = fixture('layers', 'layer-a');
    const layerB = fixture('layers', 'layer-b');
    const r = await invokePy(path.join('layers', 'function'), { runtime: 'python3.12', layers: [layerA, layerB, layerC] });
    assert.equal(r.functionError, undefined, r.payload);
    const version = /python(3\.\d+)\/site-packages$/.exec(r.json.sys_path[1])?.[1];
    const site = (layer) => path.join(layer, 'python', 'lib', `python${version}`, 'site-packages');
    assert.deepEqual(r.json, {
      from_layer_a: 'layer a',
      from_site_packages: 'layer c site-packages',
      from_pth: 'added by a .pth file',
      in_both_layers: 'layer c site-packages', // site-packages before python/, as in Lambda's /opt
      shadowed: 'task root',
      internal_variable_visible: false,
      sys_path: [
        fixture('layers', 'function'),
        site(layerC), site(layerB), site(layerA),
        path.join(layerC, 'python'), path.join(layerB, 'python'), path.join(layerA, 'python'),
        bootstrapDir,
      ],
      pythonpath: bootstrapDir, // LAMBDA_RUNTIME_DIR, for child processes, as Lambda sets it
    });
  });

  it('lets a later layer win over an earlier one, as when Lambda extracts them into /opt in order', async () => {
    const layerA = fixture('layers', 'layer-a');
    const layerB = fixture('layers', 'layer-b');
    assert.equal((await invokePy(path.join('layers', 'precedence'), { layers: [layerA, layerB] })).payload, '"layer b"');
    assert.equal((await invokePy(path.join('layers', 'precedence'), { layers: [layerB, layerA] })).payload, '"layer a"');
  });

  it('leaves the layers off sys.path when the function sets PYTHONPATH, as Lambda does', async () => {
    const r = await invokePy(path.join('layers', 'precedence'), {
      layers: [fixture('layers', 'layer-a')],
      environment: { PYTHONPATH: path.join(os.tmpdir(), 'nothing-here') },
    });
    assert.equal(r.errorType, 'Runtime.ImportModuleError');
    assert.equal(JSON.parse(r.payload).errorMessage, "Unable to import module 'app': No module named 'in_both_layers'");
  });
});
