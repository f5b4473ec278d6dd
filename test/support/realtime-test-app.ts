import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { createTestApp, TestApp, TestAppOptions } from './test-app';

type Token = Parameters<TestingModuleBuilder['overrideProvider']>[0];

/**
 * createTestApp with one provider rebound through the testing module's own `overrideProvider`: the
 * builder createTestApp asks for gets the override first, and everything else stays as in every suite.
 */
export async function createTestAppOverriding(token: Token, value: unknown, options: TestAppOptions = {}): Promise<TestApp> {
  const create = Test.createTestingModule.bind(Test);
  const spy = jest.spyOn(Test, 'createTestingModule').mockImplementation((metadata) => create(metadata).overrideProvider(token).useValue(value));
  try {
    return await createTestApp(options);
  } finally {
    spy.mockRestore();
  }
}
