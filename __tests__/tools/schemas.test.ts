import { describe, expect, it } from '@jest/globals';
import { ciLogTool } from '../../src/tools/ci-log.js';
import { reviewFinishTool } from '../../src/tools/finish.js';
import { pullRequestDiffTool } from '../../src/tools/pull-request-diff.js';
import { toolSpecs, toolsForMode } from '../../src/tools/registry.js';

/** Every object in a JSON schema, nested ones included. */
function objectsIn(schema: unknown): Record<string, unknown>[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Record<string, unknown>;
  const nested = Object.values(node).flatMap(objectsIn);
  return node.type === 'object' ? [node, ...nested] : nested;
}

describe('the tools as the model sees them', () => {
  const specs = [
    ...toolSpecs(toolsForMode('fix')),
    ...toolSpecs([pullRequestDiffTool, reviewFinishTool, ciLogTool([])])
  ];

  it('are the JSON schemas derived from the tools’ argument schemas (a change here changes every prompt)', () => {
    expect(specs).toMatchSnapshot();
  });

  it('refuse unknown parameters at every level, as the argument checks do', () => {
    for (const spec of specs) {
      const objects = objectsIn(spec.parameters);
      expect([spec.name, objects.length > 0]).toEqual([spec.name, true]);
      for (const object of objects)
        expect([spec.name, object.additionalProperties]).toEqual([spec.name, false]);
    }
  });

  it('tell the model what each parameter means', () => {
    for (const spec of specs) {
      const properties = (spec.parameters as { properties: Record<string, { description?: string }> })
        .properties;
      for (const [name, property] of Object.entries(properties)) {
        if (name === 'severity') continue; // its enum says it all
        expect([spec.name, name, (property.description ?? '').length > 10]).toEqual([spec.name, name, true]);
      }
    }
  });
});
