declare module 'tmi.js/lib/parser.js' {
  const parser: { msg(line: string): unknown };
  export default parser;
}
