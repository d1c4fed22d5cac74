import { escapeLike, normalizeSearchText, searchTokens } from './vietnamese-text';

describe('normalizeSearchText', () => {
  it.each([
    ['Giấy phép xây dựng', 'giay phep xay dung'],
    ['GIẤY PHÉP XÂY DỰNG', 'giay phep xay dung'],
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['đường Điện Biên Phủ', 'duong dien bien phu'],
    ['Cấp lại Giấy chứng nhận quyền sử dụng đất (sổ đỏ)', 'cap lai giay chung nhan quyen su dung dat so do'],
    ['  thủ   tục\t1.001234 ', 'thu tuc 1 001234'],
    ['Hỗ trợ, ưu đãi: “đầu tư”', 'ho tro uu dai dau tu'],
  ])('%s → %s', (input, expected) => expect(normalizeSearchText(input)).toBe(expected));

  it('treats precomposed and decomposed input alike', () => {
    expect(normalizeSearchText('Nguye\u0302\u0303n')).toBe(normalizeSearchText('Nguyễn'));
  });
});

describe('searchTokens', () => {
  it('returns distinct normalised words, longest first', () => {
    expect(searchTokens('Xây dựng giấy phép xây')).toEqual(['dung', 'giay', 'phep', 'xay']);
  });
  it('is empty for punctuation only', () => expect(searchTokens(' - , ')).toEqual([]));
  it('caps the number of words', () => expect(searchTokens('a b c d e f g', 3)).toHaveLength(3));
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards', () => expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b'));
});
