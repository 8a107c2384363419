import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY } from '../../backend/src/common/roles.js';
import { startTestApp, type TestApp } from '../support/app.js';

// @nestjs/graphql marks resolver classes and their query/mutation methods with this key.
const RESOLVER_TYPE = 'graphql:resolver_type';

describe('access guard', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('every query and mutation declares who may call it (@Roles or @Public)', () => {
    const discovery = new DiscoveryService(app.cairn.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const operations: string[] = [];
    const unguarded: string[] = [];
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype || !Reflect.getMetadata(RESOLVER_TYPE, wrapper.metatype)) continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const method = proto[name];
        const type = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const label = `${wrapper.metatype.name}.${name}`;
        operations.push(label);
        const access = Reflect.getMetadata(ACCESS_KEY, method) ?? Reflect.getMetadata(ACCESS_KEY, wrapper.metatype);
        if (!access) unguarded.push(label);
      }
    }
    expect(operations).toEqual(
      expect.arrayContaining(['AuthResolver.me', 'AuthResolver.login', 'AuthResolver.logout']),
    );
    expect(unguarded).toEqual([]);
  });
});
