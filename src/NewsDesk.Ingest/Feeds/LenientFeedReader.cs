using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// Reads a feed that is not well-formed the way lenient feed readers do: a tag-soup tokenizer that closes
/// unclosed elements at their parent's end tag, ignores stray end tags, keeps unescaped HTML inside a
/// description as its content, and assumes the usual namespaces for undeclared prefixes (content:, dc:).
/// Still streaming: only the entry being read is held. An entry cut off by the end of the input is dropped.
/// </summary>
internal sealed class LenientFeedReader
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "img", "hr", "input", "meta", "area", "base", "col", "embed", "source", "wbr", "param", "track",
    };

    private readonly TextReader _text;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly List<Open> _stack = [];
    private int _pos;
    private int _end;
    private bool _done;

    private readonly bool _seekFeedRoot;

    private LenientFeedReader(TextReader text, bool seekFeedRoot)
    {
        _text = text;
        _seekFeedRoot = seekFeedRoot;
    }

    /// <summary>Set when the input ended inside an entry (the entry was dropped).</summary>
    public bool Truncated { get; private set; }

    /// <param name="seekFeedRoot">Skip whatever comes before the first rss, RDF, feed or channel element
    /// (a PHP warning printed before the feed, an HTML wrapper) and take that element as the root.</param>
    public static IEnumerable<FeedNode> Read(TextReader text, Action onTruncated, CancellationToken cancellationToken, bool seekFeedRoot = false)
    {
        var reader = new LenientFeedReader(text, seekFeedRoot);
        try
        {
            foreach (var node in reader.Nodes(cancellationToken))
            {
                yield return node;
            }

            if (reader.Truncated)
            {
                onTruncated();
            }
        }
        finally
        {
            text.Dispose();
        }
    }

    private sealed class Open(XElement element, string local, Dictionary<string, string>? namespaces, string? baseUri, Capture capture)
    {
        public XElement Element { get; } = element;

        public string Local { get; } = local;

        public Dictionary<string, string>? Namespaces { get; } = namespaces;

        public string? BaseUri { get; } = baseUri;

        public Capture Capture { get; } = capture;
    }

    private enum Capture
    {
        None,
        Root,
        Channel,
        Meta,
        Entry,
        Inside,
    }

    private IEnumerable<FeedNode> Nodes(CancellationToken cancellationToken)
    {
        var sawRoot = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = Peek();
            if (c < 0)
            {
                break;
            }

            if (c != '<')
            {
                var text = ReadUntil('<');
                var top = Top();
                if (top is not null && top.Capture is Capture.Meta or Capture.Entry or Capture.Inside)
                {
                    top.Element.Add(new XText(Decode(text)));
                }

                continue;
            }

            if (StartsWith("<!--"))
            {
                SkipPast("-->");
            }
            else if (StartsWith("<![CDATA["))
            {
                _pos += 9;
                var data = ReadPast("]]>");
                var top = Top();
                if (top is not null && top.Capture is Capture.Meta or Capture.Entry or Capture.Inside)
                {
                    top.Element.Add(new XText(data));
                }
            }
            else if (StartsWith("<?"))
            {
                SkipPast(">");
            }
            else if (StartsWith("<!"))
            {
                SkipPast(">");
            }
            else if (StartsWith("</"))
            {
                _pos += 2;
                var name = ReadName();
                SkipPast(">");
                foreach (var node in Close(name))
                {
                    yield return node;
                }
            }
            else
            {
                _pos++;
                var name = ReadName();
                if (name.Length == 0)
                {
                    var top = Top();
                    if (top is not null && top.Capture is Capture.Meta or Capture.Entry or Capture.Inside)
                    {
                        top.Element.Add(new XText("<"));
                    }

                    continue;
                }

                var (attributes, selfClosing) = ReadAttributes();
                var node = OpenElement(name, attributes, selfClosing || VoidElements.Contains(LocalOf(name)), ref sawRoot);
                if (node is { } n)
                {
                    yield return n;
                }
            }
        }

        Truncated = _stack.Any(o => o.Capture == Capture.Entry);
        foreach (var open in _stack.Where(o => o.Capture == Capture.Meta))
        {
            yield return new FeedNode(FeedNodeKind.Meta, open.Element, open.BaseUri);
        }
    }

    private Open? Top() => _stack.Count > 0 ? _stack[^1] : null;

    private FeedNode? OpenElement(string name, List<(string Name, string Value)> attributes, bool selfClosing, ref bool sawRoot)
    {
        Dictionary<string, string>? declared = null;
        string? xmlBase = null;
        foreach (var (attributeName, value) in attributes)
        {
            if (attributeName == "xmlns")
            {
                (declared ??= [])[""] = value;
            }
            else if (attributeName.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                (declared ??= [])[attributeName[6..]] = value;
            }
            else if (attributeName == "xml:base")
            {
                xmlBase = value;
            }
        }

        var local = LocalOf(name);
        var xname = MakeName(name, declared);
        if (xname is null || _stack.Count >= StrictFeedReader.MaxDepth)
        {
            return null;
        }

        var element = new XElement(xname);
        foreach (var (attributeName, value) in attributes)
        {
            if (attributeName == "xmlns" || attributeName.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                continue;
            }

            var attributeXName = attributeName == "xml:base" ? XNamespace.Xml + "base" : MakeAttributeName(attributeName, declared);
            if (attributeXName is not null)
            {
                element.SetAttributeValue(attributeXName, value);
            }
        }

        var parent = Top();
        var parentBase = parent?.BaseUri;
        var baseUri = StrictFeedReader.Combine(parentBase, xmlBase);
        FeedNode? result = null;
        Capture capture;
        if (!sawRoot && _seekFeedRoot && !IsFeedRoot(local))
        {
            // Not yet inside the feed: do not open anything, so stray markup cannot swallow it.
            return null;
        }

        if (!sawRoot)
        {
            sawRoot = true;
            capture = Capture.Root;
            result = new FeedNode(FeedNodeKind.Root, new XElement(element), baseUri);
        }
        else if (parent is null)
        {
            // A second root: ignore it but keep reading its children as if under the first.
            capture = Capture.None;
        }
        else if (parent.Capture is Capture.Meta or Capture.Entry or Capture.Inside)
        {
            capture = Capture.Inside;
            parent.Element.Add(element);
        }
        else if (FeedNames.IsEntry(local))
        {
            capture = Capture.Entry;
        }
        else if (FeedNames.IsChannel(local) && parent.Capture == Capture.Root)
        {
            capture = Capture.Channel;
        }
        else if (parent.Capture is Capture.Root or Capture.Channel && FeedNames.IsMeta(local))
        {
            capture = Capture.Meta;
        }
        else
        {
            capture = Capture.None;
        }

        if (selfClosing)
        {
            return capture switch
            {
                Capture.Entry => new FeedNode(FeedNodeKind.Entry, element, parentBase),
                Capture.Meta => new FeedNode(FeedNodeKind.Meta, element, parentBase),
                _ => result,
            };
        }

        _stack.Add(new Open(element, local, declared, capture is Capture.Entry or Capture.Meta ? parentBase : baseUri, capture));
        return result;
    }

    private static bool IsFeedRoot(string local) =>
        local.ToLowerInvariant() is "rss" or "rdf" or "feed" or "channel";

    private IEnumerable<FeedNode> Close(string name)
    {
        var local = LocalOf(name);
        var index = _stack.FindLastIndex(o => o.Local.Equals(local, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            yield break;
        }

        for (var i = _stack.Count - 1; i >= index; i--)
        {
            var open = _stack[i];
            _stack.RemoveAt(i);
            if (open.Capture == Capture.Entry)
            {
                yield return new FeedNode(FeedNodeKind.Entry, open.Element, open.BaseUri);
            }
            else if (open.Capture == Capture.Meta)
            {
                yield return new FeedNode(FeedNodeKind.Meta, open.Element, open.BaseUri);
            }
        }
    }

    private string? Resolve(string prefix, Dictionary<string, string>? declared)
    {
        if (declared is not null && declared.TryGetValue(prefix, out var own))
        {
            return own;
        }

        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].Namespaces is { } ns && ns.TryGetValue(prefix, out var value))
            {
                return value;
            }
        }

        if (prefix.Length == 0)
        {
            return "";
        }

        return FeedNames.WellKnownPrefixes.TryGetValue(prefix, out var known) ? known : null;
    }

    private XName? MakeName(string name, Dictionary<string, string>? declared)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? name[..colon] : "";
        var local = Clean(colon > 0 ? name[(colon + 1)..] : name);
        if (local is null)
        {
            return null;
        }

        // An undeclared, unknown prefix: keep the element under its local name rather than lose it.
        var ns = Resolve(prefix, declared) ?? "";
        return XName.Get(local, ns);
    }

    private XName? MakeAttributeName(string name, Dictionary<string, string>? declared)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var local = Clean(colon > 0 ? name[(colon + 1)..] : name);
        if (local is null)
        {
            return null;
        }

        var ns = colon > 0 ? Resolve(name[..colon], declared) ?? "" : "";
        return XName.Get(local, ns);
    }

    private static string? Clean(string local)
    {
        var builder = new StringBuilder(local.Length);
        foreach (var c in local)
        {
            if (builder.Length == 0 ? XmlConvert.IsStartNCNameChar(c) : XmlConvert.IsNCNameChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    private static string LocalOf(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? name[(colon + 1)..] : name;
    }

    private int Peek()
    {
        if (_pos >= _end && !Fill(1))
        {
            return -1;
        }

        return _buffer[_pos];
    }

    private bool Fill(int needed)
    {
        if (_end - _pos >= needed)
        {
            return true;
        }

        if (_done)
        {
            return false;
        }

        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }

        while (_end - _pos < needed && !_done)
        {
            var read = _text.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _done = true;
            }

            _end += read;
        }

        return _end - _pos >= needed;
    }

    private bool StartsWith(string text) => Fill(text.Length) && _buffer.AsSpan(_pos, text.Length).SequenceEqual(text);

    private string ReadUntil(char stop)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (_pos >= _end && !Fill(1))
            {
                return builder.ToString();
            }

            var span = _buffer.AsSpan(_pos, _end - _pos);
            var index = span.IndexOf(stop);
            if (index >= 0)
            {
                builder.Append(span[..index]);
                _pos += index;
                return builder.ToString();
            }

            builder.Append(span);
            _pos = _end;
        }
    }

    private string ReadPast(string terminator)
    {
        var builder = new StringBuilder();
        while (true)
        {
            if (StartsWith(terminator))
            {
                _pos += terminator.Length;
                return builder.ToString();
            }

            if (_pos >= _end && !Fill(1))
            {
                return builder.ToString();
            }

            builder.Append(_buffer[_pos++]);
        }
    }

    private void SkipPast(string terminator) => ReadPast(terminator);

    private string ReadName()
    {
        var builder = new StringBuilder();
        while (Peek() is var c && c >= 0 && !char.IsWhiteSpace((char)c) && c is not '>' and not '/' and not '<' and not '=' and not '"' and not '\'')
        {
            builder.Append((char)c);
            _pos++;
        }

        return builder.ToString();
    }

    private (List<(string Name, string Value)> Attributes, bool SelfClosing) ReadAttributes()
    {
        var attributes = new List<(string, string)>();
        while (true)
        {
            while (Peek() is var w && w >= 0 && char.IsWhiteSpace((char)w))
            {
                _pos++;
            }

            var c = Peek();
            if (c < 0)
            {
                return (attributes, false);
            }

            if (c == '>')
            {
                _pos++;
                return (attributes, false);
            }

            if (c == '/')
            {
                _pos++;
                if (Peek() == '>')
                {
                    _pos++;
                    return (attributes, true);
                }

                continue;
            }

            if (c == '<')
            {
                return (attributes, false);
            }

            var name = ReadName();
            if (name.Length == 0)
            {
                _pos++;
                continue;
            }

            var value = "";
            while (Peek() is var s && s >= 0 && char.IsWhiteSpace((char)s))
            {
                _pos++;
            }

            if (Peek() == '=')
            {
                _pos++;
                while (Peek() is var s2 && s2 >= 0 && char.IsWhiteSpace((char)s2))
                {
                    _pos++;
                }

                var q = Peek();
                if (q is '"' or '\'')
                {
                    _pos++;
                    value = Decode(ReadUntil((char)q));
                    if (Peek() == q)
                    {
                        _pos++;
                    }
                }
                else
                {
                    var builder = new StringBuilder();
                    while (Peek() is var u && u >= 0 && !char.IsWhiteSpace((char)u) && u != '>')
                    {
                        builder.Append((char)u);
                        _pos++;
                    }

                    value = Decode(builder.ToString());
                }
            }

            attributes.Add((name, value));
        }
    }

    /// <summary>Decodes the references the repair filter leaves: the five XML ones and numeric ones.</summary>
    private static string Decode(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var semicolon = c == '&' ? text.IndexOf(';', i) : -1;
            if (semicolon < 0 || semicolon - i > 12)
            {
                builder.Append(c);
                continue;
            }

            var name = text.AsSpan(i + 1, semicolon - i - 1);
            string? value = name switch
            {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                _ when name.Length > 1 && name[0] == '#' => Numeric(name[1..]),
                _ => null,
            };
            if (value is null)
            {
                builder.Append(c);
                continue;
            }

            builder.Append(value);
            i = semicolon;
        }

        return builder.ToString();
    }

    private static string? Numeric(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 1 && digits[0] is 'x' or 'X';
        var ok = hex
            ? int.TryParse(digits[1..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        return ok && code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : null;
    }
}
