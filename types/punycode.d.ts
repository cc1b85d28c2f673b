// The userland punycode package (RFC 3492/5891). Imported by its file path so Node does not resolve the
// deprecated built-in `punycode` module instead; @types/node only types the built-in.
declare module 'punycode/punycode.js' {
  const punycode: {
    toASCII(domain: string): string;
    toUnicode(domain: string): string;
    encode(input: string): string;
    decode(input: string): string;
  };
  export default punycode;
}
