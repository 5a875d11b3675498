// The benchmark's handler: the smallest useful async function, the same file for every tool.
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ hello: event.name ?? 'world' }) });
