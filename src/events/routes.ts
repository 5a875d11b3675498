// Turning a route template (`/items/{id}`, `/{proxy+}`) into the concrete request a sample event describes.

export interface SampleRoute {
  /** The route as declared, always starting with `/`: API Gateway's `resource` / `resourcePath`. */
  resource: string;
  /** The path a client would request, parameters filled in: `/items/1`. */
  path: string;
  /** Parameter values by name (`proxy` for `{proxy+}`), or null when the route has none. */
  pathParameters: Record<string, string> | null;
}

const PARAM = /\{([^}/]+?)(\+?)\}/g;

/** Sample values: ids get `1`, a greedy `{name+}` gets `path/to/resource` (as SAM's samples), others `example`. */
export function sampleParamValue(name: string, greedy: boolean): string {
  if (greedy) return 'path/to/resource';
  return /id$/i.test(name) ? '1' : 'example';
}

export function sampleRoute(routePath: string | undefined): SampleRoute {
  const resource = !routePath ? '/' : routePath.startsWith('/') ? routePath : `/${routePath}`;
  const params: Record<string, string> = {};
  const path = resource.replace(PARAM, (_m, name: string, plus: string) => {
    params[name] = sampleParamValue(name, plus === '+');
    return params[name];
  });
  return { resource, path, pathParameters: Object.keys(params).length > 0 ? params : null };
}

/** The method a client would send for a route's method: `ANY` (and a missing method) become GET. */
export function sampleMethod(method: string | undefined): string {
  const upper = (method ?? '').trim().toUpperCase();
  return upper === '' || upper === 'ANY' || upper === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'GET' : upper;
}

/** Methods whose sample request carries no body. */
export function hasBody(method: string): boolean {
  return !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
}

/** The JSON body of sample requests (SAM's, sent as text rather than base64 so a handler can JSON.parse it). */
export const SAMPLE_BODY = '{"test":"body"}';
