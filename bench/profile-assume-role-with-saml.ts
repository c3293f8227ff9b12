// Profiling entry point: runs only the sandbox validation, 300 times, without timing it.
//   BENCH_PROFILE_ONLY=1 node --cpu-prof --import tsx bench/profile-assume-role-with-saml.ts
import { benchAssumeRoleWithSaml } from './assume-role-with-saml.bench.ts';

process.env.BENCH_PROFILE_ONLY ??= '1';
await benchAssumeRoleWithSaml();
