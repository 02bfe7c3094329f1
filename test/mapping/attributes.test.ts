import { attributeUrls, attributeValue } from '../../src/entities/user/attributes.mapping';

describe('attributeValue', () => {
  const attributes = [
    { key: 'timezone', value: '  ' },
    { key: 'avatar', value: ' https://cdn.example.com/a.png ' },
    { key: 'timezone', value: 'Europe/Helsinki' },
    { key: 'timezone', value: 'Europe/Stockholm' },
  ];

  it.each([
    ['avatar', 'https://cdn.example.com/a.png'],
    ['timezone', 'Europe/Helsinki'], // first present value, blank skipped
    ['Timezone', null],
    ['missing', null],
  ])('%s → %j', (key, expected) => {
    expect(attributeValue(attributes, key)).toBe(expected);
  });

  it('is null without attributes', () => {
    expect(attributeValue([], 'avatar')).toBeNull();
  });
});

describe('attributeUrls', () => {
  it.each([
    ['https', { key: 'homepage', value: 'https://alice.example.com/' }, [{ url: 'https://alice.example.com/', type: 'homepage' }]],
    ['http, trimmed', { key: 'blog', value: ' http://blog.example.com/a?b=c ' }, [{ url: 'http://blog.example.com/a?b=c', type: 'blog' }]],
    ['upper-case scheme', { key: 'site', value: 'HTTPS://example.com' }, [{ url: 'HTTPS://example.com', type: 'site' }]],
    ['avatar excluded', { key: 'avatar', value: 'https://cdn.example.com/a.png' }, []],
    ['ftp', { key: 'files', value: 'ftp://files.example.com/' }, []],
    ['mailto', { key: 'contact', value: 'mailto:alice@example.com' }, []],
    ['javascript', { key: 'x', value: 'javascript:alert(1)' }, []],
    ['no scheme', { key: 'site', value: 'www.example.com' }, []],
    ['garbage', { key: 'site', value: 'http//:nope' }, []],
    ['plain text', { key: 'timezone', value: 'Europe/Helsinki' }, []],
    ['blank', { key: 'site', value: ' ' }, []],
  ])('%s', (_case, attribute, expected) => {
    expect(attributeUrls([attribute])).toEqual(expected);
  });

  it('keeps attribute order', () => {
    expect(
      attributeUrls([
        { key: 'b', value: 'https://b.example.com' },
        { key: 'avatar', value: 'https://cdn.example.com/a.png' },
        { key: 'a', value: 'http://a.example.com' },
        { key: 'b', value: 'https://b2.example.com' },
      ]),
    ).toEqual([
      { url: 'https://b.example.com', type: 'b' },
      { url: 'http://a.example.com', type: 'a' },
      { url: 'https://b2.example.com', type: 'b' },
    ]);
  });
});
