import { readFileSync, writeFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

for (const locale of process.argv.slice(2)) {
  const parser = new PDFParse({ data: readFileSync(`/tmp/conv-${locale}.pdf`) });
  const shot = await parser.getScreenshot({ scale: 1.4 });
  writeFileSync(`/tmp/conv-${locale}.png`, shot.pages[0]!.data);
  const text = await parser.getText();
  process.stdout.write(`--- ${locale}\n${text.text}\n`);
  await parser.destroy();
}
