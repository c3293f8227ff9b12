import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { explainAwsSamlAttributes } from '../../aws/saml-attributes.ts';
import { parseIdpMetadata } from '../../saml/parse-idp-metadata.ts';
import { formatInspectReport, inspectSamlResponse } from '../../saml/inspect-saml-response.ts';

export function registerSamlInspect(program: Command): void {
  const saml = program.command('saml').description('SAML tools');
  saml
    .command('inspect')
    .description('decode and explain a SAMLResponse (base64 as posted, or XML): issuer, audience, recipient, validity, signature, AWS roles')
    .argument('[file]', 'file with the SAMLResponse; standard input when omitted or "-"')
    .option('--cert <pem...>', 'certificate file(s) to verify the signature against')
    .option('--metadata <file>', "the IdP's federation metadata (e.g. saved from /saml/<appId>/metadata): verify against its signing certificates")
    .option('--json', 'print the report as JSON')
    .action(async (file: string | undefined, o: { cert?: string[]; metadata?: string; json?: boolean }) => {
      const input = file && file !== '-' ? readFileSync(file, 'utf8') : await readStdin();
      const certificates = [
        ...(o.cert ?? []).map((path) => readFileSync(path, 'utf8')),
        ...(o.metadata ? parseIdpMetadata(readFileSync(o.metadata)).signingCertificatesPem : []),
      ];
      const report = inspectSamlResponse(input, {
        now: new Date(),
        certificatesPem: certificates.length > 0 ? certificates : undefined,
        explainAttributes: explainAwsSamlAttributes,
      });
      process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatInspectReport(report)}\n`);
      if (report.error || report.verification?.ok === false) process.exitCode = 1;
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
