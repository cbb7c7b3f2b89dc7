/**
 * Chat text is Markdown, but raw HTML in it is shown as typed: `<` and `&`
 * outside code are escaped before the Markdown renderer sees them (which
 * sanitizes its output as well, untrusted). Images become links: a remote
 * image would tell its server who reads the chat, and when.
 */
export function chatMarkdown(text: string): string {
  return text
    .split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/!\[/g, '&#33;[')
    )
    .join('');
}
