import { describe, expect, it } from 'vitest';
import { AppError, toHttpError } from '@/lib/errors';

describe('toHttpError', () => {
  it('puts a stable reason and its params into the body, beside code and message', () => {
    const error = new AppError('CONFLICT', 'The document changed.', undefined, { reason: 'view-outdated', params: { documentId: 'd1', revision: 3 } });
    expect(toHttpError(error)).toEqual({
      status: 409,
      body: { error: { code: 'CONFLICT', message: 'The document changed.', reason: 'view-outdated', params: { documentId: 'd1', revision: 3 } } },
    });
  });

  it('leaves them out of the JSON when there are none', () => {
    const { status, body } = toHttpError(new AppError('INVALID_INPUT', 'Bad.', { title: 'required' }));
    expect(status).toBe(400);
    expect(JSON.parse(JSON.stringify(body))).toEqual({ error: { code: 'INVALID_INPUT', message: 'Bad.', fieldErrors: { title: 'required' } } });
  });
});
