import { describe, expect, it } from 'vitest';
import { TOPICS } from './catalog';
import openapi from './openapi.json';

/** Every `enum` in the document that lists topics (a program's topic, a school's needs, a request's need topics). */
function topicEnums(node: unknown, at: string, out: Array<[string, unknown[]]>): Array<[string, unknown[]]> {
  if (Array.isArray(node)) node.forEach((n, i) => topicEnums(n, `${at}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'enum' && Array.isArray(value) && value.includes('literacy')) out.push([at, value]);
      else topicEnums(value, `${at}.${key}`, out);
    }
  }
  return out;
}

describe('the API’s catalogues', () => {
  it('knows the topic catalogue as every part of the OpenAPI document lists it, in its order', () => {
    const enums = topicEnums(openapi, '', []);
    expect(enums.length).toBeGreaterThan(0);
    for (const [at, values] of enums) expect([at, values]).toEqual([at, [...TOPICS]]);
  });
});
