import { benchAssumeRoleWithSaml } from './assume-role-with-saml.bench.ts';
import { benchParseScaling } from './parse-scaling.bench.ts';
import { benchSignResponse } from './sign-response.bench.ts';

// `npm run bench`: each benchmark prints its figures with a reference measured in the same run.
process.stdout.write(`rolegate benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
await benchSignResponse();
await benchAssumeRoleWithSaml();
await benchParseScaling();
