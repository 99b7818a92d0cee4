/**
 * Realistic wrong answers, as servers and the things in front of them really send them: for tests
 * that check Kubrick names the cause instead of retrying. Use as `{ fault: FAULTS.htmlSignInPage }`.
 */
import type { Fault } from './types.js';

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in · Corporate Gateway</title></head>
<body><form method="post" action="/login"><input name="user"><input name="password" type="password"></form></body>
</html>
`;

export const FAULTS = {
  /** A sign-in (or captive portal) page answered with 200 where the API was expected. */
  htmlSignInPage: { status: 200, contentType: 'text/html; charset=utf-8', body: SIGN_IN_PAGE },
  /** An HTML page served without a content type, as a misconfigured proxy does. */
  untypedHtml: { status: 200, contentType: '', body: SIGN_IN_PAGE },
  /** A server that ignores `stream: true` and answers one JSON document. */
  jsonInsteadOfStream: {
    status: 200,
    body: JSON.stringify({ error: { message: 'streaming is disabled on this deployment' } })
  },
  /** OpenAI's answer when the account has no quota left (not a rate limit). */
  openAiInsufficientQuota: {
    status: 429,
    body: JSON.stringify({
      error: {
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota'
      }
    })
  },
  /** Anthropic's answer when the organization has no credit left. */
  anthropicCreditBalance: {
    status: 400,
    body: JSON.stringify({
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message:
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.'
      }
    })
  },
  /** A gateway's 402 (OpenRouter-style). */
  paymentRequired: {
    status: 402,
    body: JSON.stringify({ error: { message: 'Insufficient credits', code: 402 } })
  },
  /** A plain web server's 404 for a path it does not have. */
  notFoundPage: {
    status: 404,
    contentType: 'text/html',
    body: '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>'
  },
  /** A static file server refusing POST. */
  methodNotAllowed: { status: 405, contentType: 'text/plain', body: 'Method Not Allowed' },
  /** A server that does not implement this API. */
  notImplemented: { status: 501, contentType: 'text/plain', body: 'Not Implemented' }
} satisfies Record<string, Fault>;
