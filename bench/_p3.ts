import { benchAssumeRoleWithSaml } from './assume-role-with-saml.bench.ts';
await benchAssumeRoleWithSaml();
