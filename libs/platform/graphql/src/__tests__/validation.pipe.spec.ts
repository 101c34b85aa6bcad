import { createValidationPipe, findUnstorableText } from '../validation.pipe';

describe('findUnstorableText', () => {
  it('finds a NUL in plain strings, nested input objects and lists, naming the path', () => {
    expect(findUnstorableText('a\u0000b', 'title')).toBe('title');
    expect(findUnstorableText({ name: { ky: 'ok', ru: 'x\u0000' } }, 'input')).toBe('input.name.ru');
    expect(findUnstorableText({ lines: [{ title: 'ok' }, { title: '\u0000' }] }, 'input')).toBe('input.lines.1.title');
    expect(findUnstorableText(['a', ['b', 'c\u0000']], 'codes')).toBe('codes.1.1');
  });

  it('passes ordinary text, numbers, null and other control characters', () => {
    expect(findUnstorableText({ a: 'Ак-Дөбө\t\n', b: 3, c: null, d: [true] }, 'input')).toBeNull();
    expect(findUnstorableText({ file: Buffer.from([0, 0, 0]) }, 'input')).toBeNull(); // bytes are not text
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  it('refuses a NUL in a GraphQL argument with BAD_USER_INPUT on its path', async () => {
    await expect(pipe.transform('x\u0000', { type: 'body', data: 'body', metatype: String })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'body',
      messageKey: 'errors.validation.invalidCharacters',
    });
  });

  it('leaves the context and custom parameters alone', async () => {
    const ctx = { req: { body: 'x\u0000' } };
    await expect(pipe.transform(ctx, { type: 'custom', metatype: Object })).resolves.toBe(ctx);
  });
});
