import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const html = (md: string) => renderToStaticMarkup(<>{renderMarkdown(md)}</>);

describe('renderMarkdown', () => {
  it('renders headings one level down, lists with continuation lines, and inline code', () => {
    expect(html('# Title\n\n- one `a`\n  more\n- **two**\n\ntext')).toBe(
      '<h2>Title</h2><ul><li>one <code>a</code> more</li><li><strong>two</strong></li></ul><p>text</p>',
    );
  });

  it('never turns text into markup, and links only to absolute http(s) URLs', () => {
    expect(html('<img src=x onerror=alert(1)> [spec](../spec.md) [aws](https://aws.amazon.com/)')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; <span>spec</span> <a href="https://aws.amazon.com/" target="_blank" rel="noreferrer noopener">aws</a></p>',
    );
  });
});
