import { findDuplicateTopLevelKey } from '../../../functions/routing/http/duplicateJsonKeys';

describe('findDuplicateTopLevelKey', () => {
  it.each([
    ['{"brand":"a","brand":"b"}', 'brand'],
    ['{"br\\u0061nd":"a", "brand" : "b"}', 'brand'],
    ['{"zip":1,"lang":"en","zip":2}', 'zip'],
  ])('finds the repeated key in %s', (text, key) => {
    expect(findDuplicateTopLevelKey(text)).toBe(key);
  });

  it.each([
    ['{"brand":"a","product":"b"}'],
    ['{"brand":"brand","x":{"brand":1},"y":[{"brand":2}]}'],
    ['{"a":"\\"brand\\":","brand":"b"}'],
    ['[{"a":1},{"a":2}]'],
  ])('accepts %s', (text) => {
    expect(findDuplicateTopLevelKey(text)).toBeUndefined();
  });
});
