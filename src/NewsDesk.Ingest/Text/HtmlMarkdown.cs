using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsDesk.Ingest.PlainText;

namespace NewsDesk.Ingest.Text;

/// <summary>
/// Turns feed and page HTML into the Markdown that article bodies are stored as. Only an allow-list of
/// structure survives (paragraphs, headings, lists, quotes, emphasis, code, http(s) and mailto links); every
/// text run is escaped, and everything else (scripts, styles, frames, forms, event handlers, images, unknown
/// tags) is dropped. So the output is sanitized by construction, the desk edits the same Markdown it writes,
/// and the reading view's single Markdown-to-HTML path (raw HTML off, then HtmlSanitizer) stays the only
/// renderer. Images are dropped on purpose: hot-linking them would leak readers to third parties and would
/// fight a strict Content-Security-Policy; their captions are kept.
/// </summary>
public static class HtmlMarkdown
{
    /// <summary>One parser per thread: ingest converts a batch's items in parallel, and a parser shares its browsing context.</summary>
    [ThreadStatic]
    private static HtmlParser? _parser;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "svg", "math",
        "canvas", "form", "input", "select", "textarea", "button", "head", "meta", "link", "title", "img", "picture", "video",
        "audio", "source", "track", "map", "nav", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "figure", "figcaption", "address", "center",
        "details", "summary", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "body", "html", "hgroup",
    };

    private static HtmlParser Parser() => _parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });

    /// <param name="html">An HTML fragment.</param>
    /// <param name="baseUri">For resolving relative links; relative links without a base are dropped.</param>
    public static string Convert(string? html, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return FromPlainText(html);
        }

        var document = Parser().ParseDocument("<!DOCTYPE html><html><body>" + html);
        var writer = new Writer(baseUri);
        writer.Block(document.Body!);
        return writer.Result();
    }

    /// <summary>Plain text (from a text feed field) as Markdown paragraphs, split at blank lines.</summary>
    public static string FromPlainText(string text)
    {
        var paragraphs = text.ReplaceLineEndings("\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(Collapse)
            .Where(p => p.Length > 0)
            .Select(MarkdownText.Escape);
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The text of an HTML fragment (a title, a summary), entities decoded and whitespace collapsed.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return Collapse(html);
        }

        var document = Parser().ParseDocument("<!DOCTYPE html><html><body>" + html);
        return Collapse(TextOf(document.Body!));
    }

    /// <summary>
    /// The text under a node, without scripts and styles, with spaces where blocks end (so "a&lt;/p&gt;&lt;p&gt;b" is not "ab").
    /// Iterative: hostile input may nest elements far deeper than a recursive walk's stack allows.
    /// </summary>
    public static string TextOf(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var builder = new StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                builder.Append(' ');
                continue;
            }

            if (node is IText text)
            {
                builder.Append(text.Data);
                continue;
            }

            if (node is IElement element)
            {
                if (element.LocalName is "script" or "style" or "template" or "noscript")
                {
                    continue;
                }

                if (element.LocalName is "br")
                {
                    builder.Append(' ');
                    continue;
                }

                if (Blocks.Contains(element.LocalName) || element.LocalName is "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "td" or "th")
                {
                    stack.Push((node, true));
                }
            }

            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((node.ChildNodes[i], false));
            }
        }

        return builder.ToString();
    }

    /// <summary>How deeply elements nest under <paramref name="root"/>, counted without recursion.</summary>
    public static int Depth(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }

        return max;
    }

    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                space = builder.Length > 0;
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private const int MaxDepth = 100;

    private sealed class Writer(Uri? baseUri, int depth = 0)
    {
        private readonly List<string> _blocks = [];
        private readonly StringBuilder _inline = new();

        public string Result()
        {
            Flush();
            return string.Join("\n\n", _blocks).Trim();
        }

        private int _depth = depth;

        public void Block(INode node)
        {
            // Past a sane depth the structure is noise (or an attack on the stack): keep only the text.
            if (++_depth > MaxDepth)
            {
                AppendText(TextOf(node));
                _depth--;
                return;
            }

            foreach (var child in node.ChildNodes)
            {
                Node(child);
            }

            _depth--;
        }

        private void Node(INode node)
        {
            if (node is IText text)
            {
                AppendText(text.Data);
                return;
            }

            if (node is not IElement element)
            {
                return;
            }

            var name = element.LocalName;
            if (Dropped.Contains(name))
            {
                return;
            }

            switch (name)
            {
                case "br":
                    _inline.Append("\\\n");
                    return;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Heading(element, name[1] - '0');
                    return;
                case "ul" or "ol":
                    List(element, ordered: name == "ol");
                    return;
                case "blockquote":
                    Quote(element);
                    return;
                case "pre":
                    Pre(element);
                    return;
                case "hr":
                    Flush();
                    return;
                case "a":
                    Link(element);
                    return;
                case "strong" or "b":
                    Wrap(element, "**");
                    return;
                case "em" or "i" or "cite":
                    Wrap(element, "*");
                    return;
                case "code" or "kbd" or "samp" or "tt":
                    Code(element.TextContent);
                    return;
                case "td" or "th":
                    Block(element);
                    AppendText(" ");
                    return;
                case "li":
                    Block(element);
                    return;
            }

            if (Blocks.Contains(name))
            {
                Flush();
                if (name == "figcaption")
                {
                    Wrap(element, "*");
                }
                else
                {
                    Block(element);
                }

                Flush();
                return;
            }

            Block(element);
        }

        private void AppendText(string data)
        {
            var builder = new StringBuilder(data.Length);
            var space = false;
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (char.IsControl(c) || c is '\u200B' or '\uFEFF')
                {
                    continue;
                }

                if (space)
                {
                    AppendSpace(builder);
                    space = false;
                }

                builder.Append(c);
            }

            if (space)
            {
                AppendSpace(builder);
            }

            _inline.Append(EscapeInline(builder.ToString()));
        }

        // One space between words, none at the start of a block.
        private void AppendSpace(StringBuilder pending)
        {
            var last = pending.Length > 0 ? pending[^1] : _inline.Length > 0 ? _inline[^1] : '\n';
            if (last is not ' ' and not '\n')
            {
                pending.Append(' ');
            }
        }

        private void Wrap(IElement element, string marker)
        {
            var inner = new Writer(baseUri, _depth);
            inner.Block(element);
            var text = inner.InlineOnly();
            if (text.Length == 0)
            {
                return;
            }

            var leading = _inline.Length > 0 && _inline[^1] != ' ' && text.StartsWith(' ') ? " " : "";
            _inline.Append(leading).Append(marker).Append(text.Trim()).Append(marker);
            if (text.EndsWith(' '))
            {
                _inline.Append(' ');
            }
        }

        private void Link(IElement element)
        {
            var inner = new Writer(baseUri, _depth);
            inner.Block(element);
            var text = inner.InlineOnly().Trim();
            var href = SafeUrl(element.GetAttribute("href"));
            if (text.Length == 0)
            {
                return;
            }

            if (href is null)
            {
                _inline.Append(text);
                return;
            }

            _inline.Append('[').Append(text).Append("](<").Append(href.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal)).Append(">)");
        }

        private void Code(string text)
        {
            var clean = Collapse(text);
            if (clean.Length == 0)
            {
                return;
            }

            var fence = clean.Contains('`', StringComparison.Ordinal) ? "`` " : "`";
            var close = fence == "`` " ? " ``" : "`";
            _inline.Append(fence).Append(clean).Append(close);
        }

        private void Heading(IElement element, int level)
        {
            Flush();
            var inner = new Writer(baseUri, _depth);
            inner.Block(element);
            var text = inner.InlineOnly().Trim();
            if (text.Length > 0)
            {
                // The headline is the page's h1, so body headings start at h2.
                _blocks.Add(new string('#', Math.Clamp(level, 2, 4)) + " " + text.Replace("\\\n", " ", StringComparison.Ordinal));
            }
        }

        private void List(IElement element, bool ordered)
        {
            Flush();
            var number = 1;
            var items = new List<string>();
            foreach (var child in element.Children)
            {
                var inner = new Writer(baseUri, _depth);
                inner.Block(child.LocalName == "li" ? child : child);
                var text = inner.Result().Replace("\n\n", "\n", StringComparison.Ordinal);
                if (text.Length == 0)
                {
                    continue;
                }

                var marker = ordered ? $"{number++}. " : "- ";
                var indent = new string(' ', marker.Length);
                items.Add(marker + text.Replace("\n", "\n" + indent, StringComparison.Ordinal));
            }

            if (items.Count > 0)
            {
                _blocks.Add(string.Join("\n", items));
            }
        }

        private void Quote(IElement element)
        {
            Flush();
            var inner = new Writer(baseUri, _depth);
            inner.Block(element);
            var text = inner.Result();
            if (text.Length > 0)
            {
                _blocks.Add(string.Join("\n", text.Split('\n').Select(line => "> " + line)).Replace("> \n", ">\n", StringComparison.Ordinal));
            }
        }

        private void Pre(IElement element)
        {
            Flush();
            var text = element.TextContent.ReplaceLineEndings("\n").Trim('\n');
            if (text.Trim().Length == 0)
            {
                return;
            }

            var fence = "```";
            while (text.Contains(fence, StringComparison.Ordinal))
            {
                fence += "`";
            }

            _blocks.Add(fence + "\n" + text + "\n" + fence);
        }

        private string InlineOnly()
        {
            Flush();
            return string.Join(" ", _blocks);
        }

        private void Flush()
        {
            var text = _inline.ToString().Trim();
            while (text.EndsWith('\\'))
            {
                text = text[..^1].TrimEnd();
            }

            if (text.StartsWith("\\\n", StringComparison.Ordinal))
            {
                text = text[2..].TrimStart();
            }

            _inline.Clear();
            if (text.Length > 0)
            {
                _blocks.Add(EscapeLineStart(text));
            }
        }

        private string? SafeUrl(string? href) => Urls.Resolve(href, baseUri?.AbsoluteUri, allowMailto: true);

        // Escape without the line-start rules; those apply once per block in EscapeLineStart.
        private static string EscapeInline(string text)
        {
            var builder = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }

            return builder.ToString();
        }

        private static string EscapeLineStart(string text)
        {
            if (text.Length > 1 && text[0] is '-' or '+' or '=' && (text[1] == ' ' || text.All(c => c == text[0])))
            {
                return "\\" + text;
            }

            var digits = 0;
            while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits + 1 < text.Length && text[digits] is '.' or ')' && text[digits + 1] == ' ')
            {
                return text[..digits] + "\\" + text[digits..];
            }

            return text;
        }
    }
}
