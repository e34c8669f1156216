import { countText, pluralCategories, pluralCategory, selectPlural } from '../src/plural.js';
import { deepEqual, describe, equal, it } from './assert.js';

const minutes = { one: '# minutę', few: '# minuty', many: '# minut', other: '# minuty' };

describe('plural forms', () => {
  it('choose the CLDR category of a count in each language', () => {
    equal(pluralCategory('en', 1), 'one');
    equal(pluralCategory('de', 2), 'other');
    equal(pluralCategory('pl', 3), 'few');
    equal(pluralCategory('pl', 5), 'many');
    equal(pluralCategory('pl', 22), 'few');
    equal(pluralCategory('ru', 21), 'one');
    equal(pluralCategory('uk', 11), 'many');
    equal(pluralCategory('tr', 1), 'one');
    deepEqual(
      [0, 1, 2, 3, 11, 100].map((count) => pluralCategory('ar', count)),
      ['zero', 'one', 'two', 'few', 'many', 'other'],
    );
  });

  it('list the categories a language distinguishes', () => {
    deepEqual(pluralCategories('de').sort(), ['one', 'other']);
    deepEqual(pluralCategories('ar').sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
  });

  it('pick the form, fall back to other for a category left out, and write the count for #', () => {
    deepEqual([1, 2, 5, 12, 22, 25].map((count) => countText('pl', count, minutes)), [
      '1 minutę',
      '2 minuty',
      '5 minut',
      '12 minut',
      '22 minuty',
      '25 minut',
    ]);
    equal(countText('ar', 2, { two: 'دقيقتين', few: '# دقائق', other: '# دقيقة' }), 'دقيقتين');
    equal(countText('ar', 11, { two: 'دقيقتين', few: '# دقائق', other: '# دقيقة' }), '11 دقيقة');
    equal(selectPlural('ru', 5, { one: () => 'one', other: () => 'other' })(), 'other');
  });

  it('count a malformed locale as English rather than throwing', () => {
    equal(pluralCategory('not a locale', 1), 'one');
    equal(pluralCategory('not a locale', 3), 'other');
  });
});
