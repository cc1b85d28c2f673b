// The few pdfkit members bench/documents.bench.ts uses (pdfkit ships no types; it is the speed reference).
declare module 'pdfkit' {
  interface PDFKitOptions {
    size?: [number, number] | string;
    margin?: number;
    autoFirstPage?: boolean;
    compress?: boolean;
    info?: Record<string, string | Date>;
  }
  export default class PDFDocument {
    constructor(options?: PDFKitOptions);
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    addPage(options?: PDFKitOptions): this;
    registerFont(name: string, src: Uint8Array): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string | [number, number, number]): this;
    strokeColor(color: string | [number, number, number]): this;
    lineWidth(width: number): this;
    text(
      text: string,
      x: number,
      y: number,
      options?: { lineBreak?: boolean; characterSpacing?: number },
    ): this;
    rect(x: number, y: number, w: number, h: number): this;
    circle(x: number, y: number, r: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    fill(color?: string | [number, number, number]): this;
    stroke(): this;
    end(): void;
  }
}
