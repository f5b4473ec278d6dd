import { ArgumentsHost, Logger } from '@nestjs/common';
import { CommonErrors } from '../../common/errors/common.errors';
import { DomainError } from '../../common/errors/domain-error';
import { loadConfig } from '../../config/app-config';
import { CampaignErrors } from '../campaigns/campaigns.errors';
import { WebPageErrorFilter } from './web-page-error.filter';

/** A reply that records what the filter sends. */
function fakeHost(query: Record<string, string> = {}, acceptLanguage?: string) {
  const sent: { status?: number; body?: string; headers: Record<string, string> } = { headers: {} };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body?: string) {
      sent.body = body;
      return reply;
    },
  };
  const request = { query, headers: { 'accept-language': acceptLanguage }, protocol: 'https', host: 'sayembara.example' };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('WebPageErrorFilter', () => {
  const filter = new WebPageErrorFilter(loadConfig({ NODE_ENV: 'test' }));

  it.each([new DomainError(CampaignErrors.CAMPAIGN_NOT_FOUND), new DomainError(CommonErrors.ID_INVALID, { field: 'id' })])('answers %p with the 404 page in HTML', (error) => {
    const { host, sent } = fakeHost();
    filter.catch(error, host);
    expect(sent.status).toBe(404);
    expect(sent.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(sent.body).toContain('Halaman tidak ditemukan');
  });

  it('answers anything else with a logged 500 page in the reader’s language, never the error’s text', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { host, sent } = fakeHost({ lang: 'en' }, 'id');
    filter.catch(new Error('database connection is not open'), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toContain('Something went wrong');
    expect(sent.body).not.toContain('database connection');
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
