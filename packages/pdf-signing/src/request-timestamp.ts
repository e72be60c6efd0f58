import { createHash, randomBytes, X509Certificate } from 'node:crypto';

import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import { checkCmsSignedData } from './check-cms-signed-data';
import { berView, digestNameOf, OID } from './cms-oids';
import { PdfError } from './pdf-error';

/**
 * RFC 3161 timestamps. The caller supplies the transport as a function (tests pass a
 * local responder, the app an HTTP client), and everything it returns is checked
 * here: a timestamp authority that is down, slow or answers nonsense makes signing
 * fail with TSA_FAILED — it never silently drops to a signature without timestamp.
 */

/** Sends a request for this SHA-256 message imprint; resolves to a DER TimeStampResp. */
export type RequestTimestamp = (messageImprint: Uint8Array) => Promise<Uint8Array>;

export interface TimestampTokenCheck {
  ok: boolean;
  problem?: string;
  imprintMatches: boolean;
  signatureValid: boolean;
  genTime?: Date;
  tsaCertificateDer?: Uint8Array;
}

const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const PKI_STATUS = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

function tsaFailed(message: string, cause?: unknown): PdfError {
  return new PdfError('TSA_FAILED', `The timestamp authority failed: ${message}. Nothing was signed; try again later.`, { cause });
}

/** Checks a TimeStampToken (CMS SignedData over a TSTInfo) against the imprint it must carry. */
export function checkTimestampToken(tokenDer: Uint8Array, expectedImprint: Uint8Array): TimestampTokenCheck {
  const cms = checkCmsSignedData(tokenDer, (name, content) => (content ? createHash(name).update(content).digest() : undefined));
  const eContent = cms.eContent;
  const result: TimestampTokenCheck = { ok: false, imprintMatches: false, signatureValid: false, tsaCertificateDer: cms.signerCertificateDer };
  if (!cms.parsed || cms.eContentType !== OID.tstInfo || !eContent) {
    result.problem = 'the timestamp token is not an RFC 3161 token';
    return result;
  }
  let tstInfo: pkijs.TSTInfo;
  try {
    tstInfo = pkijs.TSTInfo.fromBER(berView(eContent));
  } catch {
    result.problem = 'the timestamp token content cannot be decoded';
    return result;
  }
  result.genTime = tstInfo.genTime;
  const imprintHash = digestNameOf(tstInfo.messageImprint.hashAlgorithm.algorithmId);
  result.imprintMatches =
    imprintHash === 'sha256' && Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(expectedImprint));
  result.signatureValid = cms.digestMatches && cms.signatureValid;
  // RFC 3161 §2.3: the TSA's certificate is dedicated to timestamping.
  const forTimestamping = cms.signerCertificateDer ? (new X509Certificate(cms.signerCertificateDer).keyUsage ?? []).includes(TIME_STAMPING_EKU) : false;
  if (!result.imprintMatches) result.problem = 'the timestamp was issued for different data';
  else if (!result.signatureValid) result.problem = `the timestamp token's signature is invalid (${cms.problem ?? 'unknown reason'})`;
  else if (!forTimestamping) result.problem = 'the timestamp was not issued with a timestamping certificate';
  result.ok = result.imprintMatches && result.signatureValid && forTimestamping;
  return result;
}

/**
 * Calls the timestamp authority for `messageImprint` and returns the validated token
 * (DER ContentInfo) ready to embed. Throws PdfError TSA_FAILED on any problem.
 */
export async function obtainTimestampToken(requestTimestamp: RequestTimestamp, messageImprint: Uint8Array): Promise<{ tokenDer: Uint8Array; genTime: Date }> {
  let responseDer: Uint8Array;
  try {
    responseDer = await requestTimestamp(messageImprint);
  } catch (error) {
    throw tsaFailed(`it could not be reached (${(error as Error).message ?? String(error)})`, error);
  }
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(berView(responseDer));
  } catch (error) {
    throw tsaFailed('its answer is not a timestamp response', error);
  }
  const status = response.status.status;
  if (status !== 0 && status !== 1) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join('; ');
    throw tsaFailed(`it refused the request (status ${PKI_STATUS[status] ?? status}${text ? `: ${text}` : ''})`);
  }
  if (!response.timeStampToken) throw tsaFailed('its answer holds no timestamp token');
  const tokenDer = new Uint8Array(response.timeStampToken.toSchema().toBER());
  const check = checkTimestampToken(tokenDer, messageImprint);
  if (!check.ok || !check.genTime) throw tsaFailed(check.problem ?? 'the token is invalid');
  return { tokenDer, genTime: check.genTime };
}

export interface HttpTimestampOptions {
  url: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** An RFC 3161 client over HTTP (application/timestamp-query), with a nonce and a timeout. */
export function createHttpTimestampRequester(options: HttpTimestampOptions): RequestTimestamp {
  const fetchImpl = options.fetch ?? fetch;
  return async (messageImprint) => {
    const nonce = randomBytes(8);
    nonce[0] = 0x40 | (nonce[0]! & 0x3f); // positive and minimal as a DER INTEGER
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
        hashedMessage: new asn1js.OctetString({ valueHex: messageImprint }),
      }),
      nonce: new asn1js.Integer({ valueHex: nonce }),
      certReq: true,
    });
    const response = await fetchImpl(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', ...options.headers },
      body: new Uint8Array(request.toSchema().toBER()),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = new Uint8Array(await response.arrayBuffer());
    // A replayed answer would carry another nonce. An unreadable one is left to the
    // caller's checks, which name it as such instead of as an unreachable TSA.
    let parsed: pkijs.TimeStampResp;
    try {
      parsed = pkijs.TimeStampResp.fromBER(body);
    } catch {
      return body;
    }
    if (parsed.timeStampToken) {
      const signedData = new pkijs.SignedData({ schema: parsed.timeStampToken.content });
      const eContent = signedData.encapContentInfo.eContent;
      if (eContent) {
        const tstInfo = pkijs.TSTInfo.fromBER(eContent.getValue());
        if (!tstInfo.nonce || !Buffer.from(tstInfo.nonce.valueBlock.valueHexView).equals(nonce)) {
          throw new Error('the answer does not carry the nonce of the request');
        }
      }
    }
    return body;
  };
}
