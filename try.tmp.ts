import { NetlifyDev } from '@netlify/dev';
for (const functions of [false, true]) {
  const t = performance.now();
  const netlify = new NetlifyDev({ projectRoot: process.cwd(), skipGitignore: true, edgeFunctions: { enabled: false }, geolocation: { enabled: false }, environmentVariables: { enabled: false }, blobs: { enabled: false }, images: { enabled: false }, aiGateway: { enabled: false }, database: { enabled: false }, functions: { enabled: functions }, headers: { enabled: true }, redirects: { enabled: true }, staticFiles: { enabled: true } } as never);
  await netlify.start();
  console.log('functions', functions, 'start ms', Math.round(performance.now() - t));
  const t2 = performance.now();
  const r = await netlify.handle(new Request('http://localhost/'));
  console.log('first handle ms', Math.round(performance.now() - t2), r?.status);
  await netlify.stop();
}
