import { sniffFileType } from './file-type';

describe('sniffFileType', () => {
  test('reads PDF, JPEG and PNG from their first bytes', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });
  test('tells Word from Excel inside a ZIP, and a plain ZIP from both', () => {
    const zip = (parts: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(parts, 'latin1')]);
    expect(sniffFileType(zip('[Content_Types].xml word/document.xml'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffFileType(zip('[Content_Types].xml xl/workbook.xml'))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffFileType(zip('photo.jpg'))).toBeNull();
  });
  test('an HTML page named .pdf is nothing we accept', () => {
    expect(sniffFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffFileType(Buffer.alloc(0))).toBeNull();
  });
});
